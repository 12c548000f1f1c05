/**
 * Required parts (domain.md, "Required parts"): the catalog of parts, how each is recognised, and
 * one evaluation per disclosure shared by the S-xx rules and the report's `sections` array.
 *
 * A part is present when a section title (any depth) matches one of its aliases — wording varies a
 * lot, so aliases are tolerant; absence is strict. Titles are searched outside 名词解释 and 附件
 * (a glossary entry "机关运行经费：…" or an attachment's "四、国有资本经营预算支出情况" is not the
 * 情况说明's part). A part may be one line ("本年度无…") but its heading must be there.
 *
 * Part ids are "<rule>.<key>", e.g. "S-03.T5", "S-04.收入", "S-05.一般公共预算财政拨款支出.结构".
 */
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure, Section, TableKey } from '../model/types';
import { BUDGET_TABLE_NAMES } from '../model/types';
import { titleKeys } from '../recognize/specs';
import type { SectionPresence } from '../run';
import { defineRule } from './types';
import type { Bilingual, Rule, RuleContext, RuleMeta, TextSpan } from './types';
import { memoByText } from '../memo';

/** Matching form of a title: no spaces or quotes, ASCII parentheses. */
// Every part definition tests every section title: normalise each distinct title once.
export const normTitle: (text: string) => string = memoByText((text) => computeNormTitle(text));

