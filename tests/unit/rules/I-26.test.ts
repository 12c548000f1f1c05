import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-26';
import { brief, disclosure, run, tbl } from './build';
import { fundTable, T9 } from './samples';

const EXPLAIN_T7 = '说明：我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。';
const EXPLAIN_T8 = '说明：我单位没有使用国有资本经营预算安排的支出，故本表无数据。';

function withNotes(key: 'T7' | 'T8', notes: string[], o: Record<string, string> = {}) {
  const t = fundTable(key, o);
  t.notes = notes.map((text, i) => ({ kind: 'paragraph', index: 90_000 + i, text, el: null }));
  return t;
}

describe('I-26 empty T7/T8/T9 must be explained, naming the subject', () => {
  test('explanation in the table notes (below) passes', () => {
    const t7 = withNotes('T7', ['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。', EXPLAIN_T7]);
    expect(run(rule, disclosure([{ heading: '第二部分 部门决算表' }, t7])).findings).toEqual([]);
  });
  test('explanation above the table, in the same section, passes', () => {
    const t8 = fundTable('T8');
    expect(run(rule, disclosure([{ heading: '第二部分' }, '国有资本经营预算财政拨款支出决算表', EXPLAIN_T8, t8])).findings).toEqual([]);
  });
  test('no explanation → error referencing the table cells', () => {
    const t7 = withNotes('T7', ['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。']);
    const { findings } = run(rule, disclosure([{ heading: '第二部分' }, t7]));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['I-26', 'error']]);
    expect(findings[0].cells.length).toBe(6);
    expect(findings[0].cells.every((c) => c.role === 'value' && c.cell.table === 'T7')).toBe(true);
    expect(findings[0].message.zh).toContain('政府性基金');
  });
  test('another table\'s explanation does not count (T8 note does not explain T7)', () => {
    const t7 = fundTable('T7');
    const t8 = withNotes('T8', [EXPLAIN_T8]);
    const { findings } = run(rule, disclosure([{ heading: '第二部分' }, t7, t8]));
    expect(findings.map((f) => [f.severity, f.cells[0].cell.table])).toEqual([['error', 'T7']]);
  });
  test('explanation in another section (the narrative) does not count here', () => {
    const t7 = fundTable('T7');
    const { findings } = run(rule, disclosure([{ heading: '第二部分' }, t7, { heading: '第三部分' }, EXPLAIN_T7]));
    expect(findings.map((f) => f.severity)).toEqual(['error']);
  });
  test('a bare "本表无数据" that does not name the subject → warning', () => {
    const t9 = tbl('T9', { cols: ['actual.total'], rows: [['', '', '']] });
    t9.notes = [{ kind: 'paragraph', index: 90_100, text: '本表无数据。', el: null }];
    const { findings } = run(rule, disclosure([{ heading: '第二部分' }, t9]));
    expect(findings.map((f) => [f.rule, f.severity, f.quote])).toEqual([['I-26', 'warning', '本表无数据。']]);
  });
  test('a table with data whose note says it is empty → error with the sentence and the non-zero cells', () => {
    const t7 = withNotes('T7', [EXPLAIN_T7], { income: '12.00', total: '12.00', project: '12.00' });
    const { findings } = run(rule, disclosure([{ heading: '第二部分' }, t7]));
    expect(brief(findings).map((f) => [f.rule, f.severity, f.cells.length])).toEqual([['I-26', 'error', 3]]);
    expect(findings[0].quote).toBe(EXPLAIN_T7);
    expect(findings[0].spans[0].paragraph.text).toBe(EXPLAIN_T7);
  });
  test('T9 with data and no note passes; none of T7/T8/T9 → not applicable', () => {
    expect(run(rule, disclosure([T9()])).findings).toEqual([]);
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
