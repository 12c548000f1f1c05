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
import type { SectionPresence } from '../run';

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

// ---------------------------------------------------------------------------------------------
// Presence of each part, shared by the B-S rules and the report's `sections` array (design.md).

export const COVER = /(?:19|20)\d\d\s*年.{0,16}?(?:部门|单位)预算|预算(?:主管部门|单位)[：:]/;
export const FUNCTIONS = /职能|职责|主要任务/;
export const ORGANISATION = /机构设置|单位构成|机构情况|内设机构/;
export const GLOSSARY = /名词解释|名词说明|术语解释/;
export const EXPLANATION = /预算编制说明|预算情况说明|收支预算(?:总体)?情况|预算说明/;
export const TOTALS = /收入预算(?:总额|总计)?(?:为|是)?\d|支出预算(?:总额|总计)?(?:为|是)?\d/;
export const ITEM_LINE = /[“"][^”"]+[-－—–][^”"]+[-－—–][^”"]+[”"](?:科目)?(?:为|预算)?\d/;
export const PROJECT = /项目经费情况说明|项目(?:情况|支出)?说明$/;

/** The cover: the page title or one of the first six narrative paragraphs. */
export function coverPresent(d: Disclosure): boolean {
  return COVER.test(d.info.title) || narrative(d).slice(0, 6).some((p) => COVER.test(p.text));
}

/** The 其他相关情况说明's five parts: a heading, or a body phrase with a figure. */
export const OTHER_PARTS: ReadonlyArray<{ key: string; name: Bilingual; heading: RegExp; body: RegExp }> = [
  { key: '三公', name: { zh: '“三公”经费预算情况', en: 'the 三公 budget' }, heading: /三公.{0,4}经费.{0,8}(?:预算|情况)/, body: /三公.{0,3}经费.{0,10}预算.{0,6}\d/ },
  { key: '机关运行经费', name: { zh: '机关运行经费', en: 'running costs' }, heading: /机关运行经费/, body: /机关运行经费.{0,14}\d/ },
  { key: '政府采购', name: { zh: '政府采购预算情况', en: 'government procurement' }, heading: /政府采购/, body: /政府采购.{0,8}预算.{0,4}\d/ },
  { key: '绩效目标', name: { zh: '绩效目标设置情况', en: 'performance targets' }, heading: /绩效目标|绩效管理|预算绩效/, body: /绩效目标.{0,30}\d/ },
  { key: '国有资产', name: { zh: '国有资产占有使用情况', en: 'assets held' }, heading: /国有资产|资产占有/, body: /共有(?:公务)?车辆\d/ },
];

// Glossary entries ("（七）“三公”经费：是…") define the words; they are not the parts.
const glossaryEntry = (p: { text: string }): boolean => /^[（(][一二三四五六七八九十]+[)）][^：:]{0,16}[：:]/.test(p.text.trim());

export function otherPartPresent(d: Disclosure, part: (typeof OTHER_PARTS)[number]): boolean {
  const h = headingOf(d, part.heading);
  if (h && !glossaryEntry(h)) return true;
  const b = textOf(d, part.body);
  return !!b && !glossaryEntry(b);
}

/** The 项目经费情况说明's seven items (Shanghai department budgets). */
export const PROJECT_ITEMS: ReadonlyArray<Bilingual> = [
  { zh: '项目概述', en: 'overview' },
  { zh: '立项依据', en: 'basis' },
  { zh: '实施主体', en: 'implementing body' },
  { zh: '实施方案', en: 'plan' },
  { zh: '实施周期', en: 'period' },
  { zh: '年度预算安排', en: 'annual budget' },
  { zh: '绩效目标', en: 'targets' },
];

const sectionCache = new WeakMap<Disclosure, SectionPresence[]>();

/**
 * The report's `sections` for a budget: each part of budget.md's list with whether it is present,
 * by the same tests as the B-S rules (ids "<rule>.<key>", as the 决算 S-catalog's). The 项目经费情况说明
 * is listed for department budgets only (a unit budget has none).
 */
export function budgetSections(d: Disclosure): SectionPresence[] {
  const hit = sectionCache.get(d);
  if (hit) return hit;
  const out: SectionPresence[] = [];
  const add = (rule: string, key: string, name: Bilingual, present: boolean) => out.push({ id: `${rule}.${key}`, title: `${name.zh} · ${name.en}`, present });
  add('B-S01', '封面', { zh: '封面', en: 'cover' }, coverPresent(d));
  add('B-S02', '目录', { zh: '目录', en: 'table of contents' }, d.tocBlocks.length > 0);
  add('B-S03', '主要职能', { zh: '主要职能', en: 'main functions' }, !!headingOf(d, FUNCTIONS));
  add('B-S04', '机构设置', { zh: '机构设置', en: 'organisation' }, !!headingOf(d, ORGANISATION));
  add('B-S05', '名词解释', { zh: '名词解释', en: 'glossary' }, !!headingOf(d, GLOSSARY));
  const totals = !!textOf(d, TOTALS);
  add('B-S06', '预算编制说明', { zh: '预算编制说明', en: 'budget explanation' }, totals || !!headingOf(d, EXPLANATION));
  add('B-S06', '收支总体', { zh: '预算编制说明：收支预算总体情况', en: 'budget explanation: totals' }, totals);
  add('B-S06', '按项说明', { zh: '预算编制说明：按项说明', en: 'budget explanation: per-项 list' }, !!textOf(d, ITEM_LINE));
  for (const k of BUDGET_TABLE_KEYS) {
    const n = TABLE_NAME(k);
    add('B-S07', k, { zh: `${n.zh}（${k}）`, en: n.en }, !!d.tables[k]);
  }
  for (const part of OTHER_PARTS) add('B-S08', part.key, { zh: `其他相关情况说明：${part.name.zh}`, en: `other matters: ${part.name.en}` }, otherPartPresent(d, part));
  if (d.info.scope === 'department') {
    const head = headingOf(d, PROJECT);
    add('B-S09', '项目经费情况说明', { zh: '项目经费情况说明', en: 'project funding explanation' }, !!head);
    for (const it of PROJECT_ITEMS)
      add('B-S09', it.zh, { zh: `项目经费情况说明：${it.zh}`, en: `project explanation: ${it.en}` }, !!head && !!headingOf(d, new RegExp(it.zh), head.index));
  }
  sectionCache.set(d, out);
  return out;
}