function computeNormTitle(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000"'“”‘’「」『』＂＇]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

export interface PartDef {
  /** Rule id (S-xx) that reports this part. */
  rule: string;
  /** Key inside the rule; the part id is `${rule}.${key}`. */
  key: string;
  name: Bilingual;
  /** True when a normalised section title names this part. */
  title: (t: string) => boolean;
  /** Where the part belongs, for the finding's anchor (the nearest heading). */
  anchor: 'overview' | 'tables' | 'narrative' | 'none';
  /** Parent part (key) whose subsections these are (一般公共预算 总体/结构/具体). */
  parent?: string;
  /** Body phrase that stands for the subsection when the parent has no numbered subsections. */
  body?: RegExp;
  /**
   * Coarser templates (Hubei, Shaanxi, Xinjiang) fold a part into a broader section: these parts
   * (keys) host it, and `hostBody` is the statement that must be in the host's own paragraphs.
   */
  hosts?: string[];
  hostBody?: RegExp;
}

// Every part is tested against every heading: plain loops, no `every` + arrow per test (this
// closure was the S-xx rules' top cost in a first check, which runs in V8's interpreter).
const has =
  (...words: (string | RegExp)[]) =>
  (t: string): boolean => {
    for (const w of words) if (typeof w === 'string' ? !t.includes(w) : !w.test(t)) return false;
    return true;
  };
const none = (re: RegExp) => (t: string) => !re.test(t);
const all =
  (...ps: ((t: string) => boolean)[]) =>
  (t: string): boolean => {
    for (const p of ps) if (!p(t)) return false;
    return true;
  };

const OTHER_TOPICS = /三公|政府性基金|国有资本|机关运行|政府采购|一般性支出|会议费|培训费|购买服务|绩效|资产/;

/** Parts recognised by section titles, in report order (tables S-03 are built separately). */
export const TITLE_PARTS: PartDef[] = [
  {
    rule: 'S-01',
    key: '部门职责',
    name: { zh: '部门职责（主要职能）', en: 'duties (main functions)' },
    title: has(/职责|职能|主要任务/),
    anchor: 'overview',
  },
  {
    rule: 'S-02',
    key: '机构设置',
    name: { zh: '机构设置（决算单位构成）', en: 'organisation (units in the accounts)' },
    title: has(/机构设置|单位构成|决算单位|机构情况|内设机构|机构组成|所属单位|组织机构|机构(及|和|与)?人员/),
    anchor: 'overview',
  },
  {
    rule: 'S-04',
    key: '收支总体',
    name: { zh: '收入支出决算总体情况', en: 'income and expenditure overview' },
    title: all(has(/(收入支出|收支)(决算)?(总体|总计|总的|情况说明)|收入支出决算情况/), none(/财政拨款|一般公共预算|政府性基金|国有资本|三公/)),
    anchor: 'narrative',
  },
  {
    rule: 'S-04',
    key: '收入',
    name: { zh: '收入决算情况', en: 'income' },
    title: all(has('收入', /决算|情况|说明/), none(/支出|财政拨款|一般公共预算/), none(OTHER_TOPICS)),
    hosts: ['收支总体'],
    hostBody: /(本年)?收入合计\s*[为是:：]?\s*[\d.,，]+\s*万?元/,
    anchor: 'narrative',
  },
  {
    rule: 'S-04',
    key: '支出',
    name: { zh: '支出决算情况', en: 'expenditure' },
    title: all(has('支出', /决算|情况|说明/), none(/收入|收支|财政拨款|一般公共预算|基本支出|项目支出/), none(OTHER_TOPICS)),
    hosts: ['收支总体'],
    hostBody: /(本年)?支出合计\s*[为是:：]?\s*[\d.,，]+\s*万?元/,
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '财政拨款收支总体',
    name: { zh: '财政拨款收入支出决算总体情况', en: 'fiscal appropriation overview' },
    // "财政拨款收入支出决算总体情况说明", "财政拨款收支总体情况", Hubei's "财政拨款支出决算情况".
    title: all(has('财政拨款'), none(/一般公共预算|政府性基金|国有资本|三公|基本支出/)),
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '一般公共预算财政拨款支出',
    name: { zh: '一般公共预算财政拨款支出决算情况', en: 'general public budget expenditure' },
    title: all(has(/一般公共预算(财政拨款)?(支出|收支|收入支出)/), none(/基本支出|三公/)),
    hosts: ['财政拨款收支总体'],
    hostBody: /一般公共预算财政拨款支出[^。；]{0,8}[\d.,，]+\s*万?元/,
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '一般公共预算财政拨款支出.总体',
    name: { zh: '一般公共预算财政拨款支出决算总体情况', en: 'general public budget expenditure: overview' },
    title: has(/总体|总量|总额/),
    parent: '一般公共预算财政拨款支出',
    body: /占本年支出合计|本年支出合计的|与上年相比|比上年/,
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '一般公共预算财政拨款支出.结构',
    name: { zh: '一般公共预算财政拨款支出决算结构情况', en: 'general public budget expenditure: structure' },
    title: has(/结构|构成/),
    parent: '一般公共预算财政拨款支出',
    body: /主要用于|\(类\)|（类）/,
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '一般公共预算财政拨款支出.具体',
    name: { zh: '一般公共预算财政拨款支出决算具体情况', en: 'general public budget expenditure: details by item' },
    title: has(/具体|明细|详细|分项/),
    parent: '一般公共预算财政拨款支出',
    body: /年初预算/,
    anchor: 'narrative',
  },
  {
    rule: 'S-05',
    key: '基本支出',
    name: { zh: '一般公共预算财政拨款基本支出决算情况', en: 'basic expenditure' },
    title: all(has('基本支出'), none(/三公/)),
    hosts: ['一般公共预算财政拨款支出', '财政拨款收支总体'],
    hostBody: /人员经费[^。；]{0,8}[\d.,，]+\s*万?元|基本支出[^。；]{0,8}[\d.,，]+\s*万?元[^。]*(人员经费|公用经费)/,
    anchor: 'narrative',
  },
  {
    rule: 'S-06',
    key: '三公经费',
    name: { zh: '“三公”经费支出决算情况', en: '"three public expenses"' },
    title: has('三公'),
    anchor: 'narrative',
  },
  {
    rule: 'S-07',
    key: '政府性基金',
    name: { zh: '政府性基金预算收入支出决算情况', en: 'government fund budget' },
    title: has('政府性基金'),
    anchor: 'narrative',
  },
  {
    rule: 'S-07',
    key: '国有资本经营',
    name: { zh: '国有资本经营预算收入支出决算情况', en: 'state capital operation budget' },
    title: has(/国有资本经营|国有资本/),
    anchor: 'narrative',
  },
  {
    rule: 'S-08',
    key: '机关运行经费',
    name: { zh: '机关运行经费支出情况', en: 'administrative running costs' },
    title: has(/机关运行经费|运行经费/),
    anchor: 'narrative',
  },
  {
    rule: 'S-08',
    key: '政府采购',
    name: { zh: '政府采购支出情况', en: 'government procurement' },
    title: has('政府采购'),
    anchor: 'narrative',
  },
  {
    rule: 'S-08',
    key: '国有资产占用',
    name: { zh: '国有资产占有使用情况', en: 'state-owned assets held' },
    title: has(/国有资产|资产占用|资产占有|资产使用/),
    anchor: 'narrative',
  },
  {
    rule: 'S-09',
    key: '预算绩效',
    name: { zh: '预算绩效情况', en: 'budget performance' },
    title: has('绩效'),
    anchor: 'narrative',
  },
  {
    rule: 'S-10',
    key: '名词解释',
    name: { zh: '名词解释', en: 'glossary' },
    title: has(/名词.{0,2}(解释|说明|注释)|术语(解释|说明)/),
    anchor: 'none',
  },
];

export const TABLE_PART_NAMES: Record<TableKey, Bilingual> = {
  T1: { zh: '收入支出决算总表', en: 'income & expenditure summary (T1)' },
  T2: { zh: '收入决算表', en: 'income table (T2)' },
  T3: { zh: '支出决算表', en: 'expenditure table (T3)' },
  T4: { zh: '财政拨款收入支出决算总表', en: 'fiscal appropriation summary (T4)' },
  T5: { zh: '一般公共预算财政拨款支出决算表', en: 'general public budget expenditure table (T5)' },
  T6: { zh: '一般公共预算财政拨款基本支出决算表', en: 'basic expenditure table (T6)' },
  T7: { zh: '政府性基金预算财政拨款收入支出决算表', en: 'government fund budget table (T7)' },
  T8: { zh: '国有资本经营预算财政拨款支出决算表', en: 'state capital operation budget table (T8)' },
  T9: { zh: '财政拨款“三公”经费支出决算表', en: '"three public expenses" table (T9)' },
  ...BUDGET_TABLE_NAMES,
};
const TABLE_KEYS: TableKey[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];

// Subtrees whose titles are not the narrative's parts.
const EXCLUDED = /名词.{0,2}(解释|说明|注释)|术语(解释|说明)|^附件|^第.{1,3}部分附件|^附表/;
const TABLE_TITLE = /决算(明细|总)?表|报表|预决算表/;
const NARRATIVE = /情况说明|决算说明|情况的说明|决算情况/;
const OVERVIEW = /概况|基本情况/;
const TABLES_PART = /决算表|报表/;

export type PartStatus = 'section' | 'subsection-body' | 'host-body' | 'table' | 'table-note' | 'absent';

export interface PartResult {
  id: string;
  rule: string;
  name: Bilingual;
  present: boolean;
  how: PartStatus;
  /** The section that holds the part (present), or the heading it should have been under (absent). */
  section: Section | null;
  /** The nearest heading for an absent part; the covering note for 'table-note'. */
  anchor: ParagraphBlock | null;
  /** For tables listed in the contents: the contents line. */
  tocEntry: ParagraphBlock | null;
  /** Table parts only: whether the page has unrecognised tables (absence is then less certain). */
  unrecognisedTables: number;
  /** Id of the part this one is a subsection of. */
  parent: string | null;
}

function walk(sections: Section[], visit: (s: Section, excluded: boolean) => void, excluded = false): void {
  for (const s of sections) {
    const ex = excluded || isExcludedTitle(s.title);
    visit(s, ex);
    walk(s.children, visit, ex);
  }
}

const isExcludedTitle = memoByText((title) => EXCLUDED.test(normTitle(title)));

const titleBodyOf = memoByText((title) => computeTitleBody(title));
const titleBody = (s: Section): string => titleBodyOf(s.title);

function computeTitleBody(title: string): string {
  // Strip the numbering ("一、", "（二）", "第三部分") so aliases match on the words only.
  return normTitle(title).replace(/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十\d]+\)|\d+[、.．])/, '');
}

