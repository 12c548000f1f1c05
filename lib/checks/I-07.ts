/**
 * I-07 (domain.md): hierarchy of the 功能分类 tables T2 T3 T5 T7 T8 —
 * 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项, by code prefix (never by indentation or row order).
 */
import { defineRule } from './types';
import type { CellRef, RuleMeta } from './types';
import type { Panel, Row, TableKey } from '../model/types';
import { cellOf, checker, grandRow, isOfWhichName, panel, sumLabel, TABLE_NAMES } from './helpers';
import type { Checker, RuleDoc } from './helpers';

const TABLES: TableKey[] = ['T2', 'T3', 'T5', 'T7', 'T8'];
const NON_AMOUNT = new Set(['code', 'name', 'line']);

export const meta: RuleMeta = {
  id: 'I-07',
  title: { zh: '功能分类科目逐级汇总', en: 'Function classification adds up level by level' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入、支出、一般公共预算、政府性基金和国有资本经营预算表中：合计 = Σ 类，类 = Σ 款，款 = Σ 项。层级按科目编码（3/5/7 位或分列的类/款/项）确定，不看缩进或行序；“其中”行不另计。缺少编码的行仅在名称编号明确时按编号归级，否则提示无法确定层级，不作推测。',
    en: 'In T2, T3, T5, T7 and T8: total = Σ classes, class = Σ its 款, 款 = Σ its 项. Levels come from the codes (3/5/7 digits or split columns), never from indentation or order; 其中 rows are not extra terms. Rows without codes fall back to their numbering only when unambiguous; otherwise a notice says the hierarchy could not be determined.',
  },
  relation: { zh: '合计 = Σ 类；类 = Σ 款；款 = Σ 项（按编码前缀）', en: 'total = Σ 类; 类 = Σ 款; 款 = Σ 项 (by code prefix)' },
  pass: '| 编码 | 科目 | 合计 |\n|---|---|---|\n| | 合计 | 742.39 |\n| 201 | 一般公共服务支出 | 742.39 |\n| 20131 | 党委办公厅（室）及相关机构事务 | 742.39 |\n| 2013101 | 行政运行 | 732.39 |\n| 2013199 | 其他…支出 | 10.00 |',
  fail: '| 编码 | 科目 | 合计 |\n|---|---|---|\n| 20131 | 党委办公厅（室）及相关机构事务 | **752.39** |\n| 2013101 | 行政运行 | 732.39 |\n| 2013199 | 其他…支出 | 10.00 |\n\n→ error: 20131「合计」752.39 ≠ 下级科目之和 742.39',
  limits: [
    { zh: '无编码且名称编号不明确（或编码与编号混用、编码重复）的表只给出“无法确定层级”的提示。', en: 'Tables with uncoded rows whose numbering is unclear (or mixed codes and numbering, or duplicate codes) only get a "could not determine the hierarchy" notice.' },
    { zh: '父级科目未印出的行归入最近的已印出上级（如缺“款”的“项”归入其“类”）；没有任何上级的行视为顶层，计入合计。', en: 'A row whose parent is not printed belongs to its nearest printed ancestor (a 项 without its 款 belongs to the 类); a row with none counts as top level (part of the total).' },
  ],
};

type Level = 1 | 2 | 3;

function numberingLevel(name: string): Level | null {
  const s = name.replace(/[\s\u3000]+/g, '');
  if (/^[一二三四五六七八九十百]+[、.．]/.test(s)) return 1;
  if (/^[（(][一二三四五六七八九十百]+[)）]/.test(s)) return 2;
  if (/^\d+[、.．](?!\d)|^[（(]\d+[)）]/.test(s)) return 3;
  return null;
}

function codeLevel(r: Row): Level | null {
  if (r.level) return r.level === 'lei' ? 1 : r.level === 'kuan' ? 2 : 3;
  const n = r.code?.length ?? 0;
  return n === 3 ? 1 : n === 5 ? 2 : n === 7 ? 3 : null;
}

interface Node {
  row: Row;
  level: Level;
  children: Node[];
  /** Listed as some node's child (so not a root). */
  isChild: boolean;
}

function hasValues(r: Row): boolean {
  for (const k in r.cells) if (r.cells[k].value.kind !== 'empty') return true;
  return false;
}

function firstCell(r: Row): CellRef[] {
  for (const k in r.cells) return [{ cell: r.cells[k], role: 'value' }];
  return [];
}

function firstCells(rows: Row[]): CellRef[] {
  const out: CellRef[] = [];
  for (const r of rows) for (const k in r.cells) {
    out.push({ cell: r.cells[k], role: 'value' });
    break;
  }
  return out;
}

