/**
 * A small integer written in ASCII digits (a year, a count, a line number) → number; NaN otherwise.
 * Never for amounts: money text goes through lib/money parseAmount (decimal.js). Dependency-free, so
 * the content script's detector may use it without pulling in decimal.js.
 */
export function toInt(digits: string): number {
  // eslint-disable-next-line no-restricted-syntax -- the one sanctioned integer parse
  return /^[+-]?\d{1,15}$/.test(digits.trim()) ? Number(digits) : NaN;
}
