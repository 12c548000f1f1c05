/**
 * lib/recognize on the two real fixtures and the generated variants (tests/fixtures/variants).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { looksLikeDisclosure, recognize } from '../../lib/recognize';
import type { Disclosure, Panel, Row, TableKey, TableModel } from '../../lib/model/types';

const FIX = path.join(__dirname, '..', 'fixtures');
const ALL: TableKey[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];

function load(file: string): { d: Disclosure; document: Document } {
  const { document } = parseHTML(fs.readFileSync(path.join(FIX, file), 'utf8'));
  return { d: recognize(extractDocument(document)), document: document as unknown as Document };
}

function t(d: Disclosure, k: TableKey): TableModel {
  const m = d.tables[k];
  if (!m) throw new Error(`${k} not recognised`);
  return m;
}

function panel(m: TableModel, id: string): Panel {
  const p = m.panels.find((x) => x.id === id);
  if (!p) throw new Error(`${m.key}: no panel ${id}`);
  return p;
}

function rowNamed(p: Panel, name: string): Row {
  const r = p.rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
}

function rowCoded(p: Panel, code: string): Row {
  const r = p.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
}

/** The value of a cell as text with the decimals it stands for ("880.81", "10.00", "empty"). */
function val(r: Row, key: string): string {
  const c = r.cells[key];
  if (!c) return 'none';
  const v = c.value;
  return v.kind === 'number' ? v.value.toFixed(v.decimals) : v.kind;
}

function keys(p: Panel): string[] {
  return p.columns.map((c) => c.key);
}

/** Everything a rule can see of a disclosure, without DOM or grid positions. */
function summary(d: Disclosure, scale = 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ALL) {
    const m = d.tables[k];
    if (!m) continue;
    out[k] = m.panels.map((p) => ({
      id: p.id,
      columns: keys(p),
      rows: p.rows.map((r) => [
        r.kind,
        r.code,
        r.level,
        r.name,
        r.line,
        Object.fromEntries(
          Object.entries(r.cells).map(([key, c]) => [
            key,
            c.value.kind === 'number' ? c.value.value.times(scale).toFixed(2) : c.value.kind,
          ]),
        ),
      ]),
    }));
  }
  return out;
}

/** Every model cell points at its own grid slot and DOM cell. */
function expectCellsLinked(m: TableModel): void {
  let n = 0;
  for (const p of m.panels) {
    for (const r of p.rows) {
      for (const [key, c] of Object.entries(r.cells)) {
        n++;
        expect(c.table).toBe(m.key);
        expect(c.row).toBe(r.row);
        expect(p.columns.find((col) => col.key === key)?.col).toBe(c.col);
        expect(c.text).toBe(c.source.text);
        expect(c.source.el?.tagName).toMatch(/^T[DH]$/);
        const block = m.blocks.find((b) => b.grid[c.source.row]?.[c.source.col]?.cell === c.source);
        expect(block, `${m.key} r${c.row} ${key}: source cell is in one of the table's blocks`).toBeDefined();
      }
    }
  }
  expect(n).toBeGreaterThan(0);
}

