/**
 * Wording: every explanation is true of the numbers it shows. These cases once produced false ones —
 * "数字相同，单位写错" for two different numbers, "模板残留" for a missing % sign — and the UI strings
 * are one language at a time.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_RULES } from '../../lib/checks/registry';
import { runRules } from '../../lib/checks/runner';
import { disclosure, table } from './claims.builders';
import { ALL_KEYS, STRINGS, t } from '../../lib/i18n';
import { foldLabel } from '../../lib/report/order';

const tables = () => ({
  T1: table('T1', {
    income: [
      { name: '一、一般公共预算财政拨款收入', cells: { amount: '2,800.00' } },
      { name: '八、其他收入', cells: { amount: '200.00' } },
      { name: '本年收入合计', kind: 'total' as const, cells: { amount: '3,000.00' } },
      { name: '总计', kind: 'grand-total' as const, cells: { amount: '3,000.00' } },
    ],
  }),
});

const run = (lines: string[]) => runRules(disclosure(['二、收入决算情况说明', ...lines], tables(), 2023), CLAIM_RULES).findings;

describe('explanations true of their numbers', () => {
  it('a share printed without its % sign is said to lack the sign, not to be template residue', () => {
    const f = run(['本年收入合计3,000.00万元，其中：一般公共预算财政拨款收入2,800.00万元，占93.33；其他收入200.00万元，占6.67%。']);
    const msgs = f.map((x) => x.message.zh);
    expect(msgs.some((m) => m.includes('模板残留'))).toBe(false);
    const missing = f.find((x) => x.message.zh.includes('%'));
    expect(missing?.message.zh).toMatch(/占93\.33.*缺少百分号/);
    expect(missing?.message.en).toMatch(/93\.33.*% sign/);
  });

  it('a figure 10,000 times the table\'s is not called "the same number": two different numbers, the factor named', () => {
    const f = run(['本年收入合计0.30万元。']);
    const slip = f.find((x) => x.severity === 'error' && x.actual?.includes('0.30'));
    expect(slip, JSON.stringify(f.map((x) => x.message.zh))).toBeDefined();
    expect(slip!.message.zh).not.toContain('数字相同');
    expect(slip!.message.zh).toContain('相差一万倍');
    expect(slip!.message.en).toContain('10,000');
  });

  it('a plainly different figure gets no unit explanation at all', () => {
    const f = run(['本年收入合计2,900.00万元。']);
    const wrong = f.find((x) => x.severity === 'error' && x.actual?.includes('2,900.00'));
    expect(wrong).toBeDefined();
    expect(wrong!.message.zh).not.toMatch(/单位|万倍/);
  });
});

describe('one language at a time', () => {
  const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  it.each(ALL_KEYS)('%s: the English string has no Chinese, the Chinese one no English words', (key) => {
    const s = STRINGS[key];
    // The app's Chinese name may appear in English text only where it names the Chinese tables.
    if (key !== 'stateNoDisclosureHint') expect(s.en, s.en).not.toMatch(CJK);
    // Chinese strings: no English words (placeholders, JSON/CSV/Markdown and host examples aside).
    const zh = s.zh.replace(/\{\w+\}|\.[a-z]{2,4}\b|JSON|CSV|Markdown|PDF|Word|Excel|\*\.gov\.cn|www\.example\.org/g, '');
    expect(zh, s.zh).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('the folded-notices line: one language each, numbers as given', () => {
    const notice = { rule: 'I-01', severity: 'notice' as const, message: '合计（尾数差异：差 0.01）', expected: '1', actual: '1.01', cells: [], quote: null };
    const l = foldLabel([notice, notice]);
    expect(l.zh).toBe('2 处尾数差异');
    expect(l.en).not.toMatch(CJK);
    expect(t('zh', 'stated')).toBe('所列');
  });
});
