/** A small budget document with every required part (B-Sxx tests); drop or change parts per case. */
import { expect, test } from 'vitest';
import { run, tbl } from './build';
import { budgetDoc } from './budget-build';
import type { Rule } from '../../../lib/checks/types';
import type { LayoutItem } from './build';
import { BUDGET_TABLE_KEYS } from '../../../lib/model/types';
import type { TableKey } from '../../../lib/model/types';

export const PARTS = {
  cover: '上海市普陀区2025年区级部门预算',
  coverBody: '预算主管部门：上海市普陀区人民政府办公室',
  functions: '一、部门主要职能',
  functionsBody: '上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作的区政府工作部门，主要职能包括组织起草或审核以区政府名义发布的文件等等。',
  org: '二、部门机构设置',
  orgBody: '本部门中，行政单位1家，事业单位1家，具体包括：上海市普陀区人民政府办公室本部；下属事业单位不单列预算，并入本部，共计两家单位。',
  glossary: '三、名词解释',
  glossaryBody: '（七）“三公”经费：是与区级财政有经费领拨关系的部门及其下属预算单位使用区级财政拨款安排的因公出国（境）费、公务用车购置及运行费、公务接待费。',
  explanation: '四、2025年部门预算编制说明',
  totals: '2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；事业收入0万元。',
  items: '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。',
  other: '六、其他相关情况说明',
  sangong: '2025年“三公”经费预算数为867.50万元，与2024年预算持平。',
  running: '2025年本部门机关运行经费预算为213.28万元。',
  procurement: '2025年本部门政府采购预算34万元，其中：政府采购服务预算34万元。',
  performance: '四、绩效目标设置情况',
  performanceBody: '本部门编报绩效目标的项目11个，涉及项目预算资金6626万元。',
  assets: '五、国有资产占有使用情况',
  assetsBody: '截至2024年8月31日，本部门共有车辆0辆。',
  project: '区政府督查及建议提案工作业务经费项目经费情况说明',
  p1: '一、项目概述',
  p2: '二、立项依据',
  p3: '三、实施主体',
  p4: '四、实施方案',
  p5: '五、实施周期',
  p6: '六、年度预算安排',
  p7: '七、绩效目标',
};

export type PartKey = keyof typeof PARTS;

/** The nine tables (one amount each) and the parts, in document order; `drop` leaves some out. */
export function partsDoc(opts: { drop?: PartKey[]; set?: Partial<Record<PartKey, string>>; tables?: TableKey[] } = {}): LayoutItem[] {
  const texts = (Object.keys(PARTS) as PartKey[]).filter((k) => !opts.drop?.includes(k)).map((k) => opts.set?.[k] ?? PARTS[k]);
  const tables = (opts.tables ?? [...BUDGET_TABLE_KEYS]).map((k) => tbl(k, { unit: k === 'BT9' ? '万元' : '元', precision: 2, cols: ['total'], rows: [['', '合计', '1.00']] }));
  const at = texts.indexOf(PARTS.other);
  return [...texts.slice(0, at < 0 ? texts.length : at), ...tables, ...texts.slice(at < 0 ? texts.length : at)];
}

/** One case of a required-part rule: its name, the document's changes, the finding's severity (null: passes). */
export type PartCase = readonly [name: string, opts: Parameters<typeof partsDoc>[0], severity: 'error' | 'warning' | null];

/**
 * The table-driven test every B-S part rule shares: a passing case has no finding and outcome
 * pass; a failing one exactly one finding of the rule at that severity, about no cell, with a message.
 */
export function partCases(rule: Rule, cases: readonly PartCase[]): void {
  test.each(cases)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts)));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([[rule.meta.id, severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
}
