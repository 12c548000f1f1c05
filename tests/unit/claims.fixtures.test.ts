/**
 * The two real pages: the Hunan seed (real narrative errors) and the Shanghai page (only rounding
 * differences: no narrative error may be raised).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../lib/index';
import { CLAIM_RULES } from '../../lib/checks/registry';
import { analyse, numKey } from '../../lib/claims/index';

function check(file: string) {
  const { document } = parseHTML(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
  return checkDocument(document as unknown as Document, { rules: CLAIM_RULES });
}

describe('lukou-2024 (seed)', () => {
  const run = check('lukou-2024.html');
  const errors = run.findings.filter((f) => f.severity !== 'notice');

  it('finds the real inconsistencies of the narrative, and only those', () => {
    expect(errors.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      // 五（三）: the 支出决算数 of 一般公共预算财政拨款 is the T5 total 880.81, not 896.57 (the all-funds total)
      ['N-07', 'error', '880.81', '896.57万元'],
      // 绩效自评 attachment, under "一般公共预算支出 / 基本支出": "全年支出896.56万元，全部为基本支出" but
      // the general-budget basic spending is 880.80 (T6 人员 + 公用); its 商品和服务支出 includes the 15.76 of 其他收入
      ['N-08', 'error', '880.80', '896.56万元'],
      ['N-08', 'error', '298.44', '314.20万元'],
      // 机关运行经费 298.44 is 302 only; the public-cost total of T6 is 298.68 (warning only)
      ['N-11', 'warning', '298.68', '298.44万元'],
      // (N-14 stays silent on both: 880.81 / 896.57 and 880.80 / 896.56 are table concepts, so N-07 and
      // N-08 above blame only the wrong sentence and the correct earlier one is not marked.)
      // "2023年度政府采购" in a 2024 report
      ['N-15', 'warning', '2024', '2023'],
      // 实有38人 but 公务员24 + 事业编10 + 工勤3 = 37
      ['N-16', 'error', '37人', '38人'],
      // 办结率 92.56% but 98 / 106 = 92.45%
      ['N-16', 'error', '92.45%', '92.56%'],
    ]);
  });

  it('every finding quotes its sentence exactly and points at it', () => {
    for (const f of run.findings) {
      expect(f.quote).toBeTruthy();
      const s = f.spans[0];
      expect(s.paragraph.text.slice(s.start, s.end)).toBe(f.quote);
    }
    const n07 = errors.find((f) => f.rule === 'N-07')!;
    expect(n07.quote).toBe('2024年度财政拨款支出年初预算数为757.07万元，支出决算数为896.57万元，完成年初预算的118.42%，其中：');
    expect(n07.cells.map((c) => [c.cell.table, c.cell.text, c.role])).toEqual([['T5', '880.81', 'value']]);
    const staff = errors.find((f) => f.rule === 'N-16' && f.actual === '38人')!;
    expect(staff.message.zh).toMatch(/41人，各类之和 40人/);
    expect(staff.spans.length).toBe(4);
  });

  it('every correct share, growth and completion rate passes (no finding on them)', () => {
    // No finding states any of these printed rates as its "actual".
    const actuals = run.findings.map((f) => (f.actual ?? '').replace(/\s+/g, ''));
    // 896.57 ÷ 757.07 = 118.4257…% prints 118.43: the stated 118.42 is a rounding notice, nothing worse.
    expect(run.findings.filter((f) => f.actual === '118.42%').map((f) => [f.rule, f.severity, f.expected])).toEqual([['N-07', 'notice', '118.43%']]);
    for (const p of ['1.18%', '98.24%', '1.76%', '100.00%', '0.6%', '84.28%', '9.99%', '5.73%', '117.68%', '100%', '103.98%', '66.09%', '33.91%', '81.22%', '1477.08%', '66.10%', '118.43%', '87%', '20%']) {
      expect(actuals).not.toContain(p);
    }
    expect(run.findings.filter((f) => f.rule === 'N-13')).toEqual([]);
  });

  it('counts claims; most numbers of 情况说明 一…九 are reconciled', () => {
    expect(run.claims).not.toBeNull();
    const { found, reconciled, skipped } = run.claims!;
    expect(found).toBe(reconciled + skipped);
    expect(reconciled).toBeGreaterThan(skipped);
    const a = analyse(run.disclosure);
    const part3 = a.sentences.filter((s) => /第三部分/.test(s.headings[0] ?? '') && /^[一二三四五六七八九]、/.test(s.headings[1] ?? ''));
    const keys = part3.flatMap((s) => s.nums.map((n) => numKey(s.paragraph, n)));
    const done = keys.filter((k) => a.reconciled.has(k));
    expect(keys.length).toBeGreaterThan(80);
    expect(done.length / keys.length).toBeGreaterThan(0.9);
  });
});

describe('putuo-2025 (Shanghai)', () => {
  const run = check('putuo-2025.html');

  it('raises no narrative error or warning', () => {
    expect(run.findings.filter((f) => f.severity !== 'notice').map((f) => [f.rule, f.message.zh])).toEqual([]);
  });

  it('reconciles most of its numbers', () => {
    const { found, reconciled } = run.claims!;
    expect(reconciled / found).toBeGreaterThan(0.8);
  });

  it('rounding-level differences are notices with a reason', () => {
    const n11 = run.findings.find((f) => f.rule === 'N-11');
    expect(n11).toMatchObject({ severity: 'notice', expected: '2.59%', actual: '2.60%' });
  });
});

describe('never crashes', () => {
  it('runs every claim rule on arbitrary narrative without an internal error', async () => {
    const fc = await import('fast-check');
    const { disclosure, T1, T3, T5, T6, T9 } = await import('./claims.builders');
    const { runRules } = await import('../../lib/checks/runner');
    const words = ['一、收入支出决算总体情况说明', '（三）一般公共预算财政拨款支出决算具体情况', '七、“三公”经费', '（3）人员情况', '其中：', '占', '增加', '减少', '增长', '下降', '完成预算的', '年初预算为', '支出决算为', '与上年相比', '持平', '决算数大于预算数', '办结率', '0', '896.57', '10.42', '0.00', '100', '万元', '元', '%', '人', '件', '辆', '，', '；', '。', '（', '）', '2023年度', '202 年度', '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((a) => a.join('')), { maxLength: 12 }), (lines) => {
        const d = disclosure(lines, { T1: T1(), T3: T3(), T5: T5(), T6: T6(), T9: T9() });
        const r = runRules(d, CLAIM_RULES);
        expect(r.rules.filter((x) => x.outcome === 'internal-error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a disclosure printed in 元 (variant of the seed)', () => {
  const run = check('variants/yuan.html');

  it('states a sum of 元 cells in 元, as the table prints them, not as the 万元 it is compared in', () => {
    const basic = run.findings.find((f) => f.rule === 'N-08' && f.actual === '8,965,600.00元');
    expect(basic?.severity).toBe('error');
    // 人员经费合计 5,821,200.00 + 公用经费合计 2,986,800.00
    expect(basic?.expected).toBe('8808000.00元');
    expect(basic?.message.zh).toContain('人员经费合计＋公用经费合计 8808000.00元 不一致');
    expect(basic?.cells.map((c) => c.cell.text)).toEqual(['5,821,200.00', '2,986,800.00']);
  });
});