describe('lukou-2024 (Hunan, Word export)', () => {
  const { d, document } = load('lukou-2024.html');

  it('recognises all nine tables, nothing unrecognised, with page info', () => {
    expect(Object.keys(d.tables).sort()).toEqual(ALL);
    expect(d.unrecognised).toEqual([]);
    expect(d.info.unit).toBe('万元');
    expect(d.info.year).toBe(2024);
    expect(d.info.department).toBe('中共株洲市渌口区委办公室');
    for (const k of ALL) {
      expect(t(d, k).marker).toBe(`公开0${k.slice(1)}表`);
      expect(t(d, k).unit).toBe('万元');
      expectCellsLinked(t(d, k));
    }
    expect(looksLikeDisclosure(document)).toBe(true);
  });

  it('T1: income and expense halves with 行次, totals and 总计', () => {
    const m = t(d, 'T1');
    expect(m.title).toBe('收入支出决算总表');
    expect(m.panels.map((p) => p.id)).toEqual(['income', 'expense']);
    const inc = panel(m, 'income');
    const exp = panel(m, 'expense');
    expect(keys(inc)).toEqual(['name', 'line', 'amount']);
    expect(keys(exp)).toEqual(['name', 'line', 'amount']);
    const r1 = rowNamed(inc, '一、一般公共预算财政拨款收入');
    expect([r1.kind, r1.line, val(r1, 'amount')]).toEqual(['data', 1, '880.81']);
    const tot = rowNamed(inc, '本年收入合计');
    expect([tot.kind, tot.line, val(tot, 'amount')]).toEqual(['total', 27, '896.57']);
    expect(tot.cells.amount.text).toBe('896.57');
    expect(rowNamed(inc, '总计').kind).toBe('grand-total');
    expect(val(rowNamed(inc, '年初结转和结余'), 'amount')).toBe('0.00');
    expect(val(rowNamed(inc, '二、政府性基金预算财政拨款收入'), 'amount')).toBe('empty');
    // 26 expense 类 rows (一…二十六), then 本年支出合计 / 结余分配 / 年末结转和结余 / 总计.
    expect(exp.rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r.name))).toHaveLength(26);
    expect(val(rowNamed(exp, '本年支出合计'), 'amount')).toBe('896.57');
    expect(rowNamed(exp, '本年支出合计').line).toBe(57);
    // Income rows 9–26 print only a line number: blank rows.
    expect(inc.rows.filter((r) => r.kind === 'blank')).toHaveLength(18);
    expect(m.notes.some((n) => n.text.startsWith('注：'))).toBe(true);
  });

  it('T2/T3: function codes with levels, 合计 row, integer amounts at the table precision', () => {
    const t2 = t(d, 'T2');
    const p = panel(t2, 'main');
    expect(keys(p)).toEqual(['code', 'name', 'total', 'fiscal', 'upper', 'business', 'operating', 'affiliated', 'other']);
    const total = p.rows.find((r) => r.kind === 'total')!;
    expect([total.name, val(total, 'total'), val(total, 'fiscal'), val(total, 'other'), val(total, 'upper')]).toEqual([
      '合计',
      '896.57',
      '880.81',
      '15.76',
      '0.00',
    ]);
    const r = rowCoded(p, '2013199');
    expect([r.level, r.name, val(r, 'total')]).toEqual(['xiang', '其他党委办公厅（室）及相关机构事务支出', '10.00']);
    const ten = r.cells.total.value;
    expect(ten.kind === 'number' && ten.printedDecimals).toBe(0);
    expect(rowCoded(p, '201').level).toBe('lei');
    expect(rowCoded(p, '20131').level).toBe('kuan');
    expect(p.rows.filter((x) => x.kind === 'data')).toHaveLength(14);
    // The 栏次 row and the header rows are not rows of the model.
    expect(p.rows.some((x) => x.name.includes('栏'))).toBe(false);

    const t3 = t(d, 'T3');
    expect(keys(panel(t3, 'main'))).toEqual(['code', 'name', 'total', 'basic', 'project', 'remit', 'operating', 'subsidy']);
    expect(val(rowCoded(panel(t3, 'main'), '2299999'), 'basic')).toBe('15.76');
  });

  it('T4: income by fund, expense 类 rows by fund column', () => {
    const m = t(d, 'T4');
    expect(keys(panel(m, 'income'))).toEqual(['name', 'line', 'amount']);
    expect(keys(panel(m, 'expense'))).toEqual(['name', 'line', 'total', 'general', 'govfund', 'soe']);
    const exp = panel(m, 'expense');
    const r = rowNamed(exp, '本年支出合计');
    expect([r.kind, val(r, 'total'), val(r, 'general'), val(r, 'govfund')]).toEqual(['total', '880.81', '880.81', 'empty']);
    // "880.81　" with a trailing ideographic space is still a number.
    expect(val(rowNamed(panel(m, 'income'), '本年收入合计'), 'amount')).toBe('880.81');
    expect(panel(m, 'expense').columns.find((c) => c.key === 'general')!.header).toBe('支出/一般公共预算财政拨款');
  });

  it('T5: 本年支出/小计 is the total column', () => {
    const p = panel(t(d, 'T5'), 'main');
    expect(keys(p)).toEqual(['code', 'name', 'total', 'basic', 'project']);
    expect(p.columns[2].header).toBe('本年支出/小计');
    const tot = p.rows.find((r) => r.kind === 'total')!;
    expect([val(tot, 'total'), val(tot, 'basic'), val(tot, 'project')]).toEqual(['880.81', '880.81', 'empty']);
  });

  it('T6: three (code, name, amount) groups; a merged total cell is counted once', () => {
    const m = t(d, 'T6');
    expect(m.panels.map((p) => p.id)).toEqual(['left', 'middle', 'right']);
    for (const p of m.panels) expect(keys(p)).toEqual(['code', 'name', 'amount']);
    const left = panel(m, 'left');
    const mid = panel(m, 'middle');
    const right = panel(m, 'right');
    expect(val(rowNamed(left, '人员经费合计'), 'amount')).toBe('582.12');
    expect(rowNamed(left, '人员经费合计').kind).toBe('total');
    expect(val(rowNamed(mid, '公用经费合计'), 'amount')).toBe('298.68');
    expect(rowCoded(mid, '30212').name).toBe('因公出国（境）费用');
    expect(val(rowCoded(mid, '30212'), 'amount')).toBe('7.57');
    expect(rowCoded(right, '310').level).toBe('lei');
    expect(val(rowCoded(right, '31002'), 'amount')).toBe('0.24');
    // 298.68 spans the right group's columns: it appears in exactly one panel.
    const src = rowNamed(mid, '公用经费合计').cells.amount.source;
    const uses = m.panels.flatMap((p) => p.rows.flatMap((r) => Object.values(r.cells))).filter((c) => c.source === src);
    expect(uses).toHaveLength(1);
    expect(right.rows.find((r) => r.row === rowNamed(mid, '公用经费合计').row)!.kind).toBe('blank');
  });

  it('T7/T8: empty tables with their explanation in the notes', () => {
    const t7 = t(d, 'T7');
    expect(keys(panel(t7, 'main'))).toEqual(['code', 'name', 'opening', 'income', 'total', 'basic', 'project', 'closing']);
    expect(t7.allEmpty).toBe(true);
    expect(t7.notes.some((n) => n.text.includes('本表无数据'))).toBe(true);
    const t8 = t(d, 'T8');
    expect(keys(panel(t8, 'main'))).toEqual(['code', 'name', 'total', 'basic', 'project']);
    expect(t8.allEmpty).toBe(true);
    expect(t8.notes.some((n) => n.text.includes('本表无数据'))).toBe(true);
    // The note row printed inside T8's body is not a data row.
    expect(panel(t8, 'main').rows.some((r) => r.name.startsWith('注'))).toBe(false);
    expect(t(d, 'T1').allEmpty).toBe(false);
  });

  it('T9: budget and actual per item from a three-row header', () => {
    const m = t(d, 'T9');
    const p = panel(m, 'main');
    expect(keys(p)).toEqual([
      'budget.total', 'budget.abroad', 'budget.car', 'budget.carPurchase', 'budget.carRunning', 'budget.reception',
      'actual.total', 'actual.abroad', 'actual.car', 'actual.carPurchase', 'actual.carRunning', 'actual.reception',
    ]);
    const data = p.rows.filter((r) => r.kind !== 'blank');
    expect(data).toHaveLength(1);
    expect([val(data[0], 'budget.total'), val(data[0], 'budget.reception'), val(data[0], 'actual.total'), val(data[0], 'actual.car')]).toEqual([
      '9.32',
      '1.75',
      '7.57',
      '0.00',
    ]);
  });

  it('passes the tables, their notes and the narrative to splitSections', () => {
    expect(d.paragraphs.length).toBeGreaterThan(100);
    expect(d.sections.length).toBeGreaterThan(0);
  });
});

