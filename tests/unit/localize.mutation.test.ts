/**
 * Mutation test of the localization (issue 14 acceptance), over both public fixtures and the 元
 * variant: a single change to an amount cell that takes part in two or more relations must yield
 * one `unique` cause naming exactly that cell with `suggested` = the original value; typing slips
 * must be named; two unrelated changes give two causes; two changes in one identity give two
 * causes or an honest `ambiguous`, never a wrong unique cause. Cells are sampled with a fixed seed
 * (each run re-checks the whole page); the rates are printed.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Decimal from 'decimal.js';
import { checkDocument, type CheckRun } from '../../lib/index';
import type { Cause } from '../../lib/localize';
import type { Pattern } from '../../lib/localize/patterns';
import { detectPattern } from '../../lib/localize/patterns';

function textNodes(el: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out.push(c as Text);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

/** Replace the element's visible text with `text`, returning a function that restores it. */
function setText(el: Element, text: string): () => void {
  const nodes = textNodes(el);
  const saved = nodes.map((n) => n.data);
  const host = nodes.find((n) => /\d/.test(n.data)) ?? nodes[0];
  if (!host) {
    const added = el.ownerDocument.createTextNode(text);
    el.appendChild(added);
    return () => void el.removeChild(added);
  }
  for (const n of nodes) n.data = n === host ? text : n.data.replace(/[\d.,，．\-－]/g, '');
  return () => nodes.forEach((n, i) => (n.data = saved[i]));
}

/** Deterministic PRNG (LCG), so samples and changes are the same on every run. */
function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

interface Target {
  el: Element;
  text: string;
  value: Decimal;
  decimals: number;
  label: string;
  relations: number;
  equalities: number;
  /** Values of totals of sums this cell is a part of (for repeated-total mutants). */
  totals: Decimal[];
  /** Elements of the cells it shares a relation with. */
  related: Set<Element>;
}

const FIXTURES = [
  { name: 'lukou-2024', file: '../fixtures/lukou-2024.html' },
  { name: 'putuo-2025', file: '../fixtures/putuo-2025.html' },
  { name: 'variant yuan', file: '../fixtures/variants/yuan.html' },
];

const causeEls = (c: Cause): Element[] =>
  c.alternatives.flat().flatMap((ch) => (ch.x.kind === 'cell' && ch.x.cell.source.el ? [ch.x.cell.source.el] : []));
const key = (c: Cause) =>
  `${c.confidence}:${c.alternatives.map((a) => a.map((ch) => (ch.x.kind === 'cell' ? `${ch.x.cell.table}/${ch.x.cell.row}/${ch.x.cell.col}` : `t${ch.x.num.paragraph.index}/${ch.x.num.start}`) + '=' + ch.suggested.toFixed()).join('&')).join('|')}`;

function targetsOf(run: CheckRun): Target[] {
  const out = new Map<Element, Target>();
  for (const r of run.relations) {
    const els = r.terms.flatMap((t) => (t.x.kind === 'cell' && t.x.cell.source.el ? [t.x.cell.source.el] : []));
    for (const t of r.terms) {
      if (t.x.kind !== 'cell' || !t.x.cell.source.el || t.x.cell.value.kind !== 'number') continue;
      const el = t.x.cell.source.el;
      let g = out.get(el);
      if (!g) {
        const v = t.x.cell.value;
        g = {
          el,
          text: t.x.cell.text,
          value: new Decimal(v.value),
          decimals: v.decimals,
          label: `${t.x.cell.table} r${t.x.cell.row} c${t.x.cell.col} "${t.x.cell.text}"`,
          relations: 0,
          equalities: 0,
          totals: [],
          related: new Set(),
        };
        out.set(el, g);
      }
      g.relations++;
      if (r.op === 'eq') g.equalities++;
      for (const e of els) if (e !== el) g.related.add(e);
      if (t.role === 'part' && r.terms.length >= 3)
        for (const u of r.terms)
          if (u.role === 'total' && u.x.kind === 'cell' && u.x.cell.value.kind === 'number') g.totals.push(new Decimal(u.x.cell.value.value));
    }
  }
  return [...out.values()];
}

