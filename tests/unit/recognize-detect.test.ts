/**
 * looksLikeDisclosure: the content script's cheap gate. Correct answers on real and made-up
 * pages, reading no more than each table's first rows (its cost is in `npm run bench`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { looksLikeDisclosure } from '../../lib/recognize';

const FIX = path.join(__dirname, '..', 'fixtures');

function doc(html: string): Document {
  return parseHTML(`<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`).document as unknown as Document;
}

describe('looksLikeDisclosure', () => {
  it.each([
    ['lukou-2024.html', true],
    ['putuo-2025.html', true],
    ['variants/plain-th.html', true],
    ['variants/reordered.html', true],
    ['variants/yuan.html', true],
    ['variants/unrelated.html', false],
    ['budget/putuo-dept-budget-2025.html', true],
  ])('%s → %s', (file, expected) => {
    const { document } = parseHTML(fs.readFileSync(path.join(FIX, file), 'utf8'));
    expect(looksLikeDisclosure(document as unknown as Document)).toBe(expected);
  });

  it.each([
    ['title paragraph before the table', '<p>收入支出决算总表</p><table><tr><td>项目</td><td>金额</td></tr></table>', true],
    ['title inside a wrapper div', '<p>支出决算表</p><div><table><tr><td>科目</td><td>金额</td></tr></table></div>', true],
    ['title row inside the table', '<table><tr><td colspan="2">财政拨款“三公”经费支出决算表</td></tr><tr><td>合计</td></tr></table>', true],
    ['a caption', '<table><caption>支出决算表</caption><tr><td>a</td></tr></table>', true],
    ['marker only', '<p>公开05表</p><table><tr><td>合计</td></tr></table>', true],
    ['a title split over Word spans', '<p><span>公开</span><span style="x">01</span>表</p><table><tr><td>合计</td></tr></table>', true],
    ['a unit line between title and table', '<p>收入支出决算总表</p><p>单位：万元</p><table><tr><td>项目</td><td>金额</td></tr></table>', true],
    // Over 200 characters is not a title line, even when little of it is left once spaces are squashed.
    ['a long line is not a title', `<p>收入支出决算总表${' '.repeat(200)}</p><table><tr><td>项目</td></tr></table>`, false],
    ['a short line is a title however many comments split it', `<p>收入支出<!--a-->决算<!--b-->总表</p><table><tr><td>项目</td></tr></table>`, true],
    // Every disclosure table's header has a header word (项目, 金额, 合计, 收入, 支出 …): a table without
    // one is not taken for a disclosure table because of the line above it.
    ['a title above a table with no header word', '<p>收入支出决算总表</p><table><tr><td>张三</td><td>0731-1234567</td></tr></table>', false],
    ['two header words', '<table><tr><th>本年支出合计</th><th>基本支出</th><th>项目支出</th></tr></table>', true],
    ['a sentence naming a table', '<p>会议部署了收入支出决算总表的编报工作，要求按时公开。</p><table><tr><td>姓名</td></tr></table>', false],
    // Budgets are checked too (issue 19) — when at least two budget tables are on the page: one budget
    // table in a news item (variants/unrelated.html) is not a budget disclosure.
    ['one budget table', '<table><tr><th>本年收入合计</th><th>本年支出合计</th><th>预算数</th></tr></table>', false],
    ['two budget tables by header words', '<table><tr><th>本年收入合计</th><th>本年支出合计</th><th>预算数</th></tr></table><table><tr><th>基本支出</th><th>项目支出</th><th>预算数</th></tr></table>', true],
    ['two budget titles before their tables', '<p>2025年部门财务收支预算总表</p><table><tr><td>项目</td><td>预算数</td></tr></table><p>2025年部门“三公”经费和机关运行经费预算表</p><table><tr><td>合计</td></tr></table>', true],
    ['national budget titles', '<p>部门收支总表</p><table><tr><td>项目</td><td>预算数</td></tr></table><p>一般公共预算支出表</p><table><tr><td>科目</td><td>金额</td></tr></table>', true],
    ['a budget title in a sentence', '<p>会议审议了收支预算总表，要求按时公开。</p><table><tr><td>项目</td></tr></table><p>会议审议了收入预算总表，要求按时公开。</p><table><tr><td>项目</td></tr></table>', false],
    ['no tables at all', '<p>收入支出决算总表</p>', false],
    ['a staff directory', '<table><tr><th>姓名</th><th>职务</th><th>电话</th></tr><tr><td>张三</td><td>局长</td><td>1</td></tr></table>', false],
  ])('%s', (_name, html, expected) => {
    expect(looksLikeDisclosure(doc(html))).toBe(expected);
    // Also works on an element root.
    expect(looksLikeDisclosure(doc(html).body)).toBe(expected);
  });

  it('never reads a big container before a table', () => {
    // The article before the table mentions a title; only short lines count as titles.
    const long = `<div>${'<p>收入支出决算总表说明文字</p>'.repeat(200)}</div><table><tr><td>姓名</td></tr></table>`;
    expect(looksLikeDisclosure(doc(long))).toBe(false);
  });

  it('reads only the first rows of each table, never the rest of the page', () => {
    // A non-disclosure page with many tables: the worst case (no early exit). Its cost against the
    // first-rows floor is measured by `npm run bench` (a timed assertion here would flake on a
    // shared machine); what can be asserted exactly is what it reads.
    const tables = Array.from(
      { length: 60 },
      (_, i) =>
        `<p>第${i}条</p><p>详情如下</p><table><tr><th>序号</th><th>名称</th><th>数量</th></tr>${'<tr><td>1</td><td>办公用品采购</td><td>12</td></tr>'.repeat(10)}</table>`,
    ).join('');
    const d = doc(`<div class="article">${tables}</div>`);
    let firstRowReads = 0;
    let laterReads = 0;
    // Each row and cell gets an own textContent getter that counts, then defers to the DOM's.
    const count = (el: Element, later: boolean) => {
      let desc: PropertyDescriptor | undefined;
      for (let proto = Object.getPrototypeOf(el); proto && !desc?.get; proto = Object.getPrototypeOf(proto)) {
        desc = Object.getOwnPropertyDescriptor(proto, 'textContent');
      }
      Object.defineProperty(el, 'textContent', {
        get() {
          if (later) laterReads++;
          else firstRowReads++;
          return desc!.get!.call(el);
        },
      });
    };
    for (const table of Array.from(d.querySelectorAll('table'))) {
      const rows = Array.from(table.querySelectorAll('tr'));
      rows.forEach((tr, r) => {
        count(tr, r >= 3);
        for (const cell of Array.from(tr.children)) count(cell, r >= 3);
      });
    }
    expect(looksLikeDisclosure(d)).toBe(false);
    expect(firstRowReads).toBeGreaterThan(0);
    expect(laterReads).toBe(0);
  });
});
