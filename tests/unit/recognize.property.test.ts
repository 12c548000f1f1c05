/**
 * lib/recognize never throws and always builds valid models, whatever tables a page holds:
 * random titles (ours and foreign), random header words, codes, amounts, junk and spans.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { recognize } from '../../lib/recognize';
import { validateDisclosure } from '../../lib/model/validate';

const TITLES = [
  '收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
  '一般公共预算财政拨款基本支出决算明细表', '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表',
  '财政拨款“三公”经费支出决算表', '收入决算总表', '收入决算表（续）', '2025年部门预算表', '人员名单', '',
];
const LINES = ['公开01表', '表一', '单位：万元', '金额单位：元', '部门：某局', '续表', '- 3 -', '注：本表反映…', '说明：本表无数据。', ''];
const WORDS = [
  '项目', '科目名称', '功能分类科目编码', '经济分类科目编码', '类', '款', '项', '行次', '栏次', '决算数', '金额', '合计', '小计', '总计',
  '本年收入合计', '本年支出合计', '财政拨款收入', '上级补助收入', '基本支出', '项目支出', '年初结转和结余', '年末结转和结余',
  '收入', '支出', '预算数', '因公出国（境）费', '公务用车购置费', '公务接待费', '其中：', '一、一般公共服务支出', '人员经费合计',
];
const VALUES = ['201', '20131', '2013101', '302 / 01', '880.81', '4,733.14', '0', '0.00', '-', '—', '/', '', '单位不需填列', '（1.00）', '12'];

const cellArb = fc.record({
  text: fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...VALUES)),
  colspan: fc.constantFrom(1, 1, 1, 2, 3),
  rowspan: fc.constantFrom(1, 1, 1, 2),
  th: fc.boolean(),
});
const tableArb = fc.record({
  before: fc.array(fc.oneof(fc.constantFrom(...TITLES), fc.constantFrom(...LINES)), { maxLength: 3 }),
  rows: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 8 }),
});

function render(tables: { before: string[]; rows: { text: string; colspan: number; rowspan: number; th: boolean }[][] }[]): string {
  return tables
    .map(
      (t) =>
        t.before.map((l) => `<p>${l}</p>`).join('') +
        `<table>${t.rows
          .map(
            (r) =>
              `<tr>${r
                .map((c) => {
                  const tag = c.th ? 'th' : 'td';
                  return `<${tag} colspan="${c.colspan}" rowspan="${c.rowspan}">${c.text}</${tag}>`;
                })
                .join('')}</tr>`,
          )
          .join('')}</table>`,
    )
    .join('');
}

describe('recognize on arbitrary tables', () => {
  it('never throws and every model it builds is valid', () => {
    fc.assert(
      fc.property(fc.array(tableArb, { minLength: 1, maxLength: 5 }), (tables) => {
        const { document } = parseHTML(`<!DOCTYPE html><html><head><title>某局2024年度部门决算</title></head><body>${render(tables)}</body></html>`);
        const d = recognize(extractDocument(document as unknown as Document));
        expect(validateDisclosure(d)).toEqual([]);
        for (const u of d.unrecognised) expect(u.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
