/**
 * B-N16 across two open tabs (issue 19): the background's record of budget tabs (which unit tab is
 * paired with which department tab, and whom to tell when one comes or goes), the messages that
 * carry the profiles, and the unit page's run gaining the findings (cells, sentence, basis, words).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../../lib/index';
import { budgetProfile, type BudgetProfile } from '../../lib/checks/B-N16';
import { HEAD_LABEL } from '../../lib/claims/budget';
import { withPair } from '../../lib/ext/budget-pair';
import { BudgetTabs, type TabBudget } from '../../lib/ext/budget-tabs';
import { HEAD_KEYS, ToBackgroundSchema, ToContentSchema } from '../../lib/ext/messages';
import { mainLine, valueLines } from '../../lib/report/words';
import type { CheckRun } from '../../lib/run';
import { budgetDoc, yuan } from './rules/budget-build';
import { asUnit, DEPT_BUDGET_HTML as DEPT_HTML, overBudget } from '../fixtures/budget/pair';

const check = (html: string) => checkDocument(parseHTML(html).document as unknown as Document);

const profile = (scope: 'department' | 'unit', extra: Partial<BudgetProfile> = {}): BudgetProfile => ({
  department: '上海市普陀区人民政府办公室',
  year: 2025,
  scope,
  codes: { '2010301': '12029501.84' },
  current: {},
  prior: {},
  ...extra,
});
const tab = (scope: 'department' | 'unit', extra: Partial<TabBudget> = {}): Omit<TabBudget, 'tabId'> => ({
  url: `https://www.shpt.gov.cn/${scope}.html`,
  title: `${scope} page`,
  incognito: false,
  profile: profile(scope),
  ...extra,
});

describe('BudgetTabs: unit and department tabs paired by department name and year', () => {
  it('unit first, department later: the unit tab hears of its department; closing it, of none', () => {
    const b = new BudgetTabs();
    expect(b.set(1, tab('unit'))).toEqual([{ tabId: 1, peer: null }]);
    expect(b.set(2, tab('department'))).toEqual([{ tabId: 1, peer: { profile: profile('department'), title: 'department page', url: 'https://www.shpt.gov.cn/department.html' } }]);
    expect(b.forget(2)).toEqual([{ tabId: 1, peer: null }]);
    expect(b.forget(2)).toEqual([]);
  });

  it('department first: the unit tab gets its peer when it reports', () => {
    const b = new BudgetTabs();
    expect(b.set(2, tab('department'))).toEqual([]);
    expect(b.set(1, tab('unit'))).toEqual([{ tabId: 1, peer: expect.objectContaining({ url: 'https://www.shpt.gov.cn/department.html' }) }]);
    // The department tab now shows another page: the unit tab is told it has no department.
    expect(b.set(2, null)).toEqual([{ tabId: 1, peer: null }]);
  });

  it('another year, another department or a private window beside a normal one: no pair', () => {
    const b = new BudgetTabs();
    b.set(1, tab('unit'));
    expect(b.set(2, tab('department', { profile: profile('department', { year: 2024 }) }))).toEqual([]);
    expect(b.set(3, tab('department', { profile: profile('department', { department: '另一个部门' }) }))).toEqual([]);
    expect(b.set(4, tab('department', { incognito: true }))).toEqual([]);
    expect(b.peerOf(1)).toBeNull();
  });

  it('a tab that never was a budget page sends nothing; the record survives storing (storage.session)', () => {
    const b = new BudgetTabs();
    expect(b.set(5, null)).toEqual([]);
    expect(b.dirty).toBe(false);
    b.set(1, tab('unit'));
    b.set(2, tab('department'));
    const again = new BudgetTabs(structuredClone(b.toJSON()));
    expect(again.peerOf(1)?.url).toBe('https://www.shpt.gov.cn/department.html');
  });
});

describe('messages carrying profiles', () => {
  it('HEAD_KEYS are lib/claims/budget HEAD_LABEL keys', () => {
    expect([...HEAD_KEYS].sort()).toEqual(Object.keys(HEAD_LABEL).sort());
  });

  it('a real profile passes; a bad amount, an unknown headline key or a long title is refused', () => {
    const p = budgetProfile(check(DEPT_HTML).disclosure)!;
    expect(Object.keys(p.codes).length).toBeGreaterThan(5);
    expect(ToBackgroundSchema.safeParse({ type: 'dc:budget-profile', profile: p, title: 't' }).success).toBe(true);
    expect(ToBackgroundSchema.safeParse({ type: 'dc:budget-profile', profile: null, title: '' }).success).toBe(true);
    expect(ToContentSchema.safeParse({ type: 'dc:budget-pair', peer: { profile: p, title: 't', url: 'https://x.gov.cn/' } }).success).toBe(true);
    for (const bad of [
      { ...p, codes: { '2010301': '1e9' } },
      { ...p, codes: { '<b>': '1.00' } },
      { ...p, current: { toString: '1.00' } },
      { ...p, year: '2025' },
    ]) {
      expect(ToBackgroundSchema.safeParse({ type: 'dc:budget-profile', profile: bad, title: 't' }).success).toBe(false);
    }
    expect(ToBackgroundSchema.safeParse({ type: 'dc:budget-profile', profile: p, title: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('the unit page gains B-N16 findings against the department page open beside it', () => {
  const dept = check(DEPT_HTML);
  const peer = { profile: budgetProfile(dept.disclosure)!, title: '2025年部门预算', url: 'https://www.shpt.gov.cn/dept.html' };

  it('BT3 2010301 合计 13,029,501.84 > 12,029,501.84: one error on that cell, bound words, the department page named', () => {
    const base = check(overBudget(asUnit(DEPT_HTML)));
    expect(base.disclosure.info.scope).toBe('unit');
    const paired = withPair(base, budgetProfile(base.disclosure), peer);
    const added = paired.findings.slice(base.findings.length);
    expect(paired.findings.slice(0, base.findings.length)).toEqual(base.findings);
    expect(added.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['B-N16', 'error', '12,029,501.84', '13,029,501.84']]);
    expect(added[0].cells.map((c) => [c.cell.table, c.cell.text, c.role])).toEqual([['BT3', '13,029,501.84', 'part']]);
    expect(paired.rules.find((r) => r.id === 'B-N16')).toEqual({ id: 'B-N16', outcome: 'fail' });
    const report = toReport(paired, 'https://www.shpt.gov.cn/unit.html');
    const rf = report.findings[base.findings.length];
    expect(rf).toMatchObject({ rule: 'B-N16', basis: 'bound' });
    expect(mainLine(rf, 'zh')).toContain('部门预算页面「2025年部门预算」（https://www.shpt.gov.cn/dept.html）');
    expect(mainLine(rf, 'zh')).toContain('13,029,501.84');
    expect(valueLines(report, rf, 'zh')).toEqual([['应不超过', '12,029,501.84'], ['所列', '13,029,501.84'], ['差额', '+1,000,000.00']]);
    expect(report.summary.errors).toBe(toReport(base, 'x').summary.errors + 1);
  });

  it('identical numbers pass; no peer, a department page, or another department: the run unchanged', () => {
    const same = check(asUnit(DEPT_HTML));
    const paired = withPair(same, budgetProfile(same.disclosure), peer);
    expect(paired.findings).toEqual(same.findings);
    expect(paired.rules.find((r) => r.id === 'B-N16')).toEqual({ id: 'B-N16', outcome: 'pass' });
    expect(withPair(same, budgetProfile(same.disclosure), null)).toBe(same);
    expect(withPair(dept, budgetProfile(dept.disclosure), peer)).toBe(dept);
    expect(withPair(same, budgetProfile(same.disclosure), { ...peer, profile: { ...peer.profile, department: '另一个部门' } })).toBe(same);
  });

  it('a prior-year figure copied from the department: a warning on the sentence that states it', () => {
    const HEAD = (x: string, d: string) => `支出预算${x}万元，其中：财政拨款支出预算${x}万元，比2024年预算减少${d}万元。`;
    const doc = (scope: 'department' | 'unit', v: string, head: string) => {
      const d = budgetDoc([yuan('BT3', ['total', 'basic', 'project'], [['2010301', '行政运行', v, v, ''], ['', '合计', v, v, '']]), head], scope);
      d.info.department = '上海市普陀区人民政府办公室';
      return d;
    };
    const deptDoc = doc('department', '12,029,501.84', HEAD('1,202.95', '100.00'));
    // 300.00 + 1,002.95 = 1,302.95: the department's prior figure, while this year differs.
    const unitDoc = doc('unit', '3,000,000.00', HEAD('300.00', '1,002.95'));
    const run: CheckRun = { extracted: { title: '', blocks: [] }, disclosure: unitDoc, findings: [], rules: [{ id: 'B-N16', outcome: 'not-applicable' }], sections: [], claims: null, relations: [], causes: [] };
    const paired = withPair(run, budgetProfile(unitDoc), { profile: budgetProfile(deptDoc)!, title: '', url: 'https://www.shpt.gov.cn/d.html' });
    expect(paired.findings.map((f) => [f.severity, f.actual, f.quote])).toEqual([['warning', '1302.95', HEAD('300.00', '1,002.95')]]);
    expect(paired.findings[0].spans).toHaveLength(1);
    expect(paired.findings[0].message.zh).toContain('部门预算页面 https://www.shpt.gov.cn/d.html');
  });
});
