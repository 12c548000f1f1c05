/**
 * The benchmark's floors are what every speed ratio divides by: they must read exactly the cells'
 * text (no more, no less), or the ratios lie.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { floorAllCells, floorFirstRows, floorWalkDom, countCells } from '../../bench/floor';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('bench floors', () => {
  it('both full floors read every cell of the seed page once: the same characters as the cells hold', () => {
    const d = doc(readFileSync(new URL('../fixtures/lukou-2024.html', import.meta.url), 'utf8'));
    let chars = 0;
    for (const c of d.querySelectorAll('td,th')) chars += (c.textContent ?? '').length;
    expect(countCells(d)).toBe(1225);
    expect(floorAllCells(d)).toBe(chars);
    expect(floorWalkDom(d)).toBe(chars);
  });

  it('reads rows inside thead/tbody/tfoot, not nested tables twice, and only the first k rows when asked', () => {
    const d = doc(`<html><body><p>narrative is not read</p>
      <table><thead><tr><th>ab</th></tr></thead><tbody><tr><td>cde</td></tr><tr><td>f</td></tr></tbody>
      <tfoot><tr><td>gh</td></tr></tfoot></table>
      <table><tr><td>xy<table><tr><td>z</td></tr></table></td></tr></table></body></html>`);
    // Outer cells: ab, cde, f, gh; second table's cell "xyz" (its textContent includes the nested "z");
    // the nested table's own cell "z" is read once more as a table of its own by the table floor.
    expect(floorAllCells(d)).toBe(2 + 3 + 1 + 2 + 3 + 1);
    // The DOM walk does not descend into a cell, so the nested cell is only read as part of "xyz".
    expect(floorWalkDom(d)).toBe(2 + 3 + 1 + 2 + 3);
    expect(floorFirstRows(d, 2)).toBe(2 + 3 + 3 + 1);
  });
});

describe('bench: extension script evaluation from a trace', () => {
  it('sums EvaluateScript per extension script, and nothing from the page or other extensions’ files', async () => {
    const { scriptTimes } = await import('../../bench/extension');
    const ext = 'chrome-extension://abc';
    const times = scriptTimes([
      { name: 'EvaluateScript', dur: 12_000, args: { data: { url: `${ext}/content-scripts/content.js` } } },
      { name: 'EvaluateScript', dur: 3_000, args: { data: { url: `${ext}/content-scripts/content.js` } } },
      { name: 'EvaluateScript', dur: 20_000, args: { data: { url: `${ext}/checker.js` } } },
      { name: 'EvaluateScript', dur: 50_000, args: { data: { url: 'http://www.lukou.gov.cn/checker.js' } } },
      { name: 'EvaluateScript', dur: 7_000, args: { data: { url: `${ext}/popup.js` } } },
      { name: 'FunctionCall', dur: 9_000, args: { data: { url: `${ext}/checker.js` } } },
    ]);
    expect(times).toEqual({ 'script:content.js': 15, 'script:checker.js': 20 });
  });
});
