import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  compareEqual,
  compareSum,
  contains,
  divIntervals,
  formatAmount,
  intervalOf,
  parseAmount,
  parsePercent,
  checkPercent,
  type Amount,
} from '../../lib/money';

/** A printed amount: sign, up to 12 integer digits, 0–4 decimals. */
const printed = fc
  .record({
    neg: fc.boolean(),
    int: fc.bigInt({ min: BigInt(0), max: BigInt(999_999_999_999) }),
    decimals: fc.integer({ min: 0, max: 4 }),
    frac: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ neg, int, decimals, frac }) => {
    const f = decimals === 0 ? '' : `.${String(frac % 10 ** decimals).padStart(decimals, '0')}`;
    return { text: `${neg ? '-' : ''}${int}${f}`, decimals };
  });

/** The same number in the dress pages use: thousands separators, full width, parentheses, spaces. */
function dress(text: string, style: number): string {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [i, f] = body.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, style & 1 ? '，' : ',');
  let out = f === undefined ? grouped : `${grouped}.${f}`;
  if (style & 2) out = out.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  if (neg) out = style & 4 ? `（${out}）` : `－${out}`;
  return style & 8 ? `\u3000${out}\u00a0` : out;
}

const Fine = Decimal.clone({ precision: 50 });

const num = (a: Amount) => {
  if (a.kind !== 'number') throw new Error(`expected a number, got ${a.kind} for ${JSON.stringify(a.text)}`);
  return a;
};

describe('lib/money properties', () => {
  it('parseAmount never throws and always returns one of the three kinds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const a = parseAmount(s);
        expect(['number', 'empty', 'nan']).toContain(a.kind);
        expect(a.text).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseAmount never throws on number-like noise', () => {
    const chars = fc.constantFrom(...'0123456789.,-()（）－，．０９ \u3000—/%+e'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((xs) => xs.join('')), (s) => {
        const a = parseAmount(s, { precision: 2 });
        if (a.kind === 'number') expect(a.value.isFinite()).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a parsed number prints back equal (format(value, printedDecimals) re-parses to the same value)', () => {
    fc.assert(
      fc.property(printed, fc.integer({ min: 0, max: 15 }), ({ text, decimals }, style) => {
        const a = num(parseAmount(dress(text, style)));
        expect(a.value.eq(new Decimal(text))).toBe(true);
        expect(a.printedDecimals).toBe(decimals);
        const back = formatAmount(a.value, a.printedDecimals);
        expect(back).toBe(new Decimal(text).isZero() ? new Decimal(0).toFixed(decimals) : text);
        const again = num(parseAmount(back));
        expect(again.value.eq(a.value)).toBe(true);
        expect(again.printedDecimals).toBe(a.printedDecimals);
      }),
      { numRuns: 1000 },
    );
  });

  it('intervals contain their value and have width 10⁻ᵈ', () => {
    fc.assert(
      fc.property(printed, fc.integer({ min: 0, max: 4 }), ({ text }, precision) => {
        const a = num(parseAmount(text, { precision }));
        const i = intervalOf(a)!;
        expect(contains(i, a.value)).toBe(true);
        expect(i.hi.minus(i.lo).eq(new Decimal(10).pow(-a.decimals))).toBe(true);
        expect(a.decimals).toBe(Math.max(a.printedDecimals, precision));
      }),
      { numRuns: 500 },
    );
  });

  it('compareSum of exact parts passes', () => {
    fc.assert(
      fc.property(fc.array(printed, { minLength: 1, maxLength: 12 }), (parts) => {
        const d = Math.max(...parts.map((p) => p.decimals));
        const total = parts.reduce((s, p) => s.plus(p.text), new Decimal(0));
        const c = compareSum(
          parseAmount(formatAmount(total, d)),
          parts.map((p) => parseAmount(p.text)),
        );
        expect(c.verdict).toBe('pass');
      }),
      { numRuns: 500 },
    );
  });

  it('perturbing a total by more than the tolerance is an error; within it a notice', () => {
    fc.assert(
      fc.property(
        fc.array(printed, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (parts, extraUnits, down) => {
          const d = Math.max(...parts.map((p) => p.decimals));
          const amounts = parts.map((p) => parseAmount(p.text));
          const exact = parts.reduce((s, p) => s.plus(p.text), new Decimal(0));
          const probe = compareSum(parseAmount(formatAmount(exact, d)), amounts);
          if (probe.verdict === 'unreadable') throw new Error('unexpected');
          const unit = new Decimal(10).pow(-d);
          // Smallest printable perturbation strictly beyond the tolerance, then some more units.
          const beyond = probe.tolerance.div(unit).floor().plus(extraUnits).times(unit);
          const total = down ? exact.minus(beyond) : exact.plus(beyond);
          expect(compareSum(parseAmount(formatAmount(total, d)), amounts).verdict).toBe('error');
          // One unit off is within the tolerance (it is at least 2 half-units of d).
          const near = down ? exact.minus(unit) : exact.plus(unit);
          expect(compareSum(parseAmount(formatAmount(near, d)), amounts).verdict).toBe('notice');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('interval division contains every quotient of its operands', () => {
    const bound = fc.integer({ min: -100000, max: 100000 }).map((n) => new Decimal(n).div(100));
    const interval = fc.tuple(bound, bound).map(([x, y]) => (x.lte(y) ? { lo: x, hi: y } : { lo: y, hi: x }));
    fc.assert(
      fc.property(interval, interval, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, s, t) => {
        const q = divIntervals(a, b);
        if (b.lo.lte(0) && b.hi.gte(0)) {
          expect(q).toBeNull();
          return;
        }
        expect(q).not.toBeNull();
        // Points inside both operands (corners and a random interior point).
        const pick = (i: { lo: Decimal; hi: Decimal }, f: number) => i.lo.plus(i.hi.minus(i.lo).times(f.toFixed(6)));
        for (const [x, y] of [[a.lo, b.lo], [a.lo, b.hi], [a.hi, b.lo], [a.hi, b.hi], [pick(a, s), pick(b, t)]]) {
          // Quotient at 50 digits: finer than the 34-digit outward-rounded bounds.
          expect(contains(q!, new Fine(x).div(y))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('compareEqual is symmetric in its verdict', () => {
    fc.assert(
      fc.property(printed, printed, (a, b) => {
        const x = parseAmount(a.text);
        const y = parseAmount(b.text);
        expect(compareEqual(x, y).verdict).toBe(compareEqual(y, x).verdict);
      }),
      { numRuns: 500 },
    );
  });

  it('a percentage printed by rounding the exact ratio always passes', () => {
    fc.assert(
      fc.property(printed, printed, fc.integer({ min: 0, max: 3 }), (n, d, p) => {
        const den = parseAmount(d.text);
        const numr = parseAmount(n.text);
        if (den.kind !== 'number' || den.value.isZero()) return;
        const exact = num(numr).value.div(den.value).times(100);
        const stated = parsePercent(`${exact.toFixed(p, Decimal.ROUND_HALF_UP)}%`)!;
        expect(checkPercent(stated, numr, den).verdict).toBe('pass');
        const truncated = parsePercent(`${exact.toFixed(p, Decimal.ROUND_DOWN)}%`)!;
        expect(['pass', 'notice']).toContain(checkPercent(truncated, numr, den).verdict);
      }),
      { numRuns: 500 },
    );
  });
});
