/** I-20 (domain.md): T6 — 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 310 (+307, 399 …); each 类 = Σ its 款. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { Row } from '../model/types';
import { cellOf, checker, sumLabel, t6Rows, t6Totals } from './helpers';
import type { RuleDoc } from './helpers';

const PERSONNEL = new Set(['301', '303']);

export const meta: RuleMeta = {
  id: 'I-20',
  title: { zh: '基本支出明细表逐级汇总', en: 'Basic expenditure breakdown adds up' },
  severity: 'error',
  tables: ['T6'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '基本支出决算明细表：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 302 商品和服务支出 + 310 资本性支出（及 307、399 等其他类）；每个类 = 其各款之和。',
    en: 'T6: personnel total = 301 + 303; public-expense total = 302 + 310 (and 307, 399 … where present); each class = the sum of its items (款).',
  },
  relation: { zh: '人员经费合计 = 301 + 303；公用经费合计 = 其余各类；类 = Σ 款', en: 'personnel = 301 + 303; public expense = the other classes; class = Σ its 款' },
  pass: '| 编码 | 科目 | 决算数 |\n|---|---|---|\n| 301 | 工资福利支出 | 578.83 |\n| 303 | 对个人和家庭的补助 | 3.29 |\n| | 人员经费合计 | 582.12 |',
  fail: '| 编码 | 科目 | 决算数 |\n|---|---|---|\n| 301 | 工资福利支出 | 578.83 |\n| 303 | 对个人和家庭的补助 | 3.29 |\n| | 人员经费合计 | **592.12** |\n\n→ error: 人员经费合计 592.12 ≠ 301 + 303 之和 582.12',
  limits: [
    { zh: '301、303 以外的类都计入公用经费；类行缺失时用其各款代替。', en: 'Every class other than 301 and 303 counts as public expense; a missing class row is replaced by its items.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const t = ctx.disclosure.tables.T6;
    const classes: Row[] = [];
    const items: Row[] = [];
    // 款 rows by their 类 code (in row order).
    const itemsOf = new Map<string, Row[]>();
    for (const r of t6Rows(t)) {
      if (!r.code || r.kind === 'of-which' || r.kind === 'blank') continue;
      if (r.code.length === 3) classes.push(r);
      else if (r.code.length === 5) {
        items.push(r);
        const k = r.code.slice(0, 3);
        const list = itemsOf.get(k);
        if (list) list.push(r);
        else itemsOf.set(k, [r]);
      }
    }
    const c = checker(ctx, meta);
    // Each 类 = Σ its 款.
    for (const k of classes) {
      const kids = itemsOf.get(k.code!);
      if (!kids) continue;
      const parts = kids.map((r) => cellOf(r, 'amount'));
      c.sum(cellOf(k, 'amount'), parts, () => sumLabel(c.d, parts, { zh: `${k.code} 各款之和`, en: `the sum of the items of ${k.code}` }));
    }
    // A class contributes its own row, or its items when the class row is not printed.
    const contributors = (want: (code: string) => boolean): Row[] => {
      const out: Row[] = classes.filter((r) => want(r.code!));
      const printed = new Set(out.map((r) => r.code));
      for (const r of items) if (want(r.code!.slice(0, 3)) && !printed.has(r.code!.slice(0, 3))) out.push(r);
      return out;
    };
    const { personnel, office } = t6Totals(t);
    if (personnel) {
      const parts = contributors((code) => PERSONNEL.has(code)).map((r) => cellOf(r, 'amount'));
      c.sum(cellOf(personnel, 'amount'), parts, () => sumLabel(c.d, parts, { zh: '301 + 303 之和', en: 'the sum of 301 and 303' }));
    }
    if (office) {
      const parts = contributors((code) => !PERSONNEL.has(code)).map((r) => cellOf(r, 'amount'));
      c.sum(cellOf(office, 'amount'), parts, () => sumLabel(c.d, parts, { zh: '公用经费各类之和', en: 'the sum of the public-expense classes' }));
    }
  },
});
