/**
 * Numbers in running Chinese text: "896.57万元", "占0.00 %", "1,293.60 万元", "38人", "2024年度".
 * Offsets are into the string given, so findings can point at the exact sentence.
 */
import Decimal from 'decimal.js';
import { memoByText } from '../memo';

export type NumKind = 'amount' | 'percent' | 'count' | 'year';

export interface Num {
  kind: NumKind;
  /** Amounts in 万元 (元 and 亿元 converted exactly); percents as printed (87 for "87%"); counts; years. */
  value: Decimal;
  /** Decimals the value stands for, in its own unit after conversion (元 → +4 in 万元). */
  decimals: number;
  /** Unit word as printed ("万元", "%", "人", "件", "年" …). */
  unit: string;
  /** Exact text of the number and unit as on the page. */
  text: string;
  start: number;
  end: number;
}

/** Digit value of an ASCII or full-width digit code, else -1. */
function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
/** [.．] */
const isDot = (c: number): boolean => c === 0x2e || c === 0xff0e;
/** [,，] between digit groups. */
const isComma = (c: number): boolean => c === 0x2c || c === 0xff0c;
/** Spaces allowed between a number and its unit: [ \u00a0\u3000]. */
const isGap = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x3000;

/** Three digits at i. */
function digits3(text: string, i: number): boolean {
  return i + 3 <= text.length && isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2));
}

/** The next digit at or after lastIndex (a native scan; test() on a global regex returns no match array). */
const DIGIT = /[0-9０-９]/g;

/**
 * Unit words in the order the former pattern tried them (万元 before 万, 台（套） before 台), keyed by
 * first char code. Each entry: the word, its kind, 元/亿元 scaling.
 */
type UnitDef = readonly [word: string, kind: NumKind, scale: 'div' | 'mul' | null];
const UNIT_DEFS: UnitDef[] = [
  ['万元', 'amount', null],
  ['亿元', 'amount', 'mul'],
  ['元', 'amount', 'div'],
  ['万', 'amount', null],
  ['%', 'percent', null],
  ['％', 'percent', null],
  ['年', 'year', null],
  ['人次', 'count', null],
  ['批次', 'count', null],
  ['团组', 'count', null],
  ['台（套）', 'count', null],
  ['台(套)', 'count', null],
  ['人', 'count', null],
  ['件', 'count', null],
  ['个', 'count', null],
  ['辆', 'count', null],
  ['项', 'count', null],
  ['次', 'count', null],
  ['期', 'count', null],
  ['篇', 'count', null],
  ['条', 'count', null],
  ['台', 'count', null],
  ['家', 'count', null],
  ['名', 'count', null],
];
const UNITS_BY_CHAR = new Map<number, UnitDef[]>();
for (const u of UNIT_DEFS) {
  const c = u[0].charCodeAt(0);
  const list = UNITS_BY_CHAR.get(c);
  if (list) list.push(u);
  else UNITS_BY_CHAR.set(c, [u]);
}

/** The unit word starting at i, or null. A bare 万 followed by a digit is not a unit (万 of 1万2千). */
function unitAt(text: string, i: number): UnitDef | null {
  const list = UNITS_BY_CHAR.get(text.charCodeAt(i));
  if (!list) return null;
  for (const u of list) {
    const w = u[0];
    if (w.length > 1 && !text.startsWith(w, i)) continue;
    if (w === '万' && i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) continue;
    return u;
  }
  return null;
}

/**
 * The number's digits as ASCII ("1293.60"): thousands separators dropped, full-width digits and point
 * folded. Plain ASCII (the usual case) is one slice.
 */
function digitsOf(text: string, start: number, intEnd: number, numEnd: number): string {
  let plain = true;
  for (let i = start; i < numEnd; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && !(i === intEnd && c === 0x2e)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, numEnd);
  let out = '';
  for (let i = start; i < numEnd; i++) {
    const d = digitOf(text.charCodeAt(i));
    if (d >= 0) out += String.fromCharCode(48 + d);
    else if (i === intEnd) out += '.';
  }
  return out;
}

/**
 * A found number whose Decimal is made on first use: a page states a few hundred numbers and many
 * are never compared (skipped claims, years), and parsing was a tenth of the analysis.
 */
