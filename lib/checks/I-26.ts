/**
 * I-26 (domain.md): an all-empty T7/T8/T9 must carry an explanation near it (below or above, in
 * the same section) naming the table's subject; a table with data whose note says it is empty is
 * also an error.
 */
import { defineRule } from './types';
import type { CellRef, RuleContext, RuleMeta } from './types';
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure, ModelCell, TableKey, TableModel } from '../model/types';
import { parseAmount } from '../money';
import { checker, isNonZero, TABLE_NAMES } from './helpers';
import { isTablesOnly } from './S-catalog';
import type { RuleDoc } from './helpers';

export interface EmptySubject {
  key: TableKey;
  re: RegExp;
  zh: string;
  en: string;
}

const SUBJECTS: EmptySubject[] = [
  { key: 'T7', re: /政府性基金/, zh: '政府性基金', en: 'government fund' },
  { key: 'T8', re: /国有资本经营/, zh: '国有资本经营', en: 'state capital' },
  { key: 'T9', re: /三公/, zh: '“三公”经费', en: '"three public expenses"' },
];
const ANY_SUBJECT = /政府性基金|国有资本经营|三公/;

/** Wording that explains an empty table. */
const EXPLAINS_EMPTY =
  /无数据|空表|本表为空|没有|未发生|未安排|无相关|不涉及|无此项|无.{0,16}(?:收入|支出|经费|安排|资金)|为0|为零|均为0/;
/** Wording that claims the table itself is empty (an error under a table with data). */
const CLAIMS_EMPTY = /本表无数据|空表|本表为空|故本表无|此表无数据|无数据/;

/** Paragraphs near a table: between the neighbouring tables, within its section. */
export function nearbyParagraphs(d: Disclosure, t: TableModel): { own: ParagraphBlock[]; near: ParagraphBlock[] } {
  const own = t.notes;
  if (t.blocks.length === 0) return { own, near: [] };
  const first = t.blocks[0].index;
  const last = t.blocks[t.blocks.length - 1].index;
  // Nearest other table (recognised or not) before and after this one.
  let lo = -1;
  let hi = Number.POSITIVE_INFINITY;
  const bound = (i: number) => {
    if (i < first && i > lo) lo = i;
    if (i > last && i < hi) hi = i;
  };
  for (const o of Object.values(d.tables)) if (o && o !== t) for (const b of o.blocks) bound(b.index);
  for (const u of d.unrecognised) bound(u.blockIndex);
  // Deepest section that contains the table bounds the search.
  let section: { start: number; end: number } | null = null;
  const visit = (list: Disclosure['sections']) => {
    for (const s of list) {
      if (s.start <= first && first < s.end) {
        section = s;
        visit(s.children);
      }
    }
  };
  visit(d.sections);
  const toc = d.tocBlocks.length > 0 ? new Set(d.tocBlocks) : null;
  let candidates: ParagraphBlock[];
  if (section) {
    const s = section as { start: number; end: number };
    lo = Math.max(lo, s.start - 1);
    hi = Math.min(hi, s.end);
    candidates = [];
    for (const p of d.paragraphs) if (p.index > lo && p.index < hi && !toc?.has(p.index)) candidates.push(p);
  } else {
    candidates = toc ? d.paragraphs.filter((p) => !toc.has(p.index)) : d.paragraphs;
    // Without sections, only a few paragraphs on either side count as "near".
    const before = candidates.filter((p) => p.index > lo && p.index < first).slice(-4);
    const after = candidates.filter((p) => p.index > last && p.index < hi).slice(0, 4);
    candidates = [...before, ...after];
  }
  return { own, near: own.length === 0 ? candidates.slice() : candidates.filter((p) => !own.includes(p)) };
}

function numericCells(t: TableModel): ModelCell[] {
  const out: ModelCell[] = [];
  for (const p of t.panels) for (const r of p.rows) for (const c of Object.values(r.cells)) out.push(c as ModelCell);
  return out;
}

/** Something to mark for a table without value cells: its first grid cell. */
function anchorCells(t: TableModel): CellRef[] {
  const cells = numericCells(t);
  if (cells.length > 0) return cells.map((cell) => ({ cell, role: 'value' as const }));
  const slot = t.blocks[0]?.grid[0]?.[0];
  if (!slot) return [];
  const src = slot.cell;
  return [{ cell: { table: t.key, row: src.row, col: src.col, text: src.text, value: parseAmount(src.text), source: src }, role: 'value' }];
}