const cache = new WeakMap<Disclosure, PartResult[]>();

/** Evaluate every required part of a disclosure once (rules and the report share the result). */
export function evaluateParts(d: Disclosure): PartResult[] {
  const hit = cache.get(d);
  if (hit) return hit;
  const results = computeParts(d);
  cache.set(d, results);
  return results;
}

function computeParts(d: Disclosure): PartResult[] {
  const searchable: Section[] = [];
  const every: Section[] = [];
  const excludedRanges: [number, number][] = [];
  walk(d.sections, (s, excluded) => {
    every.push(s);
    if (!excluded) searchable.push(s);
    else {
      // Pre-order: a nested excluded section lies inside the range pushed last.
      const last = excludedRanges[excludedRanges.length - 1];
      if (!last || s.start >= last[1]) excludedRanges.push([s.start, s.end]);
    }
  });
  const outside = (p: ParagraphBlock) => !excludedRanges.some(([a, b]) => p.index >= a && p.index < b);
  const top = d.sections.filter((s) => s.depth === 1);
  const anchors = {
    overview: top.find((s) => OVERVIEW.test(normTitle(s.title))) ?? null,
    tables: top.find((s) => TABLES_PART.test(normTitle(s.title))) ?? null,
    narrative: top.find((s) => NARRATIVE.test(normTitle(s.title))) ?? null,
    none: null,
  };

  // Candidate headings (down to （一）, not table titles) with their matching text, computed once
  // for all part definitions.
  let searchableHeads: { section: Section; body: string }[] | undefined;
  let everyHeads: { section: Section; body: string }[] | undefined;
  const results: PartResult[] = [];
  const found = new Map<string, Section>();
  const push = (def: { rule: string; key: string; name: Bilingual }, r: Partial<PartResult>) =>
    results.push({
      id: `${def.rule}.${def.key}`,
      rule: def.rule,
      name: def.name,
      present: false,
      how: 'absent',
      section: null,
      anchor: null,
      tocEntry: null,
      unrecognisedTables: 0,
      parent: null,
      ...r,
    });

  for (const def of TITLE_PARTS) {
    // Report order: overview parts, then the tables (S-03), then the narrative parts.
    if (def.rule === 'S-04' && results.every((r) => r.rule !== 'S-03')) pushTables(d, anchors.tables, push);
    const anchorSection = anchors[def.anchor];
    let section: Section | null = null;
    let how: PartStatus = 'section';
    if (def.parent) {
      const parent = found.get(def.parent);
      if (parent) {
        section = findIn(parent.children, def.title);
        // A parent written as one block (no numbered subsections) covers its parts in the body.
        if (!section && parent.children.length === 0 && def.body) {
          const text = parent.paragraphs.map((p) => p.text).join('');
          if (def.body.test(text)) {
            section = parent;
            how = 'subsection-body';
          }
        }
      }
    } else {
      // Parts are headings down to （一）; a "1、…（项）" list line is never a part of its own.
      // A table title left as a heading ("三、支出决算表") names a table, not a narrative part.
      const pool = def.key === '名词解释' ? (everyHeads ??= headings(every)) : (searchableHeads ??= headings(searchable));
      section = null;
      for (const h of pool) {
        if (def.title(h.body)) {
          section = h.section;
          break;
        }
      }
    }
    if (!section && def.hosts && def.hostBody) {
      // Folded into a broader section: its own paragraphs must state this part.
      for (const key of def.hosts) {
        const host = found.get(key);
        if (host && def.hostBody.test(host.paragraphs.map((p) => p.text).join('\n'))) {
          section = host;
          how = 'host-body';
          break;
        }
      }
    }
    if (section) {
      found.set(def.key, section);
      push(def, { present: true, how, section, parent: def.parent ? `${def.rule}.${def.parent}` : null });
      continue;
    }
    // 国有资本经营 has no narrative section in some regional templates (Hunan: lukou's 情况说明
    // numbers 八 政府性基金 → 九 机关运行经费 without a gap); there the empty T8's own "没有…
    // 本表无数据" statement is the part's whole content (N-10 accepts it). 政府性基金 is in every
    // template, so its section is always required.
    const fundKey: TableKey | null = def.key === '国有资本经营' ? 'T8' : null;
    const note = fundKey ? fundStatement(d, fundKey, outside) : null;
    if (note) {
      push(def, { present: true, how: 'table-note', anchor: note });
      continue;
    }
    if (fundKey === 'T8' && !t8Required(d)) continue; // 8-table layouts (≤ 2018) have no 国有资本经营
    const parentSection = def.parent ? found.get(def.parent) ?? null : null;
    const near = parentSection ?? anchorSection;
    push(def, { section: near, anchor: near?.heading ?? null, parent: def.parent ? `${def.rule}.${def.parent}` : null });
  }
  return results;
}

