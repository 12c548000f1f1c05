/**
 * lib/claims — numeric statements of the narrative, tied to concepts (domain.md, "Narrative claims").
 * analyse() is pure and memoised per disclosure: every N-xx rule reads the same claims, and the
 * report's claim counts (found / reconciled / skipped) come from the same analysis.
 */
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure } from '../model/types';
import type { Rule } from '../checks/types';
import type { Concept, Topic } from './concepts';
import { tie, topicOf } from './concepts';
import type { Fact, SentenceAt, SentenceFacts } from './facts';
import { paragraphNumbers, sentenceItem } from './facts';
import type { Num } from './numbers';
import type { ParaContext, Sentence } from './text';
import { paragraphContexts, splitSentences } from './text';
import { toInt } from '../int';

export interface Claim {
  fact: Fact;
  paragraph: ParagraphBlock;
  headings: string[];
  topic: Topic;
  concept: Concept | null;
  /** The sentence the fact is stated in. */
  item: SentenceItem;
}

/** A sentence with its facts and its place (paragraph, headings, topic, paragraph index pi). */
export type SentenceItem = SentenceFacts & SentenceAt;

export interface Analysis {
  disclosure: Disclosure;
  year: number | null;
  sentences: SentenceItem[];
  claims: Claim[];
  /** Keys of every claim number found (numKey: paragraph index and offset). */
  found: Set<number>;
  reconciled: Set<number>;
  /** Rules that have run on this analysis (so counting can run the rest once). */
  ran: Set<string>;
  /** The claims of a paragraph (in order). A fact's claim is found there (a whole is in its part's paragraph). */
  byParagraph: Map<ParagraphBlock, Claim[]>;
  byTopic: Map<Topic, Claim[]>;
  /** Sentences with a direction word (决算数大于预算数 …), in order: every N-xx rule scans them. */
  directionItems: SentenceItem[];
  /** Claims owned by each rule (ruleOf), in order; filled on first use by ClaimChecker.mine(). */
  byRule: Map<string, Claim[]>;
  /** Sentences with template residue, in order (every N-xx rule scans them); filled on first use. */
  residueItems: SentenceItem[] | null;
}

/**
 * Key of a claim number: paragraph index and offset in one number, so the sets hash no strings.
 * Small pages give small integers (V8 stores them unboxed: no allocation per mark); larger indices
 * or offsets get a negative key of their own range, so keys never collide.
 */
export const numKey = (p: ParagraphBlock, n: Num): number => keyOf(p.index, n.start);

function keyOf(index: number, start: number): number {
  return index < 16384 && start < 65536 ? index * 65536 + start : -(index * 4294967296 + start) - 1;
}

const cache = new WeakMap<Disclosure, Analysis>();
const ITEM_MARK = /[（(]项[）)]/;
/** Shared by every sentence without numbers (never mutated). */
const NO_NUMS: Num[] = [];

/** Budget words removed from a pair's budget label leave the quantity's name ("财政拨款支出年初预算数" → "财政拨款支出"). */
export function subjectLabel(f: Fact): string {
  if (f.budget) {
    const s = f.budget.label.replace(/(年初|全年)?(收入|支出)?预算数?$/, '').replace(/\d{4}\s*年度?/, '');
    if (s && !/^(本年|本部门|本单位)*$/.test(s)) return s;
  }
  return f.label;
}

