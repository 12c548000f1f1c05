/**
 * Attachments of an article page (issue 18 item 3): which links are the article's files, when the
 * popup may say "本页表格在附件中", and the combined check (page text + attachment = one document).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { articleRoot, findAttachments, looksLikeNarrative, pageAttachments, tablesInAttachment } from '../../lib/ext/attachments';
import { articleTabFromSearch, fileFromSearch, viewerUrl } from '../../lib/ext/pdf-route';
import { PageStateSchema, PageTextSchema } from '../../lib/ext/messages';
import { pageTextSection, prependPageText } from '../../lib/viewer/combine';
import { checkOfficeFile } from '../../lib/viewer/office';
import { checkDocument, toReport } from '../../lib/index';
import { extractDocument } from '../../lib/extract';

vi.setConfig({ testTimeout: 60_000 });

const FIX = new URL('../../../shared/fixtures/', import.meta.url);
const PAGE = 'http://www.example.gov.cn/art/2025/9/12/art_1.html';
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const NARRATIVE =
  '<p>第一部分 部门概况</p><p>一、部门职责：负责全区党委的日常运转和综合协调工作，承担会议组织和文件起草。</p>' +
  '<p>二、机构设置：本部门内设机构六个，下属单位一个，全部纳入本年度部门决算编制范围。</p>' +
  '<p>三、收入支出决算总体情况说明：2024年度收入总计880.81万元，支出总计880.81万元。</p>' +
  '<p>四、财政拨款支出决算情况说明：财政拨款支出主要用于保障机构正常运转。</p>' +
  '<p>五、“三公”经费支出决算情况说明：本年度未安排因公出国（境）费用。</p>';

/** A portal article: site header, breadcrumb, the article, its attachment box, a side bar, a footer. */
function portal(opts: { tables?: boolean; narrative?: string } = {}): string {
  return `<!doctype html><html><head><title>某局2024年度部门决算公开_株洲市人民政府</title></head><body>
<div class="header"><a href="/guide/办事指南.pdf">办事指南.pdf</a> <a href="/">首页</a></div>
<div id="nav"><a href="/zwgk/">政务公开</a> <a href="/files/nav-menu.doc">栏目说明.doc</a></div>
<div class="main">
  <div class="article">
    <h1>某局2024年度部门决算公开</h1>
    <div class="content" id="zoom">${opts.narrative ?? NARRATIVE}
      ${opts.tables ? '<table><tr><td>项目</td><td>本年收入合计</td><td>本年支出合计</td></tr><tr><td>合计</td><td>1</td><td>1</td></tr></table>' : ''}
      <p>详见附件：<a href="/files/2024决算表.xlsx">2024年度部门决算公开表.xlsx</a></p>
    </div>
    <div class="fujian">附件：
      <a href="/files/a.pdf">1.某局2024年度部门决算.pdf</a>
      <a href="download.jsp?id=77" title="某局说明.docx">下载</a>
      <a href="/files/a.pdf#page=2">同一文件.pdf</a>
      <a href="javascript:void(0)">假链接.pdf</a>
      <a href="/files/old.wps">旧版说明.wps</a>
      <a href="#">本页.pdf</a>
    </div>
  </div>
  <div class="sidebar"><a href="/files/side.pdf">相关文件.pdf</a></div>
</div>
<footer><a href="/files/privacy.docx">隐私声明.docx</a></footer>
<table class="bottom"><tr><td><a href="/files/icp.pdf">备案.pdf</a></td></tr></table>
</body></html>`;
}

