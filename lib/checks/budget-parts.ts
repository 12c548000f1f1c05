/**
 * Required parts of a budget (budget.md, "Required parts", B-S01…B-S10): presence is lenient (any
 * heading-like line naming the part, also one glued to a paragraph's start or end as PDF text runs
 * together), absence is strict. The 目录 and table notes are never evidence.
 */
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure, TableKey } from '../model/types';
import { BUDGET_TABLE_KEYS, BUDGET_TABLE_NAMES } from '../model/types';
import { titleKeys } from '../recognize/specs';
import type { Bilingual, RuleContext, RuleMeta, Severity } from './types';

const SPACE = /[\s\u00a0\u3000]+/g;
const NUMBERING = /^(?:第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十]+[)）、.．]|\d+[、.．)）])\s*/;

/** Narrative paragraphs: not the 目录, not table titles' notes. */
export function narrative(d: Disclosure): ParagraphBlock[] {
  const toc = new Set(d.tocBlocks);
  const notes = new Set<number>();
  for (const t of Object.values(d.tables)) for (const n of t?.notes ?? []) notes.add(n.index);
  return d.paragraphs.filter((p) => !toc.has(p.index) && !notes.has(p.index));
}

/** The heading-like pieces of a paragraph: all of it when short, its start, and the tail after its last 。. */
export function headingPieces(p: ParagraphBlock): string[] {
  const t = p.text.replace(SPACE, '');
  const out: string[] = [];
  if (t.length <= 40) out.push(t.replace(NUMBERING, ''));
  else out.push(t.replace(NUMBERING, '').slice(0, 12));
  const tail = t.slice(t.lastIndexOf('。') + 1);
  if (tail && tail.length <= 30 && tail !== t) out.push(tail.replace(NUMBERING, ''));
  return out;
}

/** The first narrative paragraph with a heading-like piece matching `re`. */
export function headingOf(d: Disclosure, re: RegExp, from = 0): ParagraphBlock | undefined {
  return narrative(d).find((p) => p.index >= from && headingPieces(p).some((h) => re.test(h)));
}

/** The first narrative paragraph whose text matches `re` anywhere. */
export function textOf(d: Disclosure, re: RegExp): ParagraphBlock | undefined {
  return narrative(d).find((p) => re.test(p.text.replace(SPACE, '')));
}

/** A budget page with no narrative at all (tables only): the narrative parts are not reported one by one. */
export function tablesOnly(d: Disclosure): boolean {
  return !narrative(d).some((p) => p.text.replace(SPACE, '').length > 60);
}

/** The anchor of a missing part's finding: the nearest paragraph before where it belongs, else none. */
function anchor(d: Disclosure): ParagraphBlock | undefined {
  return narrative(d)[0];
}

export function missing(ctx: RuleContext, meta: RuleMeta, what: Bilingual, severity: Severity = meta.severity, near?: ParagraphBlock): void {
  const p = near ?? anchor(ctx.disclosure);
  ctx.report({
    severity,
    message: { zh: `缺少必备部分「${what.zh}」`, en: `Required part missing: ${what.en}` },
    expected: what.zh,
    actual: null,
    cells: [],
    spans: p ? [{ paragraph: p, start: 0, end: p.text.length }] : [],
    quote: null,
  });
}

/** The tables the 目录 lists (lines naming a budget table; leaders and page numbers removed). */
export function tocTables(d: Disclosure): Map<TableKey, ParagraphBlock> {
  const out = new Map<TableKey, ParagraphBlock>();
  const toc = new Set(d.tocBlocks);
  for (const p of d.paragraphs) {
    if (!toc.has(p.index)) continue;
    const line = p.text.replace(/[.…·．]{3,}.*$/, '').replace(SPACE, '').replace(NUMBERING, '');
    for (const k of titleKeys(line)) if ((BUDGET_TABLE_KEYS as readonly string[]).includes(k) && !out.has(k)) out.set(k, p);
  }
  return out;
}

export const TABLE_NAME = (k: TableKey): Bilingual => BUDGET_TABLE_NAMES[k as keyof typeof BUDGET_TABLE_NAMES] ?? { zh: k, en: k };