function reportYear(d: Disclosure, ctxs: ParaContext[], notes: Set<number>): number | null {
  if (d.info.year) return d.info.year;
  const m = d.info.title.match(/(20\d\d)\s*年/);
  if (m) return toInt(m[1]);
  const counts = new Map<number, number>();
  for (const { paragraph: p } of ctxs) {
    if (notes.has(p.index)) continue;
    for (const y of p.text.matchAll(/(20\d\d)\s*年度/g)) counts.set(toInt(y[1]), (counts.get(toInt(y[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0)) best = y;
  return best;
}

export function analyse(d: Disclosure): Analysis {
  const steps = analyseSteps(d); // answers from the cache at once when built
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * analyse as resumable steps, one paragraph each (a first analysis of a long narrative is tens of
 * ms; the content script yields to the page between steps). The result is cached when complete.
 */
export function* analyseSteps(d: Disclosure): Generator<void, Analysis, void> {
  const hit = cache.get(d);
  if (hit) return hit;
  // Table titles and notes are not narrative.
  const notes = new Set<number>();
  for (const t of Object.values(d.tables)) for (const n of t?.notes ?? []) notes.add(n.index);
  const ctxs = paragraphContexts(d);
  const a: Analysis = {
    disclosure: d,
    year: reportYear(d, ctxs, notes),
    sentences: [],
    claims: [],
    found: new Set(),
    reconciled: new Set(),
    ran: new Set(),
    byParagraph: new Map(),
    byTopic: new Map(),
    directionItems: [],
    byRule: new Map(),
    residueItems: null,
  };
  let lastHeadings: string[] | null = null;
  let topic: Topic = null;
  let pi = -1;
  for (const c of ctxs) {
    const p = c.paragraph;
    if (notes.has(p.index)) continue;
    yield;
    pi++;
    const text = p.text;
    // Consecutive paragraphs of one section share their headings array.
    if (c.headings !== lastHeadings) {
      lastHeadings = c.headings;
      topic = topicOf(c.headings);
    }
    // The place of every sentence of this paragraph (shared: sentenceFacts copies its fields).
    const at: SentenceAt = { paragraph: p, headings: c.headings, topic, pi };
    let carry: Fact | null = null;
    let chainText: string | null = null;
    let inPara: Claim[] | undefined;
    let inTopic: Claim[] | undefined;
    // Numbers are found once per paragraph and handed to their sentences in order.
    const pnums = paragraphNumbers(text);
    let k = 0;
    for (const s of splitSentences(text)) {
      while (k < pnums.length && pnums[k].start < s.start) k++;
      let e = k;
      while (e < pnums.length && pnums[e].end <= s.end) e++;
      // One object per sentence: the facts and their place.
      const item = sentenceItem(s, carry, e > k ? pnums.slice(k, e) : NO_NUMS, at);
      k = e;
      a.sentences.push(item);
      if (item.directions.length > 0) a.directionItems.push(item);
      for (const n of item.nums) a.found.add(keyOf(p.index, n.start));
      const facts = item.facts;
      if (facts.length === 0) continue;
      if (chainText === null) chainText = text.includes('项') && ITEM_MARK.test(text) ? text : (c.headings[c.headings.length - 1] ?? '');
      if (!inPara) {
        inPara = a.byParagraph.get(p);
        if (!inPara) a.byParagraph.set(p, (inPara = []));
        inTopic = a.byTopic.get(topic);
        if (!inTopic) a.byTopic.set(topic, (inTopic = []));
      }
      for (const f of facts) {
        const concept = tie(d, { topic, fact: f, label: subjectLabel(f), chainText });
        const claim: Claim = { fact: f, paragraph: p, headings: c.headings, topic, concept, item };
        a.claims.push(claim);
        inPara.push(claim);
        inTopic!.push(claim);
      }
      carry = facts[facts.length - 1];
    }
  }
  cache.set(d, a);
  return a;
}

/** Mark numbers as reconciled (used by a check, whatever its outcome). */
export function markReconciled(a: Analysis, p: ParagraphBlock, ...nums: (Num | undefined)[]): void {
  for (const n of nums) if (n) a.reconciled.add(keyOf(p.index, n.start));
}

export interface ClaimCounts {
  found: number;
  reconciled: number;
  skipped: number;
}

/** Counts for the report. Runs the given claim rules silently first if they have not run yet. */
export function claimStats(d: Disclosure, rules: readonly Rule[]): ClaimCounts {
  const a = analyse(d);
  for (const r of rules) {
    if (a.ran.has(r.meta.id)) continue;
    if (r.meta.tables.some((t) => !d.tables[t])) continue;
    try {
      r.run({ disclosure: d, report: () => {}, notApplicable: () => {} });
    } catch {
      // The runner reports rule failures; counting must not crash the report.
    }
  }
  let reconciled = 0;
  for (const k of a.reconciled) if (a.found.has(k)) reconciled++;
  return { found: a.found.size, reconciled, skipped: a.found.size - reconciled };
}

export type { Sentence };
