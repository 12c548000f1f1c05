/**
 * Error localization (Fellegi–Holt, as in the `errorlocate` R package), issue 14: which cells — or
 * numbers stated in the text — changed to which values make every failing relation hold without
 * breaking one that holds. Pure and exact (decimal.js through lib/money); reads only the relations
 * the rules declared (lib/localize/relation.ts).
 *
 * Per connected group of failing relations (linked by shared cells): single cells first, then
 * pairs; each candidate's new value is solved from a relation exactly, rounded to the precision it
 * is printed with, and checked against every relation it takes part in, failing or passing, at that
 * relation's tolerance. The smallest weighted explanations win (a stated number weighs a little
 * less than a table cell, a typing slip a little less again); ties are reported as ambiguous;
 * beyond pairs, "no simple explanation".
 */
import type Decimal from 'decimal.js';
import { exact } from '../money';
import type { Disclosure, ModelCell } from '../model/types';
import type { Finding } from '../checks/types';
import type { Operand, Relation } from './relation';
import { detectPattern, type Pattern } from './patterns';

export type { Pattern } from './patterns';
export type { Relation, Operand, StatedNumber, RelationTerm } from './relation';

export type Confidence = 'unique' | 'ambiguous' | 'none';

/** One value to change. */
export interface Change {
  x: Operand;
  /** The value now, as related (万元 for a stated amount). */
  stated: Decimal;
  /** The value that makes the relations hold (or, when `bound`, the most it may be). */
  suggested: Decimal;
  /** Decimals the value is printed with (as related). */
  decimals: number;
  pattern: Pattern | null;
  /** Only one-sided relations bound it: "应不超过 X", not an exact value. */
  bound: boolean;
  /** Relations (failing and passing) the value takes part in; all hold with `suggested`. */
  relations: number;
}

export interface Cause {
  id: string;
  confidence: Confidence;
  /** unique: one explanation of one change; ambiguous: each alternative explanation; none: []. */
  alternatives: Change[][];
  /** Indices into the run's findings: the failing comparisons this cause explains. */
  explains: number[];
}

export interface LocalizeOptions {
  /** Most alternative single values listed before giving up ('none'). */
  maxAlternatives?: number;
  /** Most alternative pairs or triples listed before giving up. */
  maxSetAlternatives?: number;
  /** Most cells in a group for the pair search. */
  maxPairVars?: number;
  /** Most cells in a group for the triple search. */
  maxTripleVars?: number;
}

/** A table cell weighs 1; a number stated in the text less (tables are cross-checked many times over). */
const TEXT_WEIGHT = 0.9;
/** A typing slip makes an explanation likelier. */
const PATTERN_WEIGHT = 0.8;
const EPS = 1e-9;

interface Var {
  x: Operand;
  value: Decimal;
  decimals: number;
  rels: number[];
  text: boolean;
}

interface Rel {
  r: Relation;
  /** Variable index and coefficient per term. */
  vars: number[];
  coefs: Decimal[];
  failing: boolean;
  residual: Decimal | null;
}

interface Candidate {
  changes: Map<number, Decimal>;
  bound: Set<number>;
  weight: number;
  patterns: Map<number, Pattern | null>;
  exactHolds: number;
}

const textKey = (x: Extract<Operand, { kind: 'text' }>) => `${x.num.paragraph.index}:${x.num.start}`;

function valueOf(x: Operand): Decimal {
  if (x.kind === 'text') return exact(x.num.value);
  const v = x.cell.value;
  return v.kind === 'number' ? exact(v.value) : exact(0);
}