function headings(pool: Section[]): { section: Section; body: string }[] {
  const out: { section: Section; body: string }[] = [];
  for (const s of pool) {
    if (s.depth > 3) continue;
    const body = titleBody(s);
    if (!TABLE_TITLE.test(body)) out.push({ section: s, body });
  }
  return out;
}

function findIn(sections: Section[], test: (t: string) => boolean): Section | null {
  for (const s of sections) {
    if (test(titleBody(s))) return s;
    const deeper = findIn(s.children, test);
    if (deeper) return deeper;
  }
  return null;
}

const FUND_SAYS: Record<string, RegExp> = {};
const TOC_TABLES = new WeakMap<Disclosure, Map<TableKey, ParagraphBlock>>();

/** The contents lines that name tables, by key (once per disclosure). */
function tocTables(d: Disclosure): Map<TableKey, ParagraphBlock> {
  let v = TOC_TABLES.get(d);
  if (!v) TOC_TABLES.set(d, (v = computeTocTables(d)));
  return v;
}

function computeTocTables(d: Disclosure): Map<TableKey, ParagraphBlock> {
  const out = new Map<TableKey, ParagraphBlock>();
  if (d.tocBlocks.length === 0) return out;
  const toc = new Set(d.tocBlocks);
  for (const p of d.paragraphs) {
    if (!toc.has(p.index)) continue;
    const line = p.text.replace(/^[\s\u3000]*([一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/, '');
    const keys = titleKeys(line.replace(/[.．·…\s]*\d*\s*$/, ''));
    if (keys.length === 1 && !out.has(keys[0])) out.set(keys[0], p);
  }
  return out;
}

/** T8 is required from 2019 on, or whenever the contents list it; 8-table layouts lack it. */
function t8Required(d: Disclosure): boolean {
  if (d.tables.T8) return true;
  const toc = tocTables(d);
  if (toc.has('T8')) return true;
  if (toc.size >= 5) return false; // the contents list the tables, and not this one
  return d.info.year === null || d.info.year > 2018;
}

function pushTables(
  d: Disclosure,
  anchor: Section | null,
  push: (def: { rule: string; key: string; name: Bilingual }, r: Partial<PartResult>) => void,
): void {
  const toc = tocTables(d);
  for (const key of TABLE_KEYS) {
    const def = { rule: 'S-03', key, name: TABLE_PART_NAMES[key] };
    if (d.tables[key]) {
      push(def, { present: true, how: 'table' });
      continue;
    }
    if (key === 'T8' && !t8Required(d)) continue;
    const tocEntry = toc.get(key) ?? null;
    push(def, {
      section: anchor,
      anchor: tocEntry ?? anchor?.heading ?? null,
      tocEntry,
      unrecognisedTables: d.unrecognised.length,
    });
  }
}

/**
 * A sentence saying the department has no such fund ("我单位没有使用国有资本经营预算安排的支出，故本表
 * 无数据"), valid only when the fund's table is absent or all empty. The table's own notes are tried
 * first, then any paragraph outside the contents, the glossary and the attachments.
 */
function fundStatement(d: Disclosure, key: TableKey, outside: (p: ParagraphBlock) => boolean): ParagraphBlock | null {
  const t = d.tables[key];
  if (t && !t.allEmpty) return null;
  const fund = key === 'T7' ? '政府性基金' : '国有资本';
  const says = (FUND_SAYS[fund] ??= new RegExp(`(没有|无|未)[^。；]{0,12}${fund}|${fund}[^。；]{0,40}(本表无数据|无数据|为空)`));
  const toc = new Set(d.tocBlocks);
  for (const p of t?.notes ?? []) if (says.test(p.text)) return p;
  for (const p of d.paragraphs) if (!toc.has(p.index) && outside(p) && says.test(p.text)) return p;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Content a present part must carry (domain.md: 三公 "with counts", 政府采购 "with the 中小企业
// share", 国有资产占用 "vehicles, equipment"). Missing content is a warning: a short part can have
// a legitimate reason (nothing was bought), so a part that says so is exempt.

export interface ContentDef {
  part: string;
  /** Tested on the part's text with every space removed (PDF text breaks "设 备"). */
  need: RegExp;
  what: Bilingual;
  /** The part states there was nothing to report (same text). */
  exempt?: RegExp;
  /** The tables say there is nothing to report (三公 spending of 0: no counts to give). */
  exemptByTables?: (d: Disclosure) => boolean;
}

/** The T9 决算数 合计 is printed as 0 or blank (no 三公 spending at all). */
function noSangongSpending(d: Disclosure): boolean {
  const t = d.tables.T9;
  if (!t) return false;
  let seen = false;
  for (const p of t.panels)
    for (const r of p.rows) {
      const c = r.cells['actual.total'];
      if (!c) continue;
      seen = true;
      if (c.value.kind === 'number' && !c.value.value.isZero()) return false;
      if (c.value.kind === 'nan' && !c.value.label) return false;
    }
  return seen;
}

export const CONTENT: ContentDef[] = [
  {
    part: 'S-06.三公经费',
    need: /团组|人次|批次|\d+辆|保有量/,
    what: { zh: '数量（出国团组/人次、公务用车辆数或接待批次）', en: 'counts (delegations / trips, vehicles or receptions)' },
    // "未发生“三公”经费支出", "“三公”经费支出均为0", "“三公”经费财政拨款支出决算为0万元", "无“三公”经费支出".
    exempt:
      /(未(发生|安排)|没有|无)[^。]{0,10}三公|三公[^。]{0,20}(均为0|均为零|为零|未发生)|三公[”"]?经费[^。；，,0-9]{0,16}(为|是)?0(\.0+)?万?元/,
    exemptByTables: noSangongSpending,
  },
  {
    part: 'S-08.政府采购',
    need: /中小企业|小微企业/,
    what: { zh: '授予中小企业合同金额（及占比）', en: 'contracts awarded to SMEs (and their share)' },
    exempt: /未(发生|开展|实施)[^。]{0,10}政府采购|没有[^。]{0,10}政府采购|无政府采购/,
  },
  {
    part: 'S-08.国有资产占用',
    need: /车辆|辆/,
    what: { zh: '车辆数量', en: 'number of vehicles' },
  },
  {
    part: 'S-08.国有资产占用',
    // "单价100万元（含）以上设备…2台（套）", "单价50万元以上通用设备0台", "单位价值100万元以上专用资产",
    // "大型仪器": the statement names the unit-price threshold or the equipment.
    need: /设备|仪器|单(价|位价值)[^。；]{0,10}万元[^。；]{0,6}以上|\d+台[（(]套[）)]/,
    what: { zh: '大型（单价50万元/100万元以上）设备数量', en: 'number of large equipment items' },
  },
];

/** Text of a present part: its heading and every paragraph in its block range. */
function partText(d: Disclosure, s: Section): string {
  const out = [s.heading.text];
  for (const p of d.paragraphs) if (p.index > s.heading.index && p.index < s.end) out.push(p.text);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Findings

function spanOf(p: ParagraphBlock | null): TextSpan[] {
  return p ? [{ paragraph: p, start: 0, end: p.text.length }] : [];
}

/** Report every absent part of one S-xx rule (and the parts covered only by a table's note). */
/** The known limit every S-xx rule shares (listed in each rule's docs page). */
export const HEADING_PRESENCE_LIMIT: Bilingual = {
  zh: '按章节标题（任意层级）的关键词识别，措辞宽松；名词解释和附件中的标题不算。只查是否存在，不查内容是否完整。',
  en: 'Recognised by keywords in section headings at any depth, tolerant of wording; headings in the glossary and attachments do not count. Checks presence, not completeness.',
};

/** An S-xx rule: its logic is the shared part catalog; the file holds only its meta and docs. */
export function partsRule(meta: RuleMeta): Rule {
  return defineRule({ meta, run: (ctx) => reportParts(ctx, meta) });
}

export function reportParts(ctx: RuleContext, meta: RuleMeta): void {
  const all = evaluateParts(ctx.disclosure);
  const parts = all.filter((r) => r.rule === meta.id);
  if (parts.length === 0) return ctx.notApplicable('no applicable part');
  // A page without any 情况说明 (tables only; the narrative published elsewhere) gets one error
  // under S-04 instead of one per narrative part; the other narrative rules stand aside.
  // A document of tables only (an Excel workbook, a page that carries only the tables) has no text
  // part at all: said once under S-04 as a notice, every other text part stands aside.
  if (meta.id !== 'S-03' && isTablesOnly(ctx.disclosure)) {
    if (meta.id !== 'S-04') return ctx.notApplicable('tables only: no narrative (said once under S-04)');
    ctx.report(tablesOnlyFinding(meta));
    return;
  }
  const narrative = all.filter((r) => NARRATIVE_RULES.has(r.rule));
  if (NARRATIVE_RULES.has(meta.id) && narrative.every((r) => r.how === 'absent' || r.how === 'table-note')) {
    if (meta.id !== 'S-04') return ctx.notApplicable('no 情况说明 on the page (reported once under S-04)');
    ctx.report(noNarrativeFinding(narrative, meta));
    return;
  }
  for (const r of parts) {
    if (r.how === 'table-note') {
      ctx.report({
        severity: 'notice',
        message: {
          zh: `情况说明中没有「${r.name.zh}」一节；该部分由空表下的说明代替：「${r.anchor!.text}」`,
          en: `The narrative has no section on ${r.name.en}; the empty table's own note stands for it: "${r.anchor!.text}"`,
        },
        expected: `「${r.name.zh}」一节 / a section on ${r.name.en}`,
        actual: '仅有表下说明 / only the note under the empty table',
        cells: [],
        spans: spanOf(r.anchor),
        quote: null,
      });
      continue;
    }
    if (r.present) {
      if (r.section) reportContent(ctx, meta, r, r.section);
      continue;
    }
    // A missing parent already says its subsections are missing: one finding, not four.
    if (r.parent && parts.some((q) => q.id === r.parent && !q.present)) continue;
    ctx.report(r.rule === 'S-03' ? tableFinding(r, meta) : partFinding(r, meta));
  }
}

type Report = Parameters<RuleContext['report']>[0];

const NARRATIVE_RULES = new Set(['S-04', 'S-05', 'S-06', 'S-07', 'S-08', 'S-09']);

/** Longest paragraph a table-only document may hold (titles, unit lines, table notes are short). */
const TABLES_ONLY_MAX_PARAGRAPH = 60;

/**
 * True when the document is tables only: tables were recognised, there is no part or chapter heading, no
 * text part (S-01, S-02, S-04…S-10) is there in any form, and no paragraph reads like narrative
 * (all are short lines: titles, units, 注 lines). Such a document is not missing its parts one by one; it has none.
 */
export function isTablesOnly(d: Disclosure): boolean {
  const hit = tablesOnlyCache.get(d);
  if (hit !== undefined) return hit;
  // Headings of parts or chapters (第二部分, 一、) are the text's skeleton: a document with any is
  // not tables only. Numbered notes (1. 本表金额单位为万元) on a notes sheet are not such headings.
  let result = Object.keys(d.tables).length > 0;
  for (const s of d.sections) if (s.depth <= 2) result = false;
  if (result) {
    for (const r of evaluateParts(d)) {
      if (r.rule !== 'S-03' && r.how !== 'absent') {
        result = false;
        break;
      }
    }
  }
  if (result) {
    for (const p of d.paragraphs) {
      const t = p.text;
      if (t.length > TABLES_ONLY_MAX_PARAGRAPH && !/^[（(]?(注|备注|说明)/.test(t)) {
        result = false;
        break;
      }
    }
  }
  tablesOnlyCache.set(d, result);
  return result;
}
const tablesOnlyCache = new WeakMap<Disclosure, boolean>();

function tablesOnlyFinding(meta: RuleMeta): Report {
  return {
    severity: 'notice',
    message: {
      zh: `未提供说明部分（仅表格）：文件中只有表格，部门概况、情况说明、名词解释等文字部分不在其中，未作检查；表内及表间核对照常进行。规则 ${meta.id}。`,
      en: `No narrative provided (tables only): the document holds only the tables; the overview, the narrative and the glossary are not in it and were not checked. The table checks ran as usual. Rule ${meta.id}.`,
    },
    expected: '说明部分（部门概况、情况说明、名词解释） / the text parts (overview, narrative, glossary)',
    actual: '未提供（仅表格） / not provided (tables only)',
    cells: [],
    spans: [],
    quote: null,
  };
}

function noNarrativeFinding(narrative: PartResult[], meta: RuleMeta): Report {
  const missing = narrative.filter((r) => r.how === 'absent' && !r.parent);
  return {
    severity: meta.severity,
    message: {
      zh: `缺少情况说明：页面中没有任何必备的情况说明部分（${missing.map((r) => r.name.zh).join('、')}）。规则 ${meta.id}。`,
      en: `The narrative (情况说明) is missing: none of its required parts is on the page (${missing.map((r) => r.name.en).join('; ')}). Rule ${meta.id}.`,
    },
    expected: '情况说明及其各部分 / the narrative with its parts',
    actual: '未找到 / not found',
    cells: [],
    spans: [],
    quote: null,
  };
}

function reportContent(ctx: RuleContext, meta: RuleMeta, r: PartResult, section: Section): void {
  const needs = CONTENT.filter((c) => c.part === r.id);
  if (needs.length === 0) return;
  const text = partText(ctx.disclosure, section).replace(/\s+/g, '');
  for (const c of needs) {
    if (c.need.test(text) || c.exempt?.test(text) || c.exemptByTables?.(ctx.disclosure)) continue;
    ctx.report({
      severity: 'warning',
      message: {
        zh: `「${r.name.zh}」一节未说明${c.what.zh}。规则 ${meta.id}。`,
        en: `The section on ${r.name.en} does not state the ${c.what.en}. Rule ${meta.id}.`,
      },
      expected: `含${c.what.zh} / states the ${c.what.en}`,
      actual: '未提及 / not mentioned',
      cells: [],
      spans: spanOf(section.heading),
      quote: null,
    });
  }
}

function partFinding(r: PartResult, meta: RuleMeta): Report {
  const under = r.section ? `（应在「${r.section.title}」之下）` : '';
  const underEn = r.section ? ` (expected under "${r.section.title}")` : '';
  return {
    severity: meta.severity,
    message: {
      zh: `缺少必备部分「${r.name.zh}」：页面中没有标题含该内容的一节${under}。规则 ${meta.id}。`,
      en: `Required part missing: ${r.name.en} — no section with such a heading on the page${underEn}. Rule ${meta.id}.`,
    },
    expected: `「${r.name.zh}」一节 / a section on ${r.name.en}`,
    actual: '未找到 / not found',
    cells: [],
    spans: spanOf(r.anchor),
    quote: null,
  };
}

function tableFinding(r: PartResult, meta: RuleMeta): Report {
  const key = r.id.slice(r.id.indexOf('.') + 1);
  const toc = r.tocEntry ? `；目录中列有「${r.tocEntry.text}」，正文中却没有该表` : '';
  const tocEn = r.tocEntry ? `; the contents list "${r.tocEntry.text}" but the body has no such table` : '';
  const unrec = r.unrecognisedTables > 0 ? `（页面上另有 ${r.unrecognisedTables} 个表格未能识别，可能即为此表）` : '';
  const unrecEn =
    r.unrecognisedTables > 0 ? ` (${r.unrecognisedTables} table(s) on the page could not be recognised; one may be it)` : '';
  return {
    // An unrecognised table on the page may be this one: absence is then likely, not certain.
    severity: r.unrecognisedTables > 0 ? 'warning' : meta.severity,
    message: {
      zh: `缺少${r.name.zh}（${key}）：正文中未找到该表${toc}${unrec}。规则 ${meta.id}。`,
      en: `Missing table: ${r.name.en} is not in the body${tocEn}${unrecEn}. Rule ${meta.id}.`,
    },
    expected: `${r.name.zh}（${key}） / table ${key} present`,
    actual: '未找到 / not found',
    cells: [],
    spans: spanOf(r.anchor),
    quote: null,
  };
}

/** The report's `sections` array (design.md): every required part with present/absent. */
export function sectionPresence(d: Disclosure): SectionPresence[] {
  return evaluateParts(d).map((r) => ({ id: r.id, title: `${r.name.zh} · ${r.name.en}`, present: r.present }));
}