function sample<T>(xs: T[], n: number, rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

/** Printed like the cell (same decimals, no separators: the parser reads both alike). */
const print = (t: Target, v: Decimal) => v.toFixed(t.decimals);

describe.each(FIXTURES)('localization by mutation: $name', ({ name, file }) => {
  const html = readFileSync(new URL(file, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const base = checkDocument(document);
  const baseKeys = new Set(base.causes.map(key));
  const all = targetsOf(base);
  // Cells next to a comparison that already fails on the page join its group: what they explain
  // depends on that group (the 元 variant's 100-元 I-19 gap has no simple explanation), so they are
  // counted apart.
  const nearFailing = new Set<Element>();
  for (const r of base.relations)
    if (r.verdict === 'error')
      for (const t of r.terms)
        if (t.x.kind === 'cell' && t.x.cell.source.el) {
          nearFailing.add(t.x.cell.source.el);
          for (const u of all) if (u.el === t.x.cell.source.el) u.related.forEach((e) => nearFailing.add(e));
        }
  const pinned = all.filter((t) => t.relations >= 2 && !nearFailing.has(t.el));
  const nearCount = all.filter((t) => t.relations >= 2 && nearFailing.has(t.el)).length;
  const rnd = prng(20261207);
  const labelOf = (el: Element | undefined) => all.find((t) => t.el === el)?.label ?? 'another cell';
  const fresh = (run: CheckRun) => run.causes.filter((c) => !baseKeys.has(key(c)));

  const mutate = (changes: Array<[Target, string]>): CheckRun => {
    const restores = changes.map(([t, text]) => setText(t.el, text));
    try {
      return checkDocument(document);
    } finally {
      restores.reverse().forEach((r) => r());
    }
  };

  test('single random changes: one unique cause naming exactly the cell, suggesting the original', { timeout: 240_000 }, () => {
    expect(pinned.length).toBeGreaterThan(20);
    const chosen = sample(pinned, 50, rnd);
    let exact = 0;
    let rounding = 0;
    let covered = 0;
    const exceptions: string[] = [];
    for (const t of chosen) {
      const delta = new Decimal(Math.floor(rnd() * 50000) + 100).div(100); // 1.00 … 500.99: beyond any rounding
      const changed = print(t, rnd() < 0.5 || t.value.lt(delta) ? t.value.plus(delta) : t.value.minus(delta));
      const run = mutate([[t, changed]]);
      const causes = fresh(run);
      if (causes.some((c) => causeEls(c).includes(t.el))) covered++;
      const one = causes.length === 1 && causes[0].confidence === 'unique' ? causes[0].alternatives[0] : null;
      const named = one && one.length === 1 && one[0].x.kind === 'cell' && one[0].x.cell.source.el === t.el ? one[0] : null;
      if (named && named.suggested.eq(t.value)) exact++;
      else if (named && named.suggested.minus(t.value).abs().lte(new Decimal(1).div(10 ** t.decimals))) {
        rounding++;
        exceptions.push(`${t.label} → ${changed}: suggested ${named.suggested.toFixed(t.decimals)} (the page's own figures disagree by one unit here)`);
      } else
        exceptions.push(
          `${t.label} → ${changed} [${t.relations} relations, ${t.equalities} equalities]: ${causes.map((c) => `${c.confidence} ${c.alternatives.length} alt`).join('; ') || 'no cause'}`,
        );
    }
    console.log(
      `localization (${name}): ${exact}/${chosen.length} unique with the original value; ${rounding} more within one unit; ` +
        `changed cell among the causes' cells ${covered}/${chosen.length} (sample of ${pinned.length} cells in ≥ 2 relations; ` +
        `${nearCount} more share a comparison with one that already fails, not sampled)`,
    );
    if (exceptions.length) console.log(`exceptions:\n  ${exceptions.join('\n  ')}`);
    expect(covered).toBe(chosen.length);
    // Cells pinned by two equalities: unique and right (one unit off only where the page itself is).
    const pinnedByEq = chosen.filter((t) => t.equalities >= 2).length;
    expect(exact + rounding).toBeGreaterThanOrEqual(pinnedByEq);
    expect(exact / chosen.length).toBeGreaterThan(0.9);
  });

  test('typing slips are named', { timeout: 120_000 }, () => {
    const eq2 = pinned.filter((t) => t.equalities >= 2 && t.value.abs().gte(10));
    const slips: Array<[Pattern, (t: Target) => Decimal | null]> = [
      ['dropped-digit', (t) => {
        const s = t.value.abs().toFixed(t.decimals);
        const int = s.split('.')[0];
        for (let i = 0; i < int.length; i++) {
          const v = new Decimal(s.slice(0, i) + s.slice(i + 1));
          if (detectPattern(v, t.value, t.decimals) === 'dropped-digit') return v;
        }
        return null;
      }],
      ['swapped-digits', (t) => {
        const s = t.value.abs().toFixed(t.decimals).replace('.', '');
        for (let i = 0; i + 1 < s.length; i++) {
          if (s[i] === s[i + 1]) continue;
          const w = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
          const v = new Decimal(`${w.slice(0, w.length - t.decimals)}.${w.slice(w.length - t.decimals)}`);
          if (detectPattern(v, t.value, t.decimals) === 'swapped-digits') return v;
        }
        return null;
      }],
      ['decimal-shift', (t) => t.value.times(10)],
      ['unit-10000', (t) => t.value.times(10000)],
      ['repeated-total', (t) => t.totals.find((x) => !x.eq(t.value) && detectPattern(x, t.value, t.decimals, { totals: t.totals }) === 'repeated-total') ?? null],
    ];
    const wrong: string[] = [];
    let tried = 0;
    for (const [pattern, make] of slips) {
      const pool = sample(eq2, eq2.length, rnd).filter((t) => make(t) !== null).slice(0, 4);
      expect(pool.length, pattern).toBeGreaterThan(0);
      for (const t of pool) {
        const v = make(t)!;
        tried++;
        const causes = fresh(mutate([[t, print(t, v)]]));
        const c = causes.find((x) => causeEls(x).includes(t.el));
        const ch = c?.confidence === 'unique' ? c.alternatives[0][0] : null;
        if (!ch || ch.pattern !== pattern) wrong.push(`${pattern}: ${t.label} → ${print(t, v)}: ${c ? `${c.confidence} ${ch?.pattern ?? ''}` : 'no cause'}`);
      }
    }
    console.log(`typing slips (${name}): ${tried - wrong.length}/${tried} named right${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(wrong).toEqual([]);
  });

  test('two changes in unrelated places: two causes, each naming its cell', { timeout: 120_000 }, () => {
    const eq2 = sample(pinned.filter((t) => t.equalities >= 2), pinned.length, rnd);
    const pairs: Array<[Target, Target]> = [];
    for (const a of eq2)
      for (const b of eq2) {
        if (pairs.length >= 6) break;
        if (a === b || a.related.has(b.el) || [...a.related].some((e) => b.related.has(e))) continue;
        if (pairs.some(([x, y]) => x === a || y === a || x === b || y === b)) continue;
        pairs.push([a, b]);
      }
    expect(pairs.length).toBeGreaterThan(2);
    for (const [a, b] of pairs) {
      const causes = fresh(mutate([[a, print(a, a.value.plus(37))], [b, print(b, b.value.plus(53))]]));
      // (Labels, not elements: a failing expectation must not print the DOM.)
      const named = causes.filter((c) => c.confidence === 'unique').map((c) => labelOf(causeEls(c)[0]));
      expect(named.sort(), `${a.label} + ${b.label}`).toEqual([a.label, b.label].sort());
    }
  });

  test('two changes in one identity: two causes or an honest ambiguous, never a wrong unique cause', { timeout: 120_000 }, () => {
    const byRelation = base.relations
      .filter((r) => r.op === 'eq' && r.terms.length >= 3)
      .map((r) => r.terms.flatMap((t) => (t.x.kind === 'cell' ? pinned.filter((p) => p.el === (t.x as { cell: { source: { el: Element } } }).cell.source.el) : [])))
      .filter((ts) => ts.length >= 2);
    const chosen = sample(byRelation, 6, rnd);
    expect(chosen.length).toBeGreaterThan(0);
    const outcomes: string[] = [];
    for (const ts of chosen) {
      const [a, b] = sample(ts, 2, rnd);
      const causes = fresh(mutate([[a, print(a, a.value.plus(41))], [b, print(b, b.value.plus(29))]]));
      for (const c of causes.filter((x) => x.confidence === 'unique')) expect([a.label, b.label], `${a.label} + ${b.label}`).toContain(labelOf(causeEls(c)[0]));
      outcomes.push(causes.map((c) => c.confidence).join('+') || 'none');
    }
    console.log(`two changes in one identity (${name}): ${outcomes.join(', ')}`);
  });
});

describe('the fixtures as published', () => {
  test('putuo-2025 (rounding-level differences only): no causes; lukou-2024: its narrative errors, on the stated numbers', () => {
    const clean = checkDocument(parseHTML(readFileSync(new URL('../fixtures/putuo-2025.html', import.meta.url), 'utf8')).document);
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(clean.causes).toEqual([]);
    const seed = checkDocument(parseHTML(readFileSync(new URL('../fixtures/lukou-2024.html', import.meta.url), 'utf8')).document);
    expect(
      seed.causes.map((c) => [c.confidence, c.alternatives[0][0].x.kind === 'text' ? c.alternatives[0][0].x.num.text : 'cell', c.alternatives[0][0].suggested.toFixed(2)]),
    ).toEqual([
      ['unique', '896.57万元', '880.81'],
      ['unique', '896.56万元', '880.80'],
      ['unique', '314.20万元', '298.44'],
    ]);
    for (const c of seed.causes) for (const i of c.explains) expect(seed.findings[i].severity).toBe('error');
  });
});
