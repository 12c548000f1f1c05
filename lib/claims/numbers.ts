/**
 * Numbers in running Chinese text: "896.57万元", "占0.00 %", "1,293.60 万元", "38人", "2024年度".
 * Offsets are into the string given, so findings can point at the exact sentence.
 */
import Decimal from 'decimal.js';

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

const COUNT_UNITS = ['人次', '批次', '团组', '台（套）', '台(套)', '人', '件', '个', '辆', '项', '次', '期', '篇', '条', '台', '家', '名'];

// Digits may be full-width; thousands separators only between digit groups; spaces allowed before the unit.
const NUM_RE =
  /(?<![0-9０-９.．])([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．]([0-9０-９]+))?[ \u00a0\u3000]*(万元|亿元|元|万(?![0-9０-９])|%|％|年|人次|批次|团组|台（套）|台\(套\)|人|件|个|辆|项|次|期|篇|条|台|家|名)?/g;

/** Any full-width digit or thousands separator ([０-９,，]), by char code. */
function needsFold(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff10 && c <= 0xff19) || c === 0x2c || c === 0xff0c) return true;
  }
  return false;
}

function fold(s: string): string {
  if (!needsFold(s)) return s; // ASCII digits without separators: nothing to fold
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[,，]/g, '');
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
      v = new Decimal(this.digits);
      if (this.scale === 'div') v = v.div(10000);
      else if (this.scale === 'mul') v = v.mul(10000);
      this.v = v;
    }
    return v;
  }
}

/** Every number with a unit we understand. Bare numbers (no unit) and list markers ("1、") are not returned. */
export function findNumbers(text: string): Num[] {
  const out: Num[] = [];
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM_RE.exec(text))) {
    const unit = m[3];
    if (!unit) continue;
    const intPart = fold(m[1]);
    const frac = m[2] ? fold(m[2]) : '';
    const printed = frac.length;
    let scale: 'div' | 'mul' | null = null;
    let kind: NumKind;
    let decimals = printed;
    if (unit === '年') {
      // Only 4-digit years; "3年" (duration) is not a year.
      if (!/^(19|20)\d\d$/.test(intPart) || frac) continue;
      kind = 'year';
    } else if (unit === '%' || unit === '％') {
      kind = 'percent';
    } else if (unit === '万元' || unit === '万') {
      kind = 'amount';
    } else if (unit === '元') {
      kind = 'amount';
      scale = 'div';
      decimals = printed + 4;
    } else if (unit === '亿元') {
      kind = 'amount';
      scale = 'mul';
      decimals = Math.max(0, printed - 4);
    } else if (COUNT_UNITS.includes(unit)) {
      kind = 'count';
    } else continue;
    // "十五五" etc. never reach here; a trailing "年" after a 4-digit number inside 〔2019〕 is handled by N-15.
    const end = m.index + m[0].length;
    out.push(new FoundNum(kind, frac ? `${intPart}.${frac}` : intPart, scale, decimals, unit, m[0], m.index, end));
  }
  return out;
}

/** Half a unit in the last place: the printed value stands for value ± half. */
// Decimals are immutable, so one instance per precision is shared (hot in every rounding check).
const HALVES = new Map<number, Decimal>();
const UNITS = new Map<number, Decimal>();

export function half(decimals: number): Decimal {
  let v = HALVES.get(decimals);
  if (!v) HALVES.set(decimals, (v = new Decimal(5).div(new Decimal(10).pow(decimals + 1))));
  return v;
}

export function unitOf(decimals: number): Decimal {
  let v = UNITS.get(decimals);
  if (!v) UNITS.set(decimals, (v = new Decimal(1).div(new Decimal(10).pow(decimals))));
  return v;
}