// Fields are declared and assigned in the constructor (no class-field initialisers: bundlers lower
// those to Object.defineProperty calls, which were slower than the parse they save).
class FoundNum implements Num {
  declare readonly kind: NumKind;
  declare readonly decimals: number;
  declare readonly unit: string;
  declare readonly text: string;
  declare readonly start: number;
  declare readonly end: number;
  /** Digits as printed, folded to ASCII ("1293.60"). */
  declare private readonly digits: string;
  /** 元 → ÷10000, 亿元 → ×10000, else as printed. */
  declare private readonly scale: 'div' | 'mul' | null;
  declare private v: Decimal | undefined;

  constructor(kind: NumKind, digits: string, scale: 'div' | 'mul' | null, decimals: number, unit: string, text: string, start: number, end: number) {
    this.kind = kind;
    this.decimals = decimals;
    this.unit = unit;
    this.text = text;
    this.start = start;
    this.end = end;
    this.digits = digits;
    this.scale = scale;
    this.v = undefined;
  }

  get value(): Decimal {
    let v = this.v;
    if (v === undefined) {
      v = this.scale === 'div' ? fromYuan(this.digits) : this.scale === 'mul' ? fromYi(this.digits) : decimalOf(this.digits);
      this.v = v;
    }
    return v;
  }
}

// Decimals are immutable: one per printed digit string, shared (parsing was a tenth of the checks).
const decimalOf = memoByText((digits) => new Decimal(digits));
const fromYuan = memoByText((digits) => new Decimal(digits).div(10000));
const fromYi = memoByText((digits) => new Decimal(digits).mul(10000));

/**
 * Every number with a unit we understand. Bare numbers (no unit) and list markers ("1、") are not returned.
 * A hand-written scanner (a native search for the next digit, then char codes): the former regex with
 * a lookbehind was the costliest line of the analysis. Same matches as
 * /(?<![0-9０-９.．])([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．]([0-9０-９]+))?[ \u00a0\u3000]*(unit)?/g
 * (the unit test compares both on random text). `years: false` leaves years out (claims never use them).
 */
export function findNumbers(text: string, years = true): Num[] {
  const out: Num[] = [];
  const n = text.length;
  const re = DIGIT;
  re.lastIndex = 0;
  while (re.test(text)) {
    const start = re.lastIndex - 1;
    // A digit right after a digit or a decimal point is inside another number.
    if (start > 0) {
      const p = text.charCodeAt(start - 1);
      if (isDigit(p) || isDot(p)) continue;
    }
    let i = start + 1;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    // Thousands groups: at most 3 leading digits, then [,，] and exactly three digits, repeated.
    if (i - start <= 3) {
      while (i < n && isComma(text.charCodeAt(i)) && digits3(text, i + 1)) i += 4;
    }
    const intEnd = i;
    let fracStart = -1;
    if (i + 1 < n && isDot(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
      fracStart = i + 1;
      i += 2;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const numEnd = i;
    while (i < n && isGap(text.charCodeAt(i))) i++;
    const u = i < n ? unitAt(text, i) : null;
    re.lastIndex = u ? i + u[0].length : i;
    if (!u) continue;
    const [unit, kind, scale] = u;
    // Only 4-digit years; "3年" (duration) is not a year.
    if (kind === 'year' && (!years || fracStart >= 0 || !isYear(text, start, intEnd))) continue;
    const end = i + unit.length;
    const printed = fracStart < 0 ? 0 : numEnd - fracStart;
    const decimals = scale === 'div' ? printed + 4 : scale === 'mul' ? Math.max(0, printed - 4) : printed;
    out.push(new FoundNum(kind, digitsOf(text, start, intEnd, numEnd), scale, decimals, unit, text.slice(start, end), start, end));
  }
  return out;
}

/** /^(19|20)\d\d$/ on the integer digits text[start, end) folded ("1,999" is 1999, as before). */
function isYear(text: string, start: number, end: number): boolean {
  const s = digitsOf(text, start, end, end);
  return s.length === 4 && (s.startsWith('19') || s.startsWith('20'));
}

/**
 * Half a unit in the last place (a printed value stands for value ± half) and one unit: lib/money's
 * shared exact constants, the same ½·10⁻ᵈ the table rules use (claims kept a second cache before).
 * Their Decimal constructor has more precision; sums of these constants are exact either way.
 */
export { halfUnit as half, unit as unitOf } from '../money';
