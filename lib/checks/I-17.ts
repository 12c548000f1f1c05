/** I-17 (domain.md): T4↔T5 — T5 合计 = T4 一般公共预算 column 本年支出合计; each 类 equal. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, classRows, grandRow, itemRowsBefore, matchClasses, named, panel, RE_EXPENSE_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-17',
  title: { zh: '一般公共预算支出与财政拨款总表一致', en: 'General public budget spending agrees with the fiscal summary' },
  severity: 'error',
  tables: ['T4', 'T5'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算财政拨款支出决算表合计应等于财政拨款收入支出决算总表“一般公共预算财政拨款”列的本年支出合计，每个类也应相等。',
    en: 'T5 total equals the general public budget column of T4\'s total expenditure, and each class agrees.',
  },
  relation: { zh: 'T5 合计 = T4 本年支出合计「一般公共预算」；T5 每个类 = T4 同类行「一般公共预算」', en: 'T5 total = T4 total expenditure [general]; each T5 class = the T4 class row [general]' },
  pass: 'T4：一、一般公共服务支出「一般公共预算」742.39\n\nT5：201 一般公共服务支出 合计 742.39',
  fail: 'T4：一、一般公共服务支出「一般公共预算」742.39\n\nT5：201 一般公共服务支出 合计 **742.49**\n\n→ error: 201 一般公共服务支出「合计」742.49 ≠ 一、一般公共服务支出「一般公共预算财政拨款」742.39',
  limits: [{ zh: '类按编码的标准名称或打印名称配对。', en: 'Classes are paired by the code\'s catalogue name or the printed name.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T4, T5 } = ctx.disclosure.tables;
    const e4 = panel(T4, 'expense');
    const spent = named(e4, RE_EXPENSE_TOTAL);
    const p5 = panel(T5);
    const c = checker(ctx, meta);
    c.equal(cellOf(grandRow(p5), 'total'), cellOf(spent, 'general'));
    matchClasses(c, classRows(p5), 'total', itemRowsBefore(e4, spent), 'general');
  },
});
