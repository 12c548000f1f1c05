/**
 * lib/localize on hand-built relations (issue 14): singles, pairs, ties, one-sided bounds, the
 * narrative-over-table preference, the cap, and the typing-slip names.
 */
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { exact, parseAmount } from '../../lib/money';
import { localize } from '../../lib/localize';
import { detectPattern } from '../../lib/localize/patterns';
import type { Operand, Relation, RelationTerm } from '../../lib/localize/relation';
import type { ModelCell } from '../../lib/model/types';
import type { Finding } from '../../lib/checks/types';
import type { ParagraphBlock } from '../../lib/extract/types';

let nextRow = 0;
function cell(text: string): ModelCell {
  const row = nextRow++;
  return {
    table: 'T3',
    row,
    col: 2,
    text,
    value: parseAmount(text, { precision: 2 }),
    source: { el: null, text, row, col: 2, rowSpan: 1, colSpan: 1, isHeader: false },
  };
}

const para: ParagraphBlock = { kind: 'paragraph', index: 0, text: '支出合计100.00万元。', el: null };
function stated(text: string, start = 4): Operand {
  const v = text.replace(/万元$/, '');
  return {
    kind: 'text',
    num: { paragraph: para, start, end: start + text.length, sentenceStart: 0, sentenceEnd: para.text.length, text, value: exact(v), decimals: 2, scale: exact(1) },
  };
}

const valueOf = (x: Operand): Decimal =>
  x.kind === 'text' ? x.num.value : x.cell.value.kind === 'number' ? x.cell.value.value : exact(0);

/** A relation with its verdict computed as the checker would (error beyond tolerance). */
function rel(op: 'eq' | 'le', terms: Array<[ModelCell | Operand, number, RelationTerm['role']?]>, tol = '0.015', findings?: Finding[]): Relation {
  const ts: RelationTerm[] = terms.map(([x, k, role]) => ({
    x: 'kind' in x && (x.kind === 'cell' || x.kind === 'text') && !('table' in x) ? (x as Operand) : { kind: 'cell', cell: x as ModelCell },
    coef: exact(k),
    role: role ?? (k > 0 ? 'total' : 'part'),
  }));
  const r = ts.reduce((s, t) => s.plus(t.coef.times(valueOf(t.x))), exact(0));
  const t = exact(tol);
  const ok = op === 'eq' ? r.abs().lte(t) : r.lte(t);
  const verdict = r.isZero() || (op === 'le' && r.lte(0)) ? 'pass' : ok ? 'notice' : 'error';
  const finding: Finding | null =
    verdict === 'pass' ? null : { rule: 'I-xx', severity: verdict === 'error' ? 'error' : 'notice', message: { zh: '', en: '' }, expected: null, actual: null, cells: [], spans: [], quote: null };
  if (finding && findings) findings.push(finding);
  return { rule: 'I-xx', op, terms: ts, tolerance: t, verdict, finding };
}

const named = (x: Operand) => (x.kind === 'cell' ? x.cell.text : x.num.text);