/** The hierarchy sums of one classification panel (B-06 runs it on the budget tables). */
export function checkPanel(c: Checker, key: TableKey, p: Panel, report: (cells: CellRef[], why: { zh: string; en: string }) => void): void {
  const grand = grandRow(p);
  // Item rows (not the total, blank or 其中 rows), split into coded and uncoded in one pass.
  const coded: Row[] = [];
  const uncoded: Row[] = [];
  for (const r of p.rows) {
    if (r === grand || r.kind === 'blank' || r.kind === 'of-which' || isOfWhichName(r.name)) continue;
    if (r.code) coded.push(r);
    else if (hasValues(r) && r.kind !== 'total' && r.kind !== 'grand-total') uncoded.push(r);
  }

  const nodes: Node[] = [];
  if (coded.length > 0) {
    if (uncoded.length > 0) return report(firstCells(uncoded), { zh: '部分行缺少科目编码', en: 'some rows have no classification code' });
    const bad = coded.filter((r) => codeLevel(r) === null);
    if (bad.length > 0) return report(firstCells(bad), { zh: '科目编码位数无法识别', en: 'codes of unexpected length' });
    const byCode = new Map<string, Node>();
    let dup: Row[] | null = null;
    for (const r of coded) {
      if (byCode.has(r.code!)) {
        (dup ??= []).push(r);
        continue;
      }
      const n: Node = { row: r, level: codeLevel(r)!, children: [], isChild: false };
      byCode.set(r.code!, n);
      nodes.push(n);
    }
    if (dup) return report(firstCells(dup), { zh: '科目编码重复', en: 'duplicate codes' });
    // Parent = the nearest printed ancestor by code prefix (a 项 whose 款 is not printed belongs to its 类).
    for (const n of nodes) {
      const code = n.row.code!;
      for (let len = code.length - 2; len >= 3; len -= 2) {
        const parent = byCode.get(code.slice(0, len));
        if (parent && parent.level < n.level) {
          parent.children.push(n);
          n.isChild = true;
          break;
        }
      }
    }
  } else if (uncoded.length > 0) {
    const levels = uncoded.map((r) => numberingLevel(r.name));
    if (levels.some((l) => l === null))
      return report(
        firstCells(uncoded.filter((_, i) => levels[i] === null)),
        { zh: '行无科目编码且名称无明确编号', en: 'rows have neither codes nor clear numbering' },
      );
    // Numbering implies order: an item belongs to the nearest preceding item one level up.
    const stack: Node[] = [];
    for (let i = 0; i < uncoded.length; i++) {
      const n: Node = { row: uncoded[i], level: levels[i]!, children: [], isChild: false };
      while (stack.length > 0 && stack[stack.length - 1].level >= n.level) stack.pop();
      const top = stack[stack.length - 1];
      if (n.level > 1 && (!top || top.level !== n.level - 1))
        return report(firstCell(n.row), { zh: '编号层级不连续', en: 'numbering skips a level' });
      if (top) {
        top.children.push(n);
        n.isChild = true;
      }
      nodes.push(n);
      stack.push(n);
    }
  }
  // Roots: nodes nobody lists as a child.
  const roots = nodes.filter((n) => !n.isChild);
  const d = c.d;
  for (const col of p.columns) {
    if (!col.numeric || NON_AMOUNT.has(col.key)) continue;
    const k = col.key;
    if (grand && roots.length > 0) {
      const parts = roots.map((n) => cellOf(n.row, k));
      c.sum(cellOf(grand, k), parts, () => sumLabel(d, parts, { zh: '各类之和', en: 'the sum of the classes' }));
    }
    for (const n of nodes) {
      if (n.children.length === 0) continue;
      const parts = n.children.map((ch) => cellOf(ch.row, k));
      c.sum(cellOf(n.row, k), parts, () => sumLabel(d, parts, { zh: '下级科目之和', en: 'the sum of its sub-items' }));
    }
  }
  void key;
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    const present = TABLES.filter((k) => ctx.disclosure.tables[k]);
    if (present.length === 0) return ctx.notApplicable('none of T2 T3 T5 T7 T8');
    for (const key of present) {
      const p = panel(ctx.disclosure.tables[key]);
      if (!p) continue;
      checkPanel(c, key, p, (cells, why) =>
        c.report(
          'notice',
          {
            zh: `${TABLE_NAMES[key].zh}：无法确定科目层级（${why.zh}），未做逐级汇总校验`,
            en: `${TABLE_NAMES[key].en}: could not determine the hierarchy (${why.en}); level sums not checked`,
          },
          cells,
        ),
      );
    }
  },
});
