import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-18';
import { at, brief, disclosure, expected, run, tbl } from './build';

describe('I-18 T5 each row: 合计 = 基本 + 项目', () => {
  test.each([
    ['exact', '3,742.46', null],
    ['rounding-only (putuo 211) → notice', '3,742.47', 'notice'],
    ['error', '3,752.47', 'error'],
  ])('%s', (_n, total, severity) => {
    const t = tbl('T5', { cols: ['total', 'basic', 'project'], rows: [['211', '节能环保支出', total as string, '2,385.48', '1,356.98']] });
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-18', severity as string, [[at(t, '211', 'total'), 'total'], [at(t, '211', 'basic'), 'part'], [at(t, '211', 'project'), 'part']]),
    ]);
    if (severity === 'notice') expect(findings[0].message.zh).toContain('尾数差异：差 0.01，容差 0.015');
  });
});
