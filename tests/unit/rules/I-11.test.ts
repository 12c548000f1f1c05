import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-11';
import { disclosure, run, tbl } from './build';

describe('I-11 no identity between T2 and T3', () => {
  test('wildly different income and spending by function: never compared, no finding, outcome not-applicable with the reason', () => {
    const t2 = tbl('T2', { cols: ['total'], rows: [['', '合计', '100.00'], ['201', 'a', '100.00']] });
    const t3 = tbl('T3', { cols: ['total'], rows: [['', '合计', '900.00'], ['201', 'a', '900.00']] });
    const r = run(rule, disclosure([t2, t3]));
    expect(r.findings).toEqual([]);
    expect(r.outcome).toBe('not-applicable');
    expect(r.result?.detail).toContain('no identity');
  });
});