describe('putuo-2025 (Shanghai layout)', () => {
  const { d, document } = load('putuo-2025.html');

  it('recognises nine tables (三公 7th), year with a space, department from the title', () => {
    expect(Object.keys(d.tables).sort()).toEqual(ALL);
    expect(d.unrecognised).toEqual([]);
    expect(d.info.year).toBe(2025);
    expect(d.info.department).toBe('上海市普陀区生态环境局');
    expect(d.info.unit).toBe('万元');
    const order = ALL.slice().sort((a, b) => t(d, a).blocks[0].index - t(d, b).blocks[0].index);
    expect(order).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T9', 'T7', 'T8']);
    for (const k of ALL) {
      expect(t(d, k).marker).toBeNull();
      expectCellsLinked(t(d, k));
    }
    expect(looksLikeDisclosure(document)).toBe(true);
  });

  it('leaves the unit list table (序号 / 单位名称) alone', () => {
    const first = Math.min(...ALL.map((k) => t(d, k).blocks[0].index));
    expect(first).toBeGreaterThan(0);
    expect(d.unrecognised).toHaveLength(0);
  });

  it('T1 without 行次; thousands separators', () => {
    const m = t(d, 'T1');
    expect(keys(panel(m, 'income'))).toEqual(['name', 'amount']);
    expect(keys(panel(m, 'expense'))).toEqual(['name', 'amount']);
    const r = rowNamed(panel(m, 'income'), '一、一般公共预算财政拨款收入');
    expect([r.line, val(r, 'amount'), r.cells.amount.text]).toEqual([null, '4733.14', '4,733.14']);
    expect(val(rowNamed(panel(m, 'expense'), '十、节能环保支出'), 'amount')).toBe('3742.47');
  });

  it('T2/T5: 类 款 项 header, 决算数 sub-headers, 合计 at the bottom', () => {
    const p2 = panel(t(d, 'T2'), 'main');
    expect(keys(p2)).toEqual(['code', 'name', 'total', 'fiscal', 'upper', 'business', 'operating', 'affiliated', 'other']);
    expect(p2.columns[2].header).toBe('本年收入合计/决算数');
    expect(val(rowCoded(p2, '2111101'), 'total')).toBe('1493.39');
    const p5 = panel(t(d, 'T5'), 'main');
    const last = p5.rows[p5.rows.length - 1];
    expect([last.kind, val(last, 'total'), val(last, 'project')]).toEqual(['total', '4733.14', '1367.75']);
  });

  it('T6: split 类/款 code columns joined, two groups', () => {
    const m = t(d, 'T6');
    expect(m.panels.map((p) => p.id)).toEqual(['left', 'right']);
    expect(keys(panel(m, 'left'))).toEqual(['code', 'code2', 'name', 'amount']);
    const r = rowCoded(panel(m, 'left'), '30101');
    expect([r.level, r.name, val(r, 'amount')]).toEqual(['kuan', '基本工资', '405.36']);
    expect(rowCoded(panel(m, 'left'), '301').level).toBe('lei');
    expect(val(rowCoded(panel(m, 'right'), '30231'), 'amount')).toBe('16.95');
    expect(val(rowNamed(panel(m, 'right'), '公用经费合计'), 'amount')).toBe('416.36');
  });

  it('T7: sub-headers printed as <th> beside the 合计 row are headers, not values', () => {
    const p = panel(t(d, 'T7'), 'main');
    expect(keys(p)).toEqual(['code', 'name', 'opening', 'income', 'total', 'basic', 'project', 'closing']);
    const tot = p.rows.find((r) => r.kind === 'total')!;
    // The label is kept as a "no value" cell (issue 16 class 7): never an absent cell, which counts as 0.
    expect(tot.cells.basic?.value).toEqual({ kind: 'nan', text: '基本支出', label: true });
    expect(val(tot, 'opening')).toBe('empty');
    expect(t(d, 'T7').allEmpty).toBe(true);
    expect(t(d, 'T8').title).toBe('国有资本经营预算财政拨款收入支出决算表');
  });

  it('T9: interleaved 预算数/决算数 columns', () => {
    const p = panel(t(d, 'T9'), 'main');
    expect(keys(p).slice(0, 4)).toEqual(['budget.total', 'actual.total', 'budget.abroad', 'actual.abroad']);
    const r = p.rows.find((x) => x.kind === 'data')!;
    expect([val(r, 'budget.total'), val(r, 'actual.total'), val(r, 'actual.carRunning'), val(r, 'budget.reception')]).toEqual([
      '21.00',
      '16.95',
      '16.95',
      '0.50',
    ]);
  });
});