/** The localization of a run's relations; findings give the indices causes explain. */
export function localize(
  relations: readonly Relation[],
  findings: readonly Finding[],
  disclosure: Disclosure | null = null,
  opts: LocalizeOptions = {},
): Cause[] {
  // Any one part of a long sum can be listed ("one of these"); pairs of guesses cannot.
  const maxAlternatives = opts.maxAlternatives ?? 30;
  const maxSetAlternatives = opts.maxSetAlternatives ?? 6;
  const maxPairVars = opts.maxPairVars ?? 400;
  const maxTripleVars = opts.maxTripleVars ?? 60;
  if (!relations.some((r) => r.verdict === 'error')) return [];

  const findingIndex = new Map<Finding, number>();
  findings.forEach((f, i) => findingIndex.set(f, i));

  // Variables and relations. Relations over a nan cell were never declared (not compared).
  const vars: Var[] = [];
  const byKey = new Map<unknown, number>();
  const rels: Rel[] = [];
  // Only relations touching a value of a failing relation can matter (the rest are never evaluated).
  const suspect = new Set<unknown>();
  for (const r of relations) if (r.verdict === 'error') for (const t of r.terms) suspect.add(t.x.kind === 'cell' ? t.x.cell : textKey(t.x));
  for (const r of relations) {
    if (r.verdict !== 'error' && !r.terms.some((t) => suspect.has(t.x.kind === 'cell' ? t.x.cell : textKey(t.x)))) continue;
    const rel: Rel = { r, vars: [], coefs: [], failing: r.verdict === 'error', residual: null };
    const ri = rels.length;
    for (const t of r.terms) {
      const key = t.x.kind === 'cell' ? t.x.cell : textKey(t.x);
      let vi = byKey.get(key);
      if (vi === undefined) {
        vi = vars.length;
        byKey.set(key, vi);
        vars.push({
          x: t.x,
          value: valueOf(t.x),
          decimals: t.x.kind === 'text' ? t.x.num.decimals : t.x.cell.value.kind === 'number' ? t.x.cell.value.decimals : -1,
          rels: [],
          text: t.x.kind === 'text',
        });
      }
      const at = rel.vars.indexOf(vi);
      if (at >= 0) {
        rel.coefs[at] = rel.coefs[at].plus(t.coef);
        continue;
      }
      rel.vars.push(vi);
      rel.coefs.push(exact(t.coef));
      vars[vi].rels.push(ri);
    }
    rels.push(rel);
  }
  // A blank cell prints like the cells it is compared with.
  for (const v of vars) {
    if (v.decimals >= 0) continue;
    let d = -1;
    for (const ri of v.rels) for (const vj of rels[ri].vars) if (vars[vj].decimals > d) d = vars[vj].decimals;
    v.decimals = Math.max(d, 0);
  }

  const residual = (ri: number): Decimal => {
    const rel = rels[ri];
    if (rel.residual) return rel.residual;
    let s = exact(0);
    for (let k = 0; k < rel.vars.length; k++) {
      const c = rel.coefs[k];
      const v = vars[rel.vars[k]].value;
      s = c.eq(1) ? s.plus(v) : c.eq(-1) ? s.minus(v) : s.plus(c.times(v));
    }
    return (rel.residual = s);
  };
  const holds = (ri: number, r: Decimal): boolean => {
    const rel = rels[ri];
    return rel.r.op === 'eq' ? r.abs().lte(rel.r.tolerance) : r.lte(rel.r.tolerance);
  };
  /** Residual of relation ri with some variables changed. */
  const residualWith = (ri: number, changes: Map<number, Decimal>): Decimal => {
    const rel = rels[ri];
    let r = residual(ri);
    for (let k = 0; k < rel.vars.length; k++) {
      const nv = changes.get(rel.vars[k]);
      if (nv !== undefined) r = r.plus(rel.coefs[k].times(nv.minus(vars[rel.vars[k]].value)));
    }
    return r;
  };
  /** Every relation touching a changed variable holds; returns how many hold exactly, or -1. */
  const verify = (changes: Map<number, Decimal>): number => {
    const seen = new Set<number>();
    let exactHolds = 0;
    for (const vi of changes.keys()) {
      for (const ri of vars[vi].rels) {
        if (seen.has(ri)) continue;
        seen.add(ri);
        const r = residualWith(ri, changes);
        if (!holds(ri, r)) return -1;
        // Equalities only: a one-sided relation met at its bound says nothing about the value.
        if (r.isZero() && rels[ri].r.op === 'eq') exactHolds++;
      }
    }
    return exactHolds;
  };
  /** The value of variable vi that makes relation ri hold exactly, others as in `changes`; rounded to print. */
  const solve = (vi: number, ri: number, changes: Map<number, Decimal>): Decimal | null => {
    const rel = rels[ri];
    const k = rel.vars.indexOf(vi);
    if (k < 0 || rel.coefs[k].isZero()) return null;
    const r = residualWith(ri, changes);
    const cur = changes.get(vi) ?? vars[vi].value;
    const v = cur.minus(r.div(rel.coefs[k]));
    return v.toDecimalPlaces(vars[vi].decimals);
  };

  /** Connected groups of the given failing relations (union-find over shared variables). */
  const componentsOf = (failingRels: readonly number[]): number[][] => {
    const parent = new Map<number, number>();
    for (const ri of failingRels) parent.set(ri, ri);
    const find = (i: number): number => {
      let p = parent.get(i)!;
      while (p !== i) {
        const g = parent.get(p)!;
        parent.set(i, g);
        i = p;
        p = g;
      }
      return i;
    };
    const firstFailing = new Map<number, number>();
    for (const ri of failingRels)
      for (const vi of rels[ri].vars) {
        const other = firstFailing.get(vi);
        if (other === undefined) firstFailing.set(vi, ri);
        else parent.set(find(ri), find(other));
      }
    const groups = new Map<number, number[]>();
    for (const ri of failingRels) {
      const g = find(ri);
      const list = groups.get(g);
      if (list) list.push(ri);
      else groups.set(g, [ri]);
    }
    return [...groups.values()];
  };
  const queue = componentsOf(rels.flatMap((rel, ri) => (rel.failing ? [ri] : [])));

  const patternCtx = patternContext(disclosure, vars, rels);
  const weightOf = (vi: number, p: Pattern | null) => (vars[vi].text ? TEXT_WEIGHT : 1) * (p ? PATTERN_WEIGHT : 1);

  const candidate = (changes: Map<number, Decimal>, bound: Set<number>): Candidate | null => {
    const exactHolds = verify(changes);
    if (exactHolds < 0) return null;
    const patterns = new Map<number, Pattern | null>();
    let weight = 0;
    for (const [vi, nv] of changes) {
      const p = bound.has(vi) ? null : detectPattern(vars[vi].value, nv, vars[vi].decimals, patternCtx(vi));
      patterns.set(vi, p);
      weight += weightOf(vi, p);
    }
    return { changes, bound, weight, patterns, exactHolds };
  };
  const better = (a: Candidate, b: Candidate) =>
    a.weight < b.weight - EPS || (Math.abs(a.weight - b.weight) <= EPS && a.exactHolds > b.exactHolds);

  /** Values to try for vi alone: solved from each failing relation; slips of its value for one-sided ones. */
  const valuesFor = (vi: number, failing: readonly number[], changes: Map<number, Decimal>): { v: Decimal; bound: boolean }[] => {
    const out: { v: Decimal; bound: boolean }[] = [];
    const push = (v: Decimal | null, bound: boolean) => {
      if (v && !v.eq(vars[vi].value) && !out.some((o) => o.v.eq(v))) out.push({ v, bound });
    };
    let equality = false;
    for (const ri of failing) if (rels[ri].r.op === 'eq' && rels[ri].vars.includes(vi)) {
      equality = true;
      push(solve(vi, ri, changes), false);
    }
    if (!equality) {
      for (const v of slipValues(vars[vi].value, vars[vi].decimals)) push(v, false);
      for (const ri of failing) if (rels[ri].vars.includes(vi)) push(solve(vi, ri, changes), true);
    }
    return out;
  };

  /**
   * The best values for a set of variables that together fix every failing relation: each is solved,
   * in turn, from a relation still failing that no other unsolved member of the set takes part in
   * (up to three values each), then the whole is checked.
   */
  const explainSet = (set: number[], failing: readonly number[]): Candidate | null => {
    let best: Candidate | null = null;
    const dfs = (changes: Map<number, Decimal>, bound: Set<number>, remaining: number[]) => {
      if (remaining.length === 0) {
        const c = candidate(new Map(changes), new Set(bound));
        if (c && (!best || better(c, best))) best = c;
        return;
      }
      for (const vi of remaining) {
        const others = remaining.filter((o) => o !== vi);
        const rs = failing.filter(
          (ri) => rels[ri].vars.includes(vi) && !others.some((o) => rels[ri].vars.includes(o)) && !holds(ri, residualWith(ri, changes)),
        );
        if (rs.length === 0) continue;
        for (const { v, bound: b } of valuesFor(vi, rs, changes).slice(0, 3)) {
          changes.set(vi, v);
          // Prune: a relation of vi that no unsolved member takes part in is final now, and must hold.
          const broken = vars[vi].rels.some(
            (ri) => !others.some((o) => rels[ri].vars.includes(o)) && !holds(ri, residualWith(ri, changes)),
          );
          if (broken) {
            changes.delete(vi);
            continue;
          }
          if (b) bound.add(vi);
          dfs(changes, bound, others);
          changes.delete(vi);
          bound.delete(vi);
        }
        return;
      }
    };
    dfs(new Map(), new Set(), set);
    return best;
  };

  const causes: Omit<Cause, 'id'>[] = [];
  /**
   * Failing relations a number stated once in the text explains on its own: the number is in no other
   * relation, and no other value of the relation can be changed to fit it without breaking one of its
   * own relations (the tables are right; the sentence is not). Used when a group has no explanation
   * by one to three values — e.g. the same wrong sentence on a page ten times over.
   */
  const peel = (failing: readonly number[]): Array<{ vi: number; ri: number; v: Decimal }> => {
    const out: Array<{ vi: number; ri: number; v: Decimal }> = [];
    for (const ri of failing) {
      const rel = rels[ri];
      if (rel.r.op !== 'eq') continue;
      const leaves = rel.vars.filter((vi) => vars[vi].rels.length === 1);
      if (leaves.length !== 1) continue;
      const others = rel.vars.filter((vi) => vi !== leaves[0]);
      const none = new Map<number, Decimal>();
      const fits = others.some((vi) => {
        const v = solve(vi, ri, none);
        return v !== null && verify(new Map([[vi, v]])) >= 0;
      });
      const v = solve(leaves[0], ri, none);
      if (!fits && v !== null) out.push({ vi: leaves[0], ri, v });
    }
    return out;
  };

  while (queue.length > 0) {
    const failing = queue.shift()!;
    const F = new Set(failing);
    const inGroup: number[] = [];
    const failingOf = new Map<number, Set<number>>();
    for (const ri of failing)
      for (const vi of rels[ri].vars) {
        let s = failingOf.get(vi);
        if (!s) {
          failingOf.set(vi, (s = new Set()));
          inGroup.push(vi);
        }
        s.add(ri);
      }
    const explainsOf = (vis: Iterable<number>): number[] => {
      const out = new Set<number>();
      for (const vi of vis)
        for (const ri of failingOf.get(vi) ?? []) {
          const f = rels[ri].r.finding;
          const i = f ? findingIndex.get(f) : undefined;
          if (i !== undefined) out.add(i);
        }
      return [...out].sort((a, b) => a - b);
    };
    const all = explainsOf(inGroup);

    // Singles: a variable in every failing relation of the group.
    let best: Candidate[] = [];
    const consider = (c: Candidate | null) => {
      if (!c) return;
      if (best.length === 0 || better(c, best[0])) best = [c];
      else if (!better(best[0], c)) best.push(c);
    };
    for (const vi of inGroup) {
      if (failingOf.get(vi)!.size !== F.size) continue;
      let own: Candidate | null = null;
      let bounded: Candidate | null = null;
      let slips = 0;
      for (const { v, bound } of valuesFor(vi, failing, new Map())) {
        const c = candidate(new Map([[vi, v]]), bound ? new Set([vi]) : new Set());
        if (!c) continue;
        if (bound) {
          if (!bounded) bounded = c;
          continue;
        }
        slips++;
        if (!own || better(c, own)) own = c;
      }
      // Bound only by one-sided relations: a slip names the value only when exactly one fits.
      const equality = failing.some((ri) => rels[ri].r.op === 'eq' && rels[ri].vars.includes(vi));
      if (!equality && slips !== 1) own = bounded;
      consider(own);
    }
    // Then pairs, then (in small groups) triples: sets of variables covering every failing relation.
    for (let k = 2; best.length === 0 && k <= 3; k++) {
      if (inGroup.length > (k === 2 ? maxPairVars : maxTripleVars)) break;
      const member = inGroup.map((vi) => failing.map((ri) => failingOf.get(vi)!.has(ri)));
      const covers = (idx: number[]) => failing.every((_, f) => idx.some((i) => member[i][f]));
      const sizes = inGroup.map((vi) => failingOf.get(vi)!.size);
      const visit = (idx: number[]) => consider(explainSet(idx.map((i) => inGroup[i]), failing));
      for (let i = 0; i < inGroup.length; i++)
        for (let j = i + 1; j < inGroup.length; j++) {
          if (k === 2) {
            if (sizes[i] + sizes[j] >= F.size && covers([i, j])) visit([i, j]);
            continue;
          }
          for (let l = j + 1; l < inGroup.length; l++)
            if (sizes[i] + sizes[j] + sizes[l] >= F.size && covers([i, j, l])) visit([i, j, l]);
        }
    }

    if (best.length === 0 || best.length > (best[0].changes.size === 1 ? maxAlternatives : maxSetAlternatives)) {
      const peeled = peel(failing);
      if (peeled.length > 0 && peeled.length < failing.length + 1) {
        const gone = new Set<number>();
        for (const { vi, ri, v } of peeled) {
          gone.add(ri);
          const c = candidate(new Map([[vi, v]]), new Set());
          if (!c) continue;
          causes.push({
            confidence: 'unique',
            alternatives: [[{ x: vars[vi].x, stated: vars[vi].value, suggested: v, decimals: vars[vi].decimals, pattern: c.patterns.get(vi) ?? null, bound: false, relations: 1 }]],
            explains: explainsOf([vi]),
          });
        }
        const rest = failing.filter((ri) => !gone.has(ri));
        if (rest.length > 0) queue.push(...componentsOf(rest));
        continue;
      }
      causes.push({ confidence: 'none', alternatives: [], explains: all });
      continue;
    }
    const toChanges = (c: Candidate): Change[] =>
      [...c.changes].map(([vi, nv]) => ({
        x: vars[vi].x,
        stated: vars[vi].value,
        suggested: nv,
        decimals: vars[vi].decimals,
        pattern: c.patterns.get(vi) ?? null,
        bound: c.bound.has(vi),
        relations: vars[vi].rels.length,
      }));
    if (best.length === 1) {
      // A unique explanation: one cause per changed value, each explaining its own comparisons.
      const [c] = best;
      for (const ch of toChanges(c)) {
        const vi = byKey.get(ch.x.kind === 'cell' ? ch.x.cell : textKey(ch.x))!;
        causes.push({ confidence: 'unique', alternatives: [[ch]], explains: explainsOf([vi]) });
      }
      continue;
    }
    causes.push({ confidence: 'ambiguous', alternatives: best.map(toChanges), explains: all });
  }

  const rank: Record<Confidence, number> = { unique: 0, ambiguous: 1, none: 2 };
  causes.sort((a, b) => rank[a.confidence] - rank[b.confidence] || (a.explains[0] ?? Infinity) - (b.explains[0] ?? Infinity));
  return causes.map((c, i) => ({ id: `C${i + 1}`, ...c }));
}

