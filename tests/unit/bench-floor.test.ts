/**
 * The benchmark's floors are what every speed ratio divides by: they must read exactly the cells'
 * text (no more, no less), or the ratios lie.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { cellAmounts, floorAllCells, floorFirstRows, floorWalkDom, countCells } from '../../bench/floor';

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

  it('the amounts reference parses every plain amount cell and nothing else', () => {
    const d = doc(`<html><body><p>1.00</p><table><tr><th>项目</th><th>2024</th></tr>
      <tr><td> 1,234.50 </td><td>-3</td><td>12.5万</td><td></td><td>1.2.3</td><td>0.00</td><td>,</td><td>-</td></tr></table></body></html>`);
    // 2024, 1,234.50, -3 and 0.00; not 项目, 12.5万, the empty cell, 1.2.3, "," or "-" or the paragraph.
    expect(cellAmounts(d)).toBe(4);
    const seed = doc(readFileSync(new URL('../fixtures/lukou-2024.html', import.meta.url), 'utf8'));
    expect(cellAmounts(seed)).toBeGreaterThan(400);
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

describe('bench: the longest page task from check start to marks on screen, from a trace', () => {
  const mark = (name: string, ts: number, ph = 'I') => ({ name, ts, ph, pid: 1, tid: 1 });
  const task = (ts: number, ms: number, tid = 1, name = 'ThreadControllerImpl::RunTask') => ({ name, ts, dur: ms * 1000, pid: 1, tid });

  it('takes tasks of the marking thread that overlap the window, whole, and nothing else', async () => {
    const { longestTaskDuringCheck } = await import('../../bench/extension');
    const events = [
      mark('dc:check:start', 1_000_000),
      mark('dc:check:end', 1_300_000),
      mark('dc:marks', 1_310_000, 'b'),
      mark('dc:marks', 1_320_000, 'e'),
      task(900_000, 90), // page load before the check: ends at 990 000, outside
      task(995_000, 30), // overlaps the start: counted whole
      task(1_100_000, 20),
      task(1_150_000, 70, 2), // another thread (compositor, workers)
      task(1_315_000, 25, 1, 'RunTask'), // the marks' task, older event name
      task(1_600_000, 95), // after the marks' frame (250 ms)
    ];
    expect(longestTaskDuringCheck(events)).toBe(30);
    expect(longestTaskDuringCheck(events.filter((e) => !(e.ts === 995_000)))).toBe(25);
    // The frame that restyles and paints the marks, within 250 ms of them.
    expect(longestTaskDuringCheck([...events, task(1_500_000, 60)])).toBe(60);
  });

  it('ends at the check when nothing was marked, and is undefined without a check or without tasks', async () => {
    const { longestTaskDuringCheck } = await import('../../bench/extension');
    const base = [mark('dc:check:start', 0), mark('dc:check:end', 100_000), task(50_000, 10), task(150_000, 40)];
    expect(longestTaskDuringCheck(base)).toBe(10);
    expect(longestTaskDuringCheck([task(0, 10)])).toBeUndefined();
    // Marks but no task event at all (renamed in a newer browser): unknown, never "0 ms".
    expect(longestTaskDuringCheck([mark('dc:check:start', 0), mark('dc:check:end', 100_000)])).toBeUndefined();
  });
});