describe('variants of the seed page', () => {
  const seed = load('lukou-2024.html').d;
  const base = summary(seed);

  it('plain <table>/<th> markup reads the same', () => {
    const { d, document } = load('variants/plain-th.html');
    expect(summary(d)).toEqual(base);
    expect(d.info).toMatchObject({ unit: '万元', year: 2024, department: '中共株洲市渌口区委办公室' });
    expect(looksLikeDisclosure(document)).toBe(true);
  });

  it('amounts in 元 with thousands separators', () => {
    const { d } = load('variants/yuan.html');
    expect(d.info.unit).toBe('元');
    for (const k of ALL) expect(t(d, k).unit).toBe('元');
    expect(summary(d)).toEqual(summary(seed, 10000));
    const tot = panel(t(d, 'T2'), 'main').rows.find((r) => r.kind === 'total')!;
    expect(tot.cells.total.text).toBe('8,965,700.00');
    expect(val(tot, 'total')).toBe('8965700.00');
  });

  it('a table split at a page break with its header repeated is stitched', () => {
    const { d } = load('variants/split-header.html');
    expect(d.unrecognised).toEqual([]);
    expect(summary(d)).toEqual(base);
    for (const k of ['T2', 'T3'] as const) {
      const m = t(d, k);
      expect(m.blocks).toHaveLength(2);
      expect(m.rows).toBe(t(seed, k).rows);
      expectCellsLinked(m);
    }
    // A row from the second <table>: grid row in the concatenated table, source row in its block.
    const r = rowCoded(panel(t(d, 'T2'), 'main'), '2299999');
    expect(r.row).toBe(18);
    expect(r.cells.total.source.row).toBeLessThan(r.row);
    expect(t(d, 'T2').blocks[1].el!.contains(r.cells.total.source.el)).toBe(true);
  });

  it('a table split without a repeated header is stitched by codes / line numbers', () => {
    const { d } = load('variants/split-bare.html');
    expect(d.unrecognised).toEqual([]);
    expect(summary(d)).toEqual(base);
    for (const k of ['T1', 'T2', 'T3'] as const) {
      expect(t(d, k).blocks).toHaveLength(2);
      expectCellsLinked(t(d, k));
    }
    expect(rowNamed(panel(t(d, 'T1'), 'income'), '总计').line).toBe(30);
  });

  it('tables in another order with 表一…表九 markers', () => {
    const { d } = load('variants/reordered.html');
    expect(summary(d)).toEqual(base);
    const order: TableKey[] = ['T9', 'T1', 'T3', 'T2', 'T6', 'T5', 'T4', 'T8', 'T7'];
    const cn = '一二三四五六七八九';
    order.forEach((k, i) => expect(t(d, k).marker).toBe(`表${cn[i]}`));
    expect(t(d, 'T1').title).toBe('收入支出决算总表');
  });

  it('the older 8-table layout (no T8, 一般公共预算财政拨款"三公"…)', () => {
    const { d } = load('variants/older-8.html');
    expect(Object.keys(d.tables).sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T9']);
    expect(t(d, 'T9').title).toBe('一般公共预算财政拨款“三公”经费支出决算表');
    expect(t(d, 'T9').marker).toBe('公开08表');
    expect(d.unrecognised).toEqual([]);
  });

  it('a page with only unrelated tables recognises nothing', () => {
    const { d, document } = load('variants/unrelated.html');
    expect(d.tables).toEqual({});
    expect(d.unrecognised).toEqual([]);
    expect(d.info.department).toBeNull();
    expect(looksLikeDisclosure(document)).toBe(false);
  });
});
