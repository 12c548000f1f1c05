import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-14';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

const COLS = ['total', 'personnel', 'office'];
function bt8(retire: string) {
  return yuan('BT8', COLS, [
    ['301', '工资福利支出', '2,540,192.00', '2,540,192.00', ''],
    ['30101', '基本工资', '2,540,192.00', '2,540,192.00', ''],
    ['302', '商品和服务支出', '259,400.00', '', '259,400.00'],
    ['30201', '办公费', '259,400.00', '', '259,400.00'],
    ['303', '对个人和家庭的补助', '1,303,660.00', '1,303,660.00', ''],
    ['30301', '离休费', '114,940.00', '114,940.00', ''],
    ['30302', '退休费', retire, retire, ''],
    ['', '合计', '4,103,252.00', '3,843,852.00', '259,400.00'],
  ]);
}

describe('B-14 BT8 adds up', () => {
  test('exact passes', () => {
    expect(run(rule, disclosure([bt8('1,188,720.00')])).findings).toEqual([]);
  });
  test('a 款 slip → its 类 fails in 合计 and 人员经费', () => {
    const t = bt8('1,188,270.00');
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual(
      ['total', 'personnel'].map((k) => expected('B-14', 'error', [[at(t, '303', k), 'total'], [at(t, '30301', k), 'part'], [at(t, '30302', k), 'part']])),
    );
  });
  test('one cent → notices', () => {
    expect(run(rule, disclosure([bt8('1,188,720.01')])).findings.map((f) => f.severity)).toEqual(['notice', 'notice']);
  });
  test('a row whose 合计 ≠ 人员 + 公用 → error; 人员经费合计 ≠ 301 + 303 → error', () => {
    const t = yuan('BT8', COLS, [
      ['301', '工资福利支出', '100.00', '90.00', ''],
      ['303', '对个人和家庭的补助', '50.00', '50.00', ''],
      ['', '合计', '150.00', '150.00', ''],
    ]);
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([
      expected('B-14', 'error', [[at(t, '301', 'total'), 'total'], [at(t, '301', 'personnel'), 'part'], [at(t, '301', 'office'), 'part']]),
      expected('B-14', 'error', [[at(t, '合计', 'personnel'), 'total'], [at(t, '301', 'personnel'), 'part'], [at(t, '303', 'personnel'), 'part']]),
    ]);
  });
});
