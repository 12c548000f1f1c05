import { describe, expect, it } from 'vitest';
import { memoByText } from '../../lib/memo';

describe('memoByText', () => {
  it('computes each text once and returns the same result, null included', () => {
    const calls: string[] = [];
    const f = memoByText((s) => {
      calls.push(s);
      return s === 'none' ? null : { len: s.length };
    });
    const a = f('合计');
    expect(f('合计')).toBe(a);
    expect(a).toEqual({ len: 2 });
    expect(f('none')).toBeNull();
    expect(f('none')).toBeNull();
    expect(calls).toEqual(['合计', 'none']);
  });

  it('forgets everything once the limit is reached, so it never holds more than `limit` texts', () => {
    let calls = 0;
    const f = memoByText((s) => {
      calls++;
      return s.toUpperCase();
    }, 3);
    for (const s of ['a', 'b', 'c']) f(s);
    expect(calls).toBe(3);
    f('a');
    expect(calls).toBe(3); // still remembered
    f('d'); // the 4th text: the cache starts over with it
    expect(calls).toBe(4);
    f('a');
    expect(calls).toBe(5); // forgotten
    expect(f('d')).toBe('D');
    expect(calls).toBe(5);
  });
});
