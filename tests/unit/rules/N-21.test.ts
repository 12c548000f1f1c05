import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-21';
import { disclosure, outcome, run } from '../claims.builders';
import type { Disclosure, Section } from '../../../lib/model/types';

/** A disclosure of `dept` whose overview (一、机构设置) lists `units`, then the given sentences. */
function doc(dept: string | null, units: string, ...lines: string[]): Disclosure {
  const d = disclosure(['一、机构设置', units, ...lines]);
  d.info.department = dept;
  const heading = d.paragraphs[0];
  const section: Section = { id: 'P1/1', depth: 2, title: '一、机构设置', heading, paragraphs: [d.paragraphs[1]], children: [], start: heading.index, end: heading.index + 2 } as Section;
  d.sections = [section];
  return d;
}
const UNITS = '纳入本部门2024年度部门决算编制范围的单位包括：区财政局机关、区财政局国库支付中心。';

describe('N-21 the unit the text speaks of is the reporting one or one of its units', () => {
  it.each([
    ['the department itself', '上海市普陀区财政局2024年度收入、支出决算总计12,345.67万元。'],
    ['the department with 机关', '上海市普陀区财政局机关2024年度政府采购支出总额0万元。'],
    ['a unit the overview lists', '区财政局国库支付中心2024年度机关运行经费支出12.34万元。'],
    ['a numbered heading naming the department', '1.上海市普陀区财政局2024年度一般公共预算财政拨款支出1,000.00万元。'],
    ['another unit merely mentioned mid-sentence', '受理市委督查室交办事项106件，办结98件。'],
    ['another unit not followed by the year and a spending term', '上海市普陀区生态环境局负责全区生态环境保护工作。'],
  ])('passes: %s', (_, line) => {
    expect(run(rule, doc('上海市普陀区财政局', UNITS, line))).toEqual([]);
  });

  it.each([
    ['收支总计 of another bureau', '上海市普陀区生态环境局2024年度收入、支出决算总计4,733.14万元。', '上海市普陀区生态环境局'],
    ['机关运行经费 of another office', '中共株洲市渌口区委办公室2024年度机关运行经费支出298.44万元。', '中共株洲市渌口区委办公室'],
  ])('warns: %s', (_, line, name) => {
    const fs = run(rule, doc('上海市普陀区财政局', UNITS, line));
    expect(fs.map((f) => [f.rule, f.severity, f.quote, f.actual, f.expected])).toEqual([['N-21', 'warning', line, name, '上海市普陀区财政局']]);
  });

  it('not applicable without the department or without such a sentence', () => {
    expect(outcome(rule, doc(null, UNITS, '上海市普陀区生态环境局2024年度收入、支出决算总计4,733.14万元。'))).toBe('not-applicable');
    expect(outcome(rule, doc('上海市普陀区财政局', UNITS, '本年收入合计100万元。'))).toBe('not-applicable');
  });
});
