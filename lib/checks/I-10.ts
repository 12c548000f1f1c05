/** I-10 (domain.md): T1↔T3 — T3 合计 = T1 本年支出合计; each T3 类 = the T1 类 row. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, classRows, grandRow, itemRowsBefore, matchClasses, named, panel, RE_EXPENSE_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';


export const meta: RuleMeta = {
  id: 'I-10',
  title: { zh: '支出决算表与收入支出决算总表一致', en: 'Expenditure table agrees with the summary table' },
  severity: 'error',
  tables: ['T1', 'T3'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '支出决算表合计应等于收入支出决算总表“本年支出合计”，每个功能分类“类”的合计应等于总表中同名的支出行。',
    en: 'T3 total equals T1 total expenditure, and each T3 class (类) total equals the T1 row of the same class.',
  },
  relation: { zh: 'T3 合计 = T1 本年支出合计；T3 每个类 = T1 同名类行', en: 'T3 total = T1 total expenditure; each T3 class = the T1 class row' },
  pass: 'T1：一、一般公共服务支出 742.39\n\nT3：201 一般公共服务支出 合计 742.39',
  fail: 'T1：一、一般公共服务支出 742.39\n\nT3：201 一般公共服务支出 合计 **752.39**\n\n→ error: 支出决算表 201 一般公共服务支出「合计」752.39 ≠ 收入支出决算总表 一、一般公共服务支出 742.39',
  limits: [
    { zh: '类按编码对应的标准名称或打印名称配对；T1 有数而 T3 无此类时，T1 单元格被报告。', en: 'Classes are paired by the catalogue name of the code or the printed name; a non-zero T1 class missing from T3 is reported on the T1 cell.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T1, T3 } = ctx.disclosure.tables;
    const exp = panel(T1, 'expense');
    const total1 = named(exp, RE_EXPENSE_TOTAL);
    const p3 = panel(T3);
    const c = checker(ctx, meta);
    c.equal(cellOf(grandRow(p3), 'total'), cellOf(total1, 'amount'));
    const t1Rows = itemRowsBefore(exp, total1);
    matchClasses(c, classRows(p3), 'total', t1Rows, 'amount');
  },
});