/** Values one typing slip away from v (for values bound only by one-sided relations). */
function slipValues(v: Decimal, decimals: number): Decimal[] {
  const out: Decimal[] = [];
  if (v.isNeg()) out.push(v.neg());
  for (const k of [10, 100, 1000, 10000]) out.push(v.div(k).toDecimalPlaces(decimals), v.times(k));
  const s = v.abs().toFixed(decimals);
  const neg = v.isNeg() ? '-' : '';
  const digits = s.replace('.', '');
  const at = s.indexOf('.');
  const withPoint = (d: string) => (at < 0 ? d : `${d.slice(0, d.length - decimals)}.${d.slice(d.length - decimals)}`);
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const sw = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    out.push(exact(neg + withPoint(sw)));
  }
  for (let i = 0; i < digits.length; i++) {
    const d = digits.slice(0, i) + digits.slice(i + 1);
    if (d.length > decimals) out.push(exact(neg + withPoint(d)));
  }
  return out.filter((x) => !x.eq(v));
}

/** Totals a variable is a part of, and its neighbouring cells' values (for the slip names). */
function patternContext(disclosure: Disclosure | null, vars: Var[], rels: Rel[]) {
  let grid: Map<string, ModelCell> | null = null;
  const cellAt = (t: string, row: number, col: number): ModelCell | undefined => {
    if (!grid) {
      grid = new Map();
      for (const tm of Object.values(disclosure?.tables ?? {}))
        for (const p of tm?.panels ?? []) for (const r of p.rows) for (const c of Object.values(r.cells)) grid.set(`${c.table}:${c.row}:${c.col}`, c);
    }
    return grid.get(`${t}:${row}:${col}`);
  };
  return (vi: number) => {
    const v = vars[vi];
    const totals: Decimal[] = [];
    for (const ri of v.rels) {
      const rel = rels[ri];
      const k = rel.vars.indexOf(vi);
      if (rel.r.terms.length < 3 || rel.r.terms[k]?.role !== 'part') continue;
      rel.r.terms.forEach((t, j) => {
        if (t.role === 'total' && j !== k) totals.push(valueOf(t.x));
      });
    }
    const neighbours: Decimal[] = [];
    if (v.x.kind === 'cell' && disclosure) {
      const c = v.x.cell;
      for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
        const n = cellAt(c.table, c.row + dr, c.col + dc);
        if (n && n.value.kind === 'number') neighbours.push(exact(n.value.value));
      }
    }
    return { totals, neighbours };
  };
}