describe('findAttachments: the article’s files, not the site’s', () => {
  test('the content’s and the attachment box’s links; not header, nav, side bar, footer, javascript:, the page itself, duplicates', () => {
    const d = doc(portal());
    expect(articleRoot(d)?.getAttribute('id')).toBe('zoom');
    const got = findAttachments(d, PAGE);
    expect(got.map((a) => [a.name, a.ext, a.tables, new URL(a.url).pathname + new URL(a.url).search])).toEqual([
      ['2024年度部门决算公开表.xlsx', 'xlsx', true, '/files/2024%E5%86%B3%E7%AE%97%E8%A1%A8.xlsx'],
      // The page's own list numbering is dropped (the popup numbers the list itself).
      ['某局2024年度部门决算.pdf', 'pdf', true, '/files/a.pdf'],
      // The address says nothing, the title says .docx; "下载" is not a name.
      ['某局说明.docx', 'docx', false, '/art/2025/9/12/download.jsp?id=77'],
      ['旧版说明.wps', 'wps', false, '/files/old.wps'],
    ]);
  });

  test('a page with no article text: only links in a block that says 附件', () => {
    const d = doc('<html><body><div class="list"><a href="/a.pdf">a.pdf</a></div><div>附件：<a href="/b.xls">b.xls</a></div></body></html>');
    expect(findAttachments(d, PAGE).map((a) => a.name)).toEqual(['b.xls']);
  });

  test('names are page text, capped', () => {
    const long = '某'.repeat(500);
    const d = doc(`<html><body><div>${NARRATIVE}<p>附件：<a href="/x.pdf">${long}.pdf</a></p></div></body></html>`);
    const [a] = findAttachments(d, PAGE);
    expect(a.name.length).toBeLessThanOrEqual(121);
    expect(PageStateSchema.safeParse({ status: 'done', url: PAGE, progress: null, error: null, marksOn: true, report: null, items: [], trigger: 'auto', attachments: [a] }).success).toBe(true);
  });

  test('the lukou article: its one attachment link is href="#" (the page itself), so nothing is listed', () => {
    const d = doc(readFileSync(new URL('lukou-2024/page.html', FIX), 'utf8'));
    expect(findAttachments(d, PAGE)).toEqual([]);
  });
});

describe('本页表格在附件中: only for a disclosure narrative without its tables', () => {
  const noTables = { tables: [] };
  test.each([
    ['narrative, no table, a tables attachment', portal(), noTables, ['2024年度部门决算公开表.xlsx', '某局2024年度部门决算.pdf']],
    ['the page has its own tables', portal({ tables: true }), { tables: [{}] }, []],
    ['not checked yet', portal(), null, []],
    ['a news article with attachments', portal({ narrative: '<p>今天召开了全区安全生产工作会议，会议由区长主持，各部门负责人参加。</p><p>会议强调要压实责任，做好节日期间的各项工作。</p>' }), noTables, []],
  ])('%s', (_name, html, report, want) => {
    const page = pageAttachments(doc(html), PAGE);
    expect(tablesInAttachment(report, page).map((a) => a.name)).toEqual(want);
  });

  test('looksLikeNarrative: the lukou page’s text is a narrative', () => {
    const html = readFileSync(new URL('lukou-2024/page.html', FIX), 'utf8');
    expect(looksLikeNarrative(doc(html))).toBe(true);
    expect(looksLikeNarrative(doc('<html><body><p>决算</p><p>通知公告：关于举办培训班的通知，请各单位报名参加。</p></body></html>'))).toBe(false);
  });
});

describe('the check page’s address for a combined check', () => {
  test('article tab first, file last; both read back; a raw redirect address still works', () => {
    const file = 'http://www.x.gov.cn/a b.xlsx?id=1&t=2';
    const url = viewerUrl('chrome-extension://id/viewer.html', file, 42);
    const search = url.slice(url.indexOf('?'));
    expect(articleTabFromSearch(search)).toBe(42);
    expect(fileFromSearch(search)).toBe(new URL(file).href);
    expect(articleTabFromSearch(viewerUrl('v', file).slice(1))).toBeNull();
    expect(fileFromSearch('?file=http://x.gov.cn/a.pdf?a=1&b=2')).toBe('http://x.gov.cn/a.pdf?a=1&b=2');
    expect(articleTabFromSearch('?article=x&file=http://x.gov.cn/a.pdf')).toBeNull();
  });
});