export const meta: RuleMeta = {
  id: 'I-26',
  title: { zh: '空表必须有说明', en: 'An empty table must be explained' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府性基金、国有资本经营和“三公”经费表即使无数据也须公开，并在表旁说明原因且点明该表内容（如“我单位没有政府性基金收入……故本表无数据”）。有数据的表旁却写着“本表无数据”“空表”同样是错误。',
    en: 'The government fund, state capital and "three public expenses" tables must be printed even when empty, with a note next to them that names the subject and says why (e.g. "we had no government fund income … so this table has no data"). A table with data whose note says it is empty is also an error.',
  },
  relation: { zh: '全空的 T7/T8/T9 ⇒ 表旁（同一部分内，上方或下方）有点明主题的说明；有数据 ⇒ 不得注明“本表无数据/空表”', en: 'all-empty T7/T8/T9 ⇒ an explanation naming the subject near it (same section, above or below); data ⇒ no note saying the table is empty' },
  pass: '政府性基金预算财政拨款收入支出决算表（全部为空）\n\n说明：我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。',
  fail: '政府性基金预算财政拨款收入支出决算表（全部为空），表旁无说明\n\n→ error: 政府性基金预算财政拨款收入支出决算表为空表，但表旁没有说明政府性基金为何无数据',
  limits: [
    { zh: '说明只在相邻两表之间、同一部分内查找；正文其他位置的说明由 N-10 核对。', en: 'Explanations are searched between the neighbouring tables within the same section; statements elsewhere in the narrative are N-10\'s business.' },
    { zh: '只写“本表无数据”而未点明主题的说明给出警告。', en: 'A bare "本表无数据" that does not name the subject is a warning.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    checkEmptyTables(ctx, meta, SUBJECTS);
  },
});

/** The I-26 relation over the given tables (B-20 runs it on the budget's BT6 BT7 BT9). */
export function checkEmptyTables(ctx: RuleContext, meta: RuleMeta, subjects: EmptySubject[]): void {
  const d = ctx.disclosure;
  const present = subjects.filter((s) => d.tables[s.key]);
  if (present.length === 0) return ctx.notApplicable(`none of ${subjects.map((s) => s.key).join(' ')}`);
  // The explanation belongs in the text; a tables-only document has none (S-04 says so once).
  if (isTablesOnly(d)) return ctx.notApplicable('tables only: no text to explain an empty table');
  const c = checker(ctx, meta);
  for (const s of present) {
    const t = d.tables[s.key]!;
    const name = TABLE_NAMES[s.key];
    const { own, near } = nearbyParagraphs(d, t);
    const all = [...own, ...near];
    if (t.allEmpty) {
      const named = all.find((p) => s.re.test(p.text) && EXPLAINS_EMPTY.test(p.text));
      if (named) continue;
      const generic = own.find((p) => !ANY_SUBJECT.test(p.text) && EXPLAINS_EMPTY.test(p.text));
      if (generic) {
        ctx.report({
          severity: 'warning',
          message: {
            zh: `${name.zh}为空表，表旁说明「${generic.text}」未点明${s.zh}（应说明${s.zh}为何无数据）`,
            en: `${name.en} is empty; the note "${generic.text}" does not name the ${s.en} subject (expected: why ${s.en} has no data)`,
          },
          expected: `说明${s.zh}无数据的原因`,
          actual: generic.text,
          cells: anchorCells(t),
          spans: [{ paragraph: generic, start: 0, end: generic.text.length }],
          quote: generic.text,
        });
        continue;
      }
      c.report(
        meta.severity,
        {
          zh: `${name.zh}为空表，但表旁没有说明${s.zh}为何无数据（应有如“没有${s.zh}……故本表无数据”的说明）`,
          en: `${name.en} is empty but no note next to it explains why ${s.en} has no data (expected e.g. "no ${s.en} … so this table has no data")`,
        },
        anchorCells(t),
        { expected: `说明${s.zh}无数据的原因`, actual: '无说明' },
      );
      continue;
    }
    // A table with data: a note saying the table is empty contradicts it.
    const claim = all.find(
      (p) => CLAIMS_EMPTY.test(p.text) && (s.re.test(p.text) || (own.includes(p) && !ANY_SUBJECT.test(p.text))),
    );
    if (!claim) continue;
    const filled = numericCells(t).filter((cell) => isNonZero(cell));
    ctx.report({
      severity: meta.severity,
      message: {
        zh: `${name.zh}有数据（${filled.length} 个非零单元格），但说明称其为空表：「${claim.text}」`,
        en: `${name.en} has data (${filled.length} non-zero cells) but its note says it is empty: "${claim.text}"`,
      },
      expected: '表中无数据',
      actual: `${filled.length} 个非零单元格`,
      cells: filled.map((cell) => ({ cell, role: 'value' as const })),
      spans: [{ paragraph: claim, start: 0, end: claim.text.length }],
      quote: claim.text,
    });
  }
}
