import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-20';
import { brief, disclosure, run } from './build';
import { yuan } from './budget-build';

// A document with text (a tables-only document has nowhere to explain an empty table: I-26 skips it).
const TEXT = { heading: '五、部门预算表' };
const empty = (notes: string[] = []) => yuan('BT6', ['total', 'basic', 'project'], [['', '合计', '', '', '']], { notes });

describe('B-20 empty BT6/BT7/BT9 explained; "空表" above data is an error', () => {
  test('the published note passes', () => {
    const { findings, outcome } = run(rule, disclosure([TEXT, empty(['注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。'])]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });
  test('no note → error on the table', () => {
    const t = empty();
    const { findings } = run(rule, disclosure([TEXT, t]));
    expect(brief(findings).map((f) => [f.rule, f.severity])).toEqual([['B-20', 'error']]);
    expect(findings[0].message.zh).toContain('政府性基金');
  });
  test('a note that names no fund → warning', () => {
    expect(run(rule, disclosure([TEXT, empty(['注：本表为空表。'])])).findings.map((f) => f.severity)).toEqual(['warning']);
  });
  test('data under a "本表为空表" note → error', () => {
    const t = yuan('BT7', ['total', 'basic', 'project'], [['', '合计', '5.00', '5.00', '']], { notes: ['注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。'] });
    expect(run(rule, disclosure([TEXT, t])).findings.map((f) => [f.rule, f.severity])).toEqual([['B-20', 'error']]);
  });
  test('none of BT6 BT7 BT9 → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
