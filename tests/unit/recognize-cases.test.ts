/**
 * lib/recognize on small made-up pages: title aliases, markers, unit/department/year lines,
 * in-table titles, code layouts, row kinds, stitching rules and the "never guess" cases.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { recognize, titleKeys } from '../../lib/recognize';
import { departmentYearFromTitle, findDepartment, findMarker, findUnit } from '../../lib/recognize/text';
import type { Disclosure, Panel, Row, TableKey, TableModel } from '../../lib/model/types';

/** "text@c2@r3@th": a cell with colspan 2, rowspan 3, as <th>. */
function cell(spec: string): string {
  const [text, ...flags] = spec.split('@');
  let attrs = '';
  let tag = 'td';
  for (const f of flags) {
    if (f === 'th') tag = 'th';
    else if (f[0] === 'c') attrs += ` colspan="${f.slice(1)}"`;
    else if (f[0] === 'r') attrs += ` rowspan="${f.slice(1)}"`;
  }
  return `<${tag}${attrs}>${text}</${tag}>`;
}

function table(rows: string[][]): string {
  return `<table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`;
}

function page(body: string, title = '测试局2024年度部门决算'): Disclosure {
  const { document } = parseHTML(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  return recognize(extractDocument(document as unknown as Document));
}

function t(d: Disclosure, k: TableKey): TableModel {
  const m = d.tables[k];
  if (!m) throw new Error(`${k} not recognised; unrecognised: ${JSON.stringify(d.unrecognised)}`);
  return m;
}

function main(m: TableModel): Panel {
  return m.panels[0];
}

function val(r: Row, key: string): string {
  const c = r.cells[key];
  if (!c) return 'none';
  return c.value.kind === 'number' ? c.value.value.toFixed(c.value.decimals) : c.value.kind;
}

const T2_HEAD = [
  ['项目@c2', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
];
const T2_BODY = [
  ['合计@c2', '100.00', '90.00', '', '', '', '', '10.00'],
  ['201', '一般公共服务支出', '60.00', '60.00', '', '', '', '', ''],
  ['20131', '党委办公厅（室）及相关机构事务', '60.00', '60.00', '', '', '', '', ''],
  ['2013101', '行政运行', '60.00', '60.00', '', '', '', '', ''],
  ['229', '其他支出', '40.00', '30.00', '', '', '', '', '10.00'],
];
const T3_HEAD = [['项目@c2', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], ['科目编码', '科目名称', '', '', '', '', '', '']];

describe('titles', () => {
  it.each<[string, TableKey[]]>([
    ['收入支出决算总表', ['T1']],
    ['部门收支决算总表', ['T1']],
    ['财政拨款收入支出决算总表', ['T4']],
    ['收入决算表', ['T2']],
    ['收入决算明细表', ['T2']],
    ['收入决算总表', ['T1', 'T2']],
    ['支出决算表', ['T3']],
    ['一般公共预算财政拨款支出决算表', ['T5']],
    ['一般公共预算财政拨款支出决算明细表', ['T5']],
    ['一般公共预算财政拨款基本支出决算明细表', ['T6']],
    ['一般公共预算财政拨款基本支出决算表', ['T6']],
    ['政府性基金预算财政拨款收入支出决算表', ['T7']],
    ['国有资本经营预算财政拨款支出决算表', ['T8']],
    ['国有资本经营预算财政拨款收入支出决算表', ['T8']],
    ['财政拨款“三公”经费支出决算表', ['T9']],
    ['一般公共预算财政拨款"三公"经费支出决算表', ['T9']],
    ['财政拨款“三公”经费及会议费、培训费支出决算表', ['T9']],
    ['一般公共预算财政拨款‘三公’经费支出决算表', ['T9']],
    ['收 入 支 出 决 算 总 表', ['T1']],
    ['表1: 收入支出决算总表', ['T1']],
    ['公开02表 收入决算表 单位：万元', ['T2']],
    ['某某局2024年度支出决算表', ['T3']],
    ['收入决算表（续）', ['T2']],
    ['收入支出决算总表（公开01表）', ['T1']],
    ['支出决算表（单位：万元）', ['T3']],
    ['部门决算表', []],
    // Budget tables (budget.md): no 决算 in the title; the Shanghai and the national names.
    ['2025年部门收支预算总表', ['BT1']],
    ['2025年部门财务收支预算总表', ['BT1']],
    ['部门收支总表', ['BT1']],
    ['2025年预算单位收入预算总表', ['BT2']],
    ['部门收入总表', ['BT2']],
    ['2025年部门支出预算总表', ['BT3']],
    ['部门支出总表', ['BT3']],
    ['2025年部门财政拨款收支预算总表', ['BT4']],
    ['财政拨款收支总表', ['BT4']],
    ['2025年部门一般公共预算支出功能分类预算表', ['BT5']],
    ['一般公共预算支出表', ['BT5']],
    ['2025年部门政府性基金预算支出功能分类预算表', ['BT6']],
    ['政府性基金预算支出表', ['BT6']],
    ['2025年部门国有资本经营预算支出功能分类预算表', ['BT7']],
    ['2025年预算单位一般公共预算基本支出部门预算经济分类预算表', ['BT8']],
    ['一般公共预算基本支出表', ['BT8']],
    ['2025年部门“三公”经费和机关运行经费预算表', ['BT9']],
    ['一般公共预算“三公”经费支出表', ['BT9']],
    ['五、部门预算表', []],
    ['2. 2025年部门收入预算总表 ……………………', []],
    ['2025年项目支出绩效目标表', []],
    ['注：本表反映部门本年度一般公共预算财政拨款支出情况。', []],
    ['详见收入支出决算总表', []],
    ['一般公共预算财政拨款支出', []],
  ])('%s → %j', (title, keys) => {
    expect(titleKeys(title)).toEqual(keys);
  });
});

describe('lines around the tables', () => {
  it.each<[string, string | null]>([
    ['公开01表', '公开01表'],
    ['公开 09 表', '公开 09 表'],
    ['表一', '表一'],
    ['表 1:', '表 1'],
    ['表1：收入支出决算总表', '表1'],
    ['附表3 支出决算表', '附表3'],
    ['一般公共预算财政拨款支出决算表', null],
    ['收入决算表一般', null],
  ])('marker in %s → %s', (text, marker) => {
    expect(findMarker(text)).toBe(marker);
  });

  it.each<[string, string | null]>([
    ['单位：万元', '万元'],
    ['金额单位：元', '元'],
    ['部门：某局                 单位: 万元', '万元'],
    ['单位：个', null],
    ['单位构成', null],
  ])('unit in %s → %s', (text, unit) => {
    expect(findUnit(text)).toBe(unit);
  });

  it.each<[string, string | null]>([
    ['部门：中共株洲市渌口区委办公室 单位：万元', '中共株洲市渌口区委办公室'],
    ['编制部门：某某市生态环境局    金额单位：万元', '某某市生态环境局'],
    ['填报单位：某某中心', '某某中心'],
    ['单位：万元', null],
  ])('department in %s → %s', (text, dept) => {
    expect(findDepartment(text)).toBe(dept);
  });

  it.each<[string, string | null, number | null]>([
    ['中共株洲市渌口区委办公室2024年度部门决算公开_部门决算_株洲市渌口区人民政府', '中共株洲市渌口区委办公室', 2024],
    ['上海市普陀区生态环境局2025 年度部门决算_财政预决算_上海市普陀区人民政府', '上海市普陀区生态环境局', 2025],
    ['某某县教育局 2023 年度单位决算', '某某县教育局', 2023],
    ['区财政局召开2024年度部门决算工作会议_新闻', null, null],
  ])('title %s → %s %s', (title, dept, year) => {
    expect(departmentYearFromTitle(title)).toEqual({ department: dept, year });
  });
});

describe('recognition on small pages', () => {
  it('title, marker, unit and department lines above the table', () => {
    const d = page(`<p>表二</p><p>收入决算表</p><p>编制部门：某某局  金额单位：元</p>${table([...T2_HEAD, ...T2_BODY])}`);
    const m = t(d, 'T2');
    expect([m.title, m.marker, m.unit]).toEqual(['收入决算表', '表二', '元']);
    expect(d.info).toMatchObject({ department: '某某局', unit: '元', year: 2024 });
    expect(m.notes.map((n) => n.text)).toEqual(['表二', '收入决算表', '编制部门：某某局 金额单位：元']);
  });

  it('the printed title loses its marker, numbering and unit', () => {
    const d = page(
      `<p>收入决算表（公开02表）</p>${table([...T2_HEAD, ...T2_BODY])}<p>3. 支出决算表（单位：万元）</p>${table([
        ...T3_HEAD,
        ['合计@c2', '5.00', '5.00', '', '', '', ''],
      ])}`,
    );
    expect([t(d, 'T2').title, t(d, 'T2').marker]).toEqual(['收入决算表', '公开02表']);
    expect([t(d, 'T3').title, t(d, 'T3').unit]).toEqual(['支出决算表', '万元']);
  });

  it('"项目" over both code and name columns: the column of codes is the code', () => {
    const d = page(
      `<p>支出决算表</p>${table([
        ['项目@c2', '本年支出合计', '基本支出', '项目支出'],
        ['合计@c2', '9.00', '9.00', ''],
        ['201', '一般公共服务支出', '9.00', '9.00', ''],
        ['2013101', '行政运行', '9.00', '9.00', ''],
      ])}`,
    );
    const p = main(t(d, 'T3'));
    expect(p.columns.map((c) => c.key)).toEqual(['code', 'name', 'total', 'basic', 'project']);
    expect(p.rows.map((r) => [r.code, r.name])).toEqual([
      [null, '合计'],
      ['201', '一般公共服务支出'],
      ['2013101', '行政运行'],
    ]);
  });

  it('T4 older layout: each fund split into 小计 / 基本支出 / 项目支出', () => {
    const d = page(
      `<p>财政拨款收入支出决算总表</p>${table([
        ['收入@c2', '支出@c5'],
        ['项目@r2', '决算数@r2', '项目@r2', '合计@r2', '一般公共预算财政拨款@c3'],
        ['小计', '基本支出', '项目支出'],
        ['一、一般公共预算财政拨款', '5.00', '一、一般公共服务支出', '5.00', '5.00', '4.00', '1.00'],
      ])}`,
    );
    const m = t(d, 'T4');
    expect(m.panels[1].columns.map((c) => c.key)).toEqual(['name', 'total', 'general', 'general.basic', 'general.project']);
    expect(val(m.panels[1].rows[0], 'general.basic')).toBe('4.00');
  });

  it('a bare column-number row ("1 2") is not a data row', () => {
    const d = page(
      `<p>收入支出决算总表</p>${table([
        ['收入@c2', '支出@c2'],
        ['项目', '决算数', '项目', '决算数'],
        ['', '1', '', '2'],
        ['一、一般公共预算财政拨款收入', '5.00', '一、一般公共服务支出', '5.00'],
      ])}`,
    );
    const m = t(d, 'T1');
    expect(m.panels.map((p) => p.rows.map((r) => r.row))).toEqual([[3], [3]]);
  });

  it('row labels printed as <th> stay names', () => {
    const d = page(
      `<p>收入决算表</p>${table([
        ['科目编码@th', '科目名称@th', '本年收入合计@th', '财政拨款收入@th'],
        ['201@th', '一般公共服务支出@th', '5.00', '5.00'],
      ])}`,
    );
    const r = main(t(d, 'T2')).rows[0];
    expect([r.code, r.name, val(r, 'total')]).toEqual(['201', '一般公共服务支出', '5.00']);
  });

  it('title and unit rows inside the table (Excel export)', () => {
    const d = page(
      table([
        ['收入决算表@c8'],
        ['公开02表@c8'],
        ['单位：万元@c8'],
        ...T2_HEAD,
        ...T2_BODY,
      ]),
    );
    const m = t(d, 'T2');
    expect([m.title, m.marker, m.unit]).toEqual(['收入决算表', '公开02表', '万元']);
    const tot = main(m).rows[0];
    expect([tot.kind, tot.row, val(tot, 'total')]).toEqual(['total', 5, '100.00']);
  });

  it('"收入决算总表" is decided by its header words', () => {
    const asT2 = page(`<p>收入决算总表</p>${table([...T2_HEAD, ...T2_BODY])}`);
    expect(Object.keys(asT2.tables)).toEqual(['T2']);
    const asT1 = page(
      `<p>收入决算总表</p>${table([
        ['收入@c2', '支出@c2'],
        ['项目', '决算数', '项目', '决算数'],
        ['一、一般公共预算财政拨款收入', '5.00', '一、一般公共服务支出', '5.00'],
        ['本年收入合计', '5.00', '本年支出合计', '5.00'],
      ])}`,
    );
    expect(Object.keys(asT1.tables)).toEqual(['T1']);
  });

  it('a titled table whose columns cannot be mapped is reported, not guessed', () => {
    const d = page(`<p>支出决算表</p>${table([['序号', '内容', '金额'], ['1', '办公', '5.00']])}`);
    expect(d.tables).toEqual({});
    expect(d.unrecognised).toHaveLength(1);
    expect(d.unrecognised[0].title).toBe('支出决算表');
    expect(d.unrecognised[0].reason).toMatch(/T3: no column for total, basic, project/);
  });

  it('T1 with only one half is reported', () => {
    const d = page(`<p>收入支出决算总表</p>${table([['项目', '决算数'], ['本年收入合计', '5.00']])}`);
    expect(d.unrecognised[0].reason).toMatch(/income and expense/);
  });

  it('split 类/款/项 columns and "302 / 01" codes are joined', () => {
    const d = page(
      `<p>支出决算表</p>${table([
        ['功能分类科目编码@c3', '科目名称@r2', '本年支出合计@r2', '基本支出@r2', '项目支出@r2'],
        ['类', '款', '项'],
        ['合计@c4', '9.00', '9.00', ''],
        ['201', '', '', '一般公共服务支出', '9.00', '9.00', ''],
        ['201', '31', '', '党委办公厅（室）及相关机构事务', '9.00', '9.00', ''],
        ['201', '31', '01', '行政运行', '9.00', '9.00', ''],
      ])}<p>一般公共预算财政拨款基本支出决算表</p>${table([
        ['经济分类科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', '4.00'],
        ['301 / 01', '基本工资', '4.00'],
        ['人员经费合计@c2', '4.00'],
      ])}`,
    );
    const p = main(t(d, 'T3'));
    expect(p.columns.map((c) => c.key)).toEqual(['code', 'code2', 'code3', 'name', 'total', 'basic', 'project']);
    expect(p.rows.map((r) => [r.kind, r.code, r.level, r.name])).toEqual([
      ['total', null, null, '合计'],
      ['data', '201', 'lei', '一般公共服务支出'],
      ['data', '20131', 'kuan', '党委办公厅（室）及相关机构事务'],
      ['data', '2013101', 'xiang', '行政运行'],
    ]);
    const t6 = t(d, 'T6');
    expect(t6.panels.map((x) => x.id)).toEqual(['left']);
    expect(t6.panels[0].rows.map((r) => [r.code, r.level, r.kind])).toEqual([
      ['301', 'lei', 'data'],
      ['30101', 'kuan', 'data'],
      [null, null, 'total'],
    ]);
  });

  it('codes printed in the name cell, 其中 and 小计 rows, text in a numeric cell', () => {
    const d = page(
      `<p>一般公共预算财政拨款支出决算表</p>${table([
        ['项目', '合计', '基本支出', '项目支出'],
        ['201 一般公共服务支出', '3.00', '2.00', '1.00'],
        ['  其中：行政运行', '2.00', '2.00', ''],
        ['小计', '3.00', '2.00', '1.00'],
        ['合计', '3.00', '2.00', '单位不需填列'],
      ])}`,
    );
    const p = main(t(d, 'T5'));
    expect(p.rows.map((r) => [r.kind, r.code, r.name])).toEqual([
      ['data', '201', '一般公共服务支出'],
      ['of-which', null, '其中：行政运行'],
      ['subtotal', null, '小计'],
      ['total', null, '合计'],
    ]);
    expect(val(p.rows[3], 'project')).toBe('nan');
    expect(t(d, 'T5').allEmpty).toBe(false);
  });

  it('an all-zero table takes the precision of the other tables', () => {
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}<p>政府性基金预算财政拨款收入支出决算表</p>${table([
        ['项目@c2', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
        ['科目代码', '科目名称', '', '', '', ''],
        ['合计@c2', '0', '0', '0', '0'],
      ])}<p>说明：本单位没有政府性基金收入，故本表无数据。</p>`,
    );
    const m = t(d, 'T7');
    expect(main(m).columns.map((c) => c.key)).toEqual(['code', 'name', 'opening', 'income', 'total', 'closing']);
    expect(m.allEmpty).toBe(true);
    const c = main(m).rows[0].cells.opening.value;
    expect(c.kind === 'number' && [c.decimals, c.printedDecimals]).toEqual([2, 0]);
    expect(m.notes.map((n) => n.text)).toContain('说明：本单位没有政府性基金收入，故本表无数据。');
  });

  // Issue 16 class 7: the Shanghai template prints the sub-headers of 本年支出 in the 合计 row.
  it.each(['th', 'td'])('labels in the amount cells of the 合计 row (<%s>) are "no value" cells, never absent (0)', (tag) => {
    const lab = (x: string) => (tag === 'th' ? `${x}@th` : x);
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}<p>政府性基金预算财政拨款收入支出决算表</p>${table([
        ['项目@c2', '年初结转和结余@r2', '本年收入@r2', '本年支出@c3@r2', '年末结转和结余@r2'],
        ['功能分类科目编码', '科目名称'],
        ['合计@c2', '100.00', '5.00', lab('合计'), lab('基本支出'), lab('项目支出'), '0.00'],
        ['2120803', '城市建设支出', '100.00', '5.00', '105.00', '0.00', '105.00', '0.00'],
      ])}`,
    );
    const m = t(d, 'T7');
    const total = main(m).rows.find((r) => r.name === '合计')!;
    for (const k of ['total', 'basic', 'project']) expect(total.cells[k]?.value).toMatchObject({ kind: 'nan', label: true });
    expect(main(m).rows.find((r) => r.code === '2120803')!.cells.total.value.kind).toBe('number');
    expect(m.allEmpty).toBe(false);
  });

  it('an empty Shanghai T7 (labels only in its 合计 row) is still all empty', () => {
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}<p>政府性基金预算财政拨款收入支出决算表</p>${table([
        ['项目@c2', '年初结转和结余@r2', '本年收入@r2', '本年支出@c3@r2', '年末结转和结余@r2'],
        ['功能分类科目编码', '科目名称'],
        ['合计@c2', '', '', '合计@th', '基本支出@th', '项目支出@th', ''],
      ])}<p>说明：本单位没有政府性基金收入，故本表无数据。</p>`,
    );
    expect(t(d, 'T7').allEmpty).toBe(true);
  });

  it('T9 with 预算数/决算数 as rows is reported as unrecognised', () => {
    const d = page(
      `<p>一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表</p>${table([
        ['项目@c2', '合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '会议费', '培训费'],
        ['预算数@c2', '6.00', '1.00', '2.00', '1.00', '1.00', '1.00'],
        ['决算数@c2', '5.00', '1.00', '1.00', '1.00', '1.00', '1.00'],
      ])}`,
    );
    // 预算数/决算数 as rows is not a layout the model describes: reported, never guessed.
    expect(d.tables).toEqual({});
    expect(d.unrecognised[0].reason).toMatch(/T9: no column for actual.total/);
  });

  it('T9 with 会议费/培训费 columns', () => {
    const d = page(
      `<p>财政拨款“三公”经费支出决算表</p>${table([
        ['预算数@c6', '决算数@c6'],
        ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '会议费', '培训费', '合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '会议费', '培训费'],
        ['6.00', '1.00', '2.00', '1.00', '1.00', '1.00', '5.00', '1.00', '1.00', '1.00', '1.00', '1.00'],
      ])}`,
    );
    expect(main(t(d, 'T9')).columns.map((c) => c.key)).toEqual([
      'budget.total', 'budget.abroad', 'budget.car', 'budget.reception', 'budget.meeting', 'budget.training',
      'actual.total', 'actual.abroad', 'actual.car', 'actual.reception', 'actual.meeting', 'actual.training',
    ]);
  });
});

describe('stitching and duplicates', () => {
  it('a titled continuation "（续）" with the same header is stitched', () => {
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY.slice(0, 3)])}<p>收入决算表（续）</p>${table([...T2_HEAD, ...T2_BODY.slice(3)])}`,
    );
    const m = t(d, 'T2');
    expect(m.blocks).toHaveLength(2);
    expect(main(m).rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(m.rows).toBe(7);
    expect(d.unrecognised).toEqual([]);
  });

  it('a bare continuation whose first row reads like the body (no code) is stitched', () => {
    const d = page(
      `<p>一般公共预算财政拨款支出决算表</p>${table([
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['201', '一般公共服务支出', '5.00', '5.00', ''],
      ])}<p>- 7 -</p>${table([
        ['', '其中：行政运行', '3.00', '3.00', ''],
        ['合计@c2', '5.00', '5.00', ''],
      ])}`,
    );
    const m = t(d, 'T5');
    expect(m.blocks).toHaveLength(2);
    expect(main(m).rows.map((r) => [r.row, r.kind])).toEqual([
      [1, 'data'],
      [2, 'of-which'],
      [3, 'total'],
    ]);
  });

  it('a continuation with another column count is reported', () => {
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY.slice(0, 3)])}<p>- 2 -</p>${table([
        ['2013101', '行政运行', '60.00', '60.00'],
      ])}`,
    );
    expect(t(d, 'T2').blocks).toHaveLength(1);
    expect(d.unrecognised).toHaveLength(1);
    expect(d.unrecognised[0].reason).toMatch(/continuation of T2 .* 4 columns, expected 9/);
  });

  it('a table after a narrative paragraph is not a continuation', () => {
    const d = page(
      `<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}<p>二、收入决算情况说明。本年收入合计100万元。</p>${table([
        ['2013101', '行政运行', '60.00', '60.00', '', '', '', '', ''],
      ])}`,
    );
    expect(t(d, 'T2').blocks).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it('a second table with the same title is reported, not merged', () => {
    const d = page(`<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}<p>附件</p><p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}`);
    expect(t(d, 'T2').blocks).toHaveLength(1);
    expect(d.unrecognised).toHaveLength(1);
    expect(d.unrecognised[0].reason).toMatch(/second table/);
  });

  it('a contents list laid out as a table is skipped; the real tables are recognised', () => {
    const d = page(
      `<p>目录</p>${table([
        ['公开01表', '收入支出决算总表', '3'],
        ['公开02表', '收入决算表', '4'],
        ['公开03表', '支出决算表', '5'],
      ])}<p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}`,
    );
    expect(Object.keys(d.tables)).toEqual(['T2']);
    expect(d.unrecognised).toEqual([]);
  });

  it('an unreadable table does not block a later readable one with the same title', () => {
    const d = page(
      `<p>收入决算表</p>${table([['序号', '说明'], ['1', '见附件']])}<p>附件：</p><p>收入决算表</p>${table([...T2_HEAD, ...T2_BODY])}`,
    );
    expect(t(d, 'T2').blocks[0].index).toBeGreaterThan(2);
    expect(d.unrecognised).toHaveLength(1);
    expect(d.unrecognised[0].reason).toMatch(/^T2: no column for total, fiscal/);
  });

  it('no title: an unmistakable header identifies the table; a foreign title forbids the guess', () => {
    const d = page(table([...T3_HEAD, ['合计@c2', '5.00', '5.00', '', '', '', '']]));
    expect(t(d, 'T3').title).toBe('');
    const foreign = page(`<p>2025年项目支出绩效目标表</p>${table([...T3_HEAD, ['合计@c2', '5.00', '5.00', '', '', '', '']])}`);
    expect(foreign.tables).toEqual({});
    expect(foreign.unrecognised).toEqual([]);
    // A budget title (no 决算) makes a budget document: the 决算 header is never guessed as T3, and
    // BT3 cannot map 本年支出合计 — reported, not guessed.
    const budget = page(`<p>2025年支出预算表</p>${table([...T3_HEAD, ['合计@c2', '5.00', '5.00', '', '', '', '']])}`, '测试局2025年部门预算');
    expect(budget.info.kind).toBe('budget');
    expect(budget.tables).toEqual({});
    expect(budget.unrecognised.map((u) => u.reason)).toEqual([expect.stringMatching(/^BT3: no column for total/)]);
    // In a 决算 document the same budget-titled table is the other family's: skipped, not guessed as T3.
    const final = page(`<p>2025年支出预算表</p>${table([...T3_HEAD, ['合计@c2', '5.00', '5.00', '', '', '', '']])}`);
    expect(final.info.kind).toBe('final');
    expect(final.tables).toEqual({});
    expect(final.unrecognised).toEqual([]);
  });
});