describe('localize', () => {
  it('one wrong cell in a row sum and a column sum: unique, with the value both relations give', () => {
    // total = a + b (row); a = a1 + a2 (column). a printed 1234.56 for 12534.56.
    const total = cell('13000.00');
    const a = cell('1234.56');
    const b = cell('465.44');
    const a1 = cell('12000.00');
    const a2 = cell('534.56');
    const findings: Finding[] = [];
    const rels = [rel('eq', [[total, 1], [a, -1], [b, -1]], '0.015', findings), rel('eq', [[a, 1], [a1, -1], [a2, -1]], '0.015', findings)];
    const causes = localize(rels, findings);
    expect(causes).toHaveLength(1);
    const [c] = causes;
    expect(c.confidence).toBe('unique');
    expect(c.alternatives).toHaveLength(1);
    const [ch] = c.alternatives[0];
    expect(named(ch.x)).toBe('1234.56');
    expect(ch.suggested.toFixed(2)).toBe('12534.56');
    expect(ch.pattern).toBe('dropped-digit');
    expect(c.explains).toEqual([0, 1]);
  });

  it('a fix that breaks a passing relation is no fix', () => {
    // total = a + b fails; b also equals c (passing): only a can change.
    const total = cell('100.00');
    const a = cell('50.00');
    const b = cell('40.00');
    const c = cell('40.00');
    const findings: Finding[] = [];
    const rels = [rel('eq', [[total, 1], [a, -1], [b, -1]], '0.015', findings), rel('eq', [[b, 1], [c, -1]], '0.01'), rel('eq', [[total, 1], [cell('100.00'), -1]], '0.01')];
    const [cause] = localize(rels, findings);
    expect(cause.confidence).toBe('unique');
    expect(named(cause.alternatives[0][0].x)).toBe('50.00');
    expect(cause.alternatives[0][0].suggested.toFixed(2)).toBe('60.00');
  });

  it('two cells in one equality only: ambiguous, both listed with their own values', () => {
    const a = cell('10.00');
    const b = cell('12.00');
    const findings: Finding[] = [];
    const causes = localize([rel('eq', [[a, 1, 'value'], [b, -1, 'value']], '0.01', findings)], findings);
    expect(causes).toHaveLength(1);
    expect(causes[0].confidence).toBe('ambiguous');
    expect(causes[0].alternatives.map((alt) => `${named(alt[0].x)}→${alt[0].suggested.toFixed(2)}`).sort()).toEqual(['10.00→12.00', '12.00→10.00']);
  });

  it('a stated number and a cell that fit equally: the stated number (tables are cross-checked)', () => {
    const c = cell('880.81');
    const n = stated('896.57万元');
    const findings: Finding[] = [];
    const [cause] = localize([rel('eq', [[n, 1, 'value'], [c, -1, 'value']], '0.01', findings)], findings);
    expect(cause.confidence).toBe('unique');
    expect(cause.alternatives[0][0].x.kind).toBe('text');
    expect(cause.alternatives[0][0].suggested.toFixed(2)).toBe('880.81');
  });

  it('two unrelated wrong cells: two causes', () => {
    const findings: Finding[] = [];
    const mk = (t: string, a: string, b: string, a1: string, a2: string) => {
      const [T, A, B, A1, A2] = [t, a, b, a1, a2].map(cell);
      return [rel('eq', [[T, 1], [A, -1], [B, -1]], '0.015', findings), rel('eq', [[A, 1], [A1, -1], [A2, -1]], '0.015', findings)];
    };
    const rels = [...mk('30.00', '25.00', '10.00', '10.00', '10.00'), ...mk('7.00', '9.00', '2.00', '3.00', '2.00')];
    const causes = localize(rels, findings);
    expect(causes.map((c) => [c.confidence, named(c.alternatives[0][0].x), c.alternatives[0][0].suggested.toFixed(2)])).toEqual([
      ['unique', '25.00', '20.00'],
      ['unique', '9.00', '5.00'],
    ]);
  });

  it('two wrong cells in one group: the pair, as two causes', () => {
    // total = a + b + c; a = a1 + a2; b = b1 + b2. a and b both wrong, total right.
    const [T, A, B, C, A1, A2, B1, B2] = ['60.00', '99.00', '77.00', '10.00', '15.00', '15.00', '10.00', '10.00'].map(cell);
    const findings: Finding[] = [];
    const rels = [
      rel('eq', [[T, 1], [A, -1], [B, -1], [C, -1]], '0.025', findings),
      rel('eq', [[A, 1], [A1, -1], [A2, -1]], '0.015', findings),
      rel('eq', [[B, 1], [B1, -1], [B2, -1]], '0.015', findings),
      rel('eq', [[T, 1], [cell('60.00'), -1]], '0.01'),
    ];
    const causes = localize(rels, findings);
    expect(causes.map((c) => [c.confidence, named(c.alternatives[0][0].x), c.alternatives[0][0].suggested.toFixed(2)])).toEqual([
      ['unique', '99.00', '30.00'],
      ['unique', '77.00', '20.00'],
    ]);
  });

  it('only one-sided relations and several slips fit: the bound, "应不超过"', () => {
    const part = cell('35.00');
    const whole = cell('5.30');
    const findings: Finding[] = [];
    const rels = [rel('le', [[part, 1, 'part'], [whole, -1, 'total']], '0.01', findings), rel('eq', [[whole, 1], [cell('5.30'), -1]], '0.01')];
    const [cause] = localize(rels, findings);
    const ch = cause.alternatives[0][0];
    expect([cause.confidence, named(ch.x), ch.bound, ch.suggested.toFixed(2), ch.pattern]).toEqual(['unique', '35.00', true, '5.30', null]);
  });

  it('too many equal explanations: none, rather than a guess', () => {
    const parts = Array.from({ length: 10 }, () => cell('1.00'));
    const findings: Finding[] = [];
    const rels = [rel('eq', [[cell('20.00'), 1], ...parts.map((p) => [p, -1] as [ModelCell, number])], '0.055', findings)];
    rels.push(rel('eq', [[rels[0].terms[0].x as Operand, 1], [cell('20.00'), -1]], '0.01'));
    const causes = localize(rels, findings, null, { maxAlternatives: 6 });
    expect(causes).toHaveLength(1);
    expect(causes[0].confidence).toBe('none');
    expect(causes[0].explains).toEqual([0]);
  });

  it('nothing failing: no causes', () => {
    expect(localize([rel('eq', [[cell('1.00'), 1], [cell('1.00'), -1]])], [])).toEqual([]);
  });
});

describe('detectPattern', () => {
  const d = (s: string) => new Decimal(s);
  it.each([
    ['1234.56', '12534.56', 'dropped-digit'],
    ['125344.56', '12534.56', 'extra-digit'],
    ['12354.56', '12534.56', 'swapped-digits'],
    ['1253.46', '12534.60', 'decimal-shift'],
    ['125345600.00', '12534.56', 'unit-10000'],
    ['-12534.56', '12534.56', 'sign'],
    ['12000.00', '12534.56', null],
  ])('%s for %s → %s', (stated, suggested, pattern) => {
    expect(detectPattern(d(stated), d(suggested), 2)).toBe(pattern);
  });
  it('a part equal to its own total, a value equal to its neighbour', () => {
    expect(detectPattern(d('300.00'), d('20.00'), 2, { totals: [d('300.00')] })).toBe('repeated-total');
    expect(detectPattern(d('45.10'), d('20.00'), 2, { neighbours: [d('45.10')] })).toBe('copied-neighbour');
  });
});
