import { describe, expect, it } from 'vitest';
import { Timings } from '../../lib/ext/timings';

/** A performance timeline of its own (the page's is shared with the content script). */
function timeline() {
  let t = 100;
  const entries: { name: string; startTime: number }[] = [];
  const perf = {
    now: () => t,
    mark: (name: string, o?: { startTime?: number }) => void entries.push({ name, startTime: o?.startTime ?? t }),
    measure: (name: string, a: unknown) => {
      if (typeof a === 'string' && !entries.some((e) => e.name === a)) throw new SyntaxError(`no mark ${a}`);
      entries.push({ name, startTime: t });
    },
    getEntriesByName: (name: string) => entries.filter((e) => e.name === name),
  };
  return { perf: perf as unknown as Performance, entries, advance: (ms: number) => (t += ms) };
}

describe('Timings (content script performance marks)', () => {
  it('records nothing while off (what ships)', () => {
    const { perf, entries } = timeline();
    const tm = new Timings(perf);
    tm.enable(false);
    tm.mark('dc:check:start');
    tm.measure('dc:detect', 100, 5);
    tm.measure('dc:check', 'dc:check:start', 'dc:check:end');
    tm.measureOnce('dc:settle', 'dc:start');
    expect(entries).toEqual([]);
  });

  it('on: dc:start back-dated to the script start, marks and measures recorded, dc:settle once', () => {
    const { perf, entries, advance } = timeline();
    const tm = new Timings(perf);
    advance(40);
    tm.enable(true);
    expect(entries).toEqual([{ name: 'dc:start', startTime: 100 }]);
    tm.measureOnce('dc:settle', 'dc:start');
    tm.measureOnce('dc:settle', 'dc:start');
    tm.mark('dc:check:start');
    expect(entries.map((e) => e.name)).toEqual(['dc:start', 'dc:settle', 'dc:check:start']);
  });

  it('a measure whose start mark was made while off is skipped, not thrown', () => {
    const { perf, entries } = timeline();
    const tm = new Timings(perf);
    tm.mark('dc:load:start'); // off: not recorded
    tm.enable(true);
    expect(() => tm.measure('dc:load', 'dc:load:start')).not.toThrow();
    expect(entries.map((e) => e.name)).toEqual(['dc:start']);
  });
});