describe('combined check: the page’s text and the attachment’s tables as one document', () => {
  const html = readFileSync(new URL('lukou-2024/page.html', FIX), 'utf8');
  // The lukou article with its tables taken out (site banner and footer tables kept): narrative only.
  const narrativeOnly = html.replace(/<table(?![^>]*class="(top-banner|footer)")[\s\S]*?<\/table>/g, '');

  test('page text is set as text; the label is an attribute, not read by the check', () => {
    const d = doc('<html><body></body></html>');
    const s = pageTextSection(d, { url: PAGE, heading: '标题<b>x</b>', paragraphs: ['<img src=x onerror=alert(1)>', '正文'] }, '网页正文');
    expect(s.querySelectorAll('img, b').length).toBe(0);
    expect([...s.children].map((c) => [c.localName, c.textContent])).toEqual([['h1', '标题<b>x</b>'], ['p', '<img src=x onerror=alert(1)>'], ['p', '正文']]);
    expect(extractDocument(s).blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).not.toContain('网页正文');
    expect(PageTextSchema.safeParse({ url: PAGE, title: 't', heading: '', paragraphs: ['x'.repeat(10_001)] }).success).toBe(false);
  });

  test('the tables go where the page names its tables part: 第二部分 部门决算表 … [tables] … 第三部分', () => {
    const d = doc('<html><body></body></html>');
    const root = d.createElement('div');
    root.innerHTML = '<table><tr><td>T</td></tr></table>';
    const paragraphs = ['第一部分 部门概况', '概况正文', '第二部分', '部门决算表（见附件）', '第三部分 情况说明', '说明正文'];
    prependPageText(root, pageTextSection(d, { url: PAGE, heading: '', paragraphs }, 'l'));
    expect([...root.querySelectorAll('p, td')].map((e) => e.textContent)).toEqual(['第一部分 部门概况', '概况正文', '第二部分', '部门决算表（见附件）', 'T', '第三部分 情况说明', '说明正文']);
    // No tables part named: the page's text first, then the attachment.
    const r2 = d.createElement('div');
    r2.innerHTML = '<table><tr><td>T</td></tr></table>';
    prependPageText(r2, pageTextSection(d, { url: PAGE, heading: '', paragraphs: ['一、概况', '二、说明'] }, 'l'));
    expect([...r2.querySelectorAll('p, td')].map((e) => e.textContent)).toEqual(['一、概况', '二、说明', 'T']);
  });

  test('lukou: narrative from the page + tables from the .xlsx = the page’s narrative findings, which neither half has alone', async () => {
    const full = toReport(checkDocument(doc(html)), 'page');
    const page = doc(narrativeOnly);
    const root = articleRoot(page)!;
    const paragraphs = extractDocument(root).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs.length).toBeGreaterThan(20);
    const viewerDoc = doc(`<html><head><title>${page.title}</title></head><body></body></html>`);
    const xlsx = new Uint8Array(readFileSync(new URL('drafts/lukou-2024-tables.xlsx', FIX)));
    const run = (before: Element | null) =>
      checkOfficeFile(xlsx, 'lukou-2024-tables.xlsx', { document: viewerDoc, source: 'x.xlsx', show: (r) => viewerDoc.body.appendChild(r), before, yieldTo: () => Promise.resolve() });
    const alone = (await run(null)).report!;
    const combined = (await run(pageTextSection(viewerDoc, { url: PAGE, heading: page.querySelector('h1')?.textContent ?? '', paragraphs }, 'label'))).report!;
    expect(combined.tables.map((t) => t.id)).toEqual(alone.tables.map((t) => t.id));
    const narrativeRules = (r: typeof full) => r.findings.filter((f) => f.rule.startsWith('N-')).map((f) => `${f.rule}|${f.severity}|${f.expected}|${f.actual}`).sort();
    // The workbook alone has no narrative to reconcile; the page alone has no table to reconcile with.
    expect(narrativeRules(alone)).toEqual([]);
    expect(toReport(checkDocument(page), 'p').tables).toEqual([]);
    // Together: the narrative findings the whole page has.
    expect(narrativeRules(full).length).toBeGreaterThan(0);
    expect(narrativeRules(combined)).toEqual(narrativeRules(full));
    // And no "tables only" notice: there is a narrative now.
    expect(combined.findings.some((f) => f.message.includes('未提供说明部分（仅表格）'))).toBe(false);
    expect(alone.findings.some((f) => f.message.includes('未提供说明部分（仅表格）'))).toBe(true);
  });
});
