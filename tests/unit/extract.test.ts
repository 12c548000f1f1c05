import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { computedHidden, extractDocument } from '../../lib/extract';
import type { ExtractedDocument, ParagraphBlock, SourceCell, TableBlock } from '../../lib/extract/types';

const page = (body: string, head = '<title>T</title>') =>
  parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).document;

const extract = (body: string) => extractDocument(page(body));
const tables = (d: ExtractedDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const paras = (d: ExtractedDocument) => d.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const texts = (t: TableBlock) => t.grid.map((row) => row.map((s) => s.cell.text));
const copies = (t: TableBlock) => t.grid.map((row) => row.map((s) => (s.isCopy ? 1 : 0)));

/** Structural invariants every grid must satisfy. */
function checkGrid(t: TableBlock) {
  expect(t.grid.length).toBe(t.rows);
  const origins = new Map<SourceCell, number>();
  for (let r = 0; r < t.rows; r++) {
    expect(t.grid[r].length).toBe(t.cols);
    for (let c = 0; c < t.cols; c++) {
      const { cell, isCopy } = t.grid[r][c];
      // the slot lies inside its origin's rectangle
      expect(r).toBeGreaterThanOrEqual(cell.row);
      expect(r).toBeLessThan(cell.row + cell.rowSpan);
      expect(c).toBeGreaterThanOrEqual(cell.col);
      expect(c).toBeLessThan(cell.col + cell.colSpan);
      expect(isCopy).toBe(!(cell.row === r && cell.col === c));
      if (!isCopy) origins.set(cell, (origins.get(cell) ?? 0) + 1);
    }
  }
  // each origin appears exactly once as non-copy, and every unique cell in the grid is an origin
  const unique = new Set(t.grid.flat().map((s) => s.cell));
  expect(origins.size).toBe(unique.size);
  for (const n of Array.from(origins.values())) expect(n).toBe(1);
  return { origins: Array.from(origins.keys()), unique };
}

describe('paragraphs', () => {
  it('emits block elements in reading order with collapsed text and element refs', () => {
    const d = extract(
      '<h1>标题</h1><p>第一\u00a0\u00a0段  文字\u3000</p><div><p>内一</p><div>内二 <span>连</span>续</div></div>' +
        '<ul><li>甲</li><li>乙</li></ul><blockquote>引用</blockquote>',
    );
    expect(paras(d).map((p) => p.text)).toEqual(['标题', '第一 段 文字', '内一', '内二 连续', '甲', '乙', '引用']);
    expect(paras(d).map((p) => p.el?.localName)).toEqual(['h1', 'p', 'p', 'div', 'li', 'li', 'blockquote']);
    expect(d.blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('splits a div with text around block children into runs owned by the div', () => {
    const d = extract('<div id="x">前言<p>中间</p>结尾</div>');
    expect(paras(d).map((p) => [p.text, p.el?.getAttribute('id') ?? p.el?.localName])).toEqual([
      ['前言', 'x'],
      ['中间', 'p'],
      ['结尾', 'x'],
    ]);
  });

  it('splits paragraphs at <br> (lines of one block become separate paragraphs)', () => {
    const d = extract('<p>一、概况<br>二、说明<br/><br>三、其他</p>');
    expect(paras(d).map((p) => p.text)).toEqual(['一、概况', '二、说明', '三、其他']);
  });

  it('keeps a word boundary around floated inline boxes', () => {
    const d = extract('<p>部门：某局<span style="float:right">单位：万元</span></p>');
    expect(paras(d)[0].text).toBe('部门：某局 单位：万元');
  });
});

describe('title', () => {
  it('uses <title>', () => {
    expect(extract('<h1>H</h1>').title).toBe('T');
  });
  it('falls back to the first h1', () => {
    expect(extractDocument(page('<h2>x</h2><h1> 决算 公开 </h1><h1>second</h1>', '')).title).toBe('决算 公开');
  });
});

describe('tables: spans', () => {
  it('resolves rowspan and colspan combos; copies point at the one origin', () => {
    const d = extract(`<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
      <tr><td rowspan="2">C</td></tr>
      <tr><td>D</td><td colspan="1">E</td></tr>
    </table>`);
    const [t] = tables(d);
    expect([t.rows, t.cols]).toEqual([3, 3]);
    expect(texts(t)).toEqual([
      ['A', 'A', 'B'],
      ['A', 'A', 'C'],
      ['D', 'E', 'C'],
    ]);
    expect(copies(t)).toEqual([
      [0, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(t.grid[1][1].cell).toBe(t.grid[0][0].cell);
    const a = t.grid[0][0].cell;
    expect([a.row, a.col, a.rowSpan, a.colSpan]).toEqual([0, 0, 2, 2]);
    const { origins } = checkGrid(t);
    expect(origins.map((c) => c.text).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('never counts a merged amount twice: sum over origins equals sum over unique cells', () => {
    const d = extract(`<table>
      <tr><th>项目</th><th colspan="2">金额</th></tr>
      <tr><td rowspan="3">合计</td><td>10.5</td><td rowspan="2">4.5</td></tr>
      <tr><td colspan="1">2</td></tr>
      <tr><td colspan="2">3</td></tr>
    </table>`);
    const [t] = tables(d);
    const { origins, unique } = checkGrid(t);
    const num = (c: SourceCell) => (/^[\d.]+$/.test(c.text) ? Number(c.text) : 0);
    const sumOrigins = origins.reduce((s, c) => s + num(c), 0);
    const sumUnique = Array.from(unique).reduce((s, c) => s + num(c), 0);
    const sumAllSlots = t.grid.flat().reduce((s, x) => s + num(x.cell), 0);
    expect(sumOrigins).toBe(20);
    expect(sumUnique).toBe(20);
    expect(sumAllSlots).toBeGreaterThan(20); // a naive slot sum would double count
  });

  it('keeps a colspan no other row splits (a continuation piece must line up with its table)', () => {
    const [t] = tables(extract('<table><tr><td colspan="2">合计</td><td>5.00</td><td>5.00</td><td></td></tr></table>'));
    expect([t.rows, t.cols]).toEqual([1, 5]);
    expect(texts(t)[0]).toEqual(['合计', '合计', '5.00', '5.00', '']);
  });

  it('compresses only absurd widths: a colspan=10000 title over six columns leaves six', () => {
    const row = `<tr>${'<td>1</td>'.repeat(6)}</tr>`;
    const [t] = tables(extract(`<table><tr><td colspan="10000">标题</td></tr>${row}${row}</table>`));
    expect([t.rows, t.cols]).toEqual([3, 6]);
    expect(t.grid[0][0].cell.colSpan).toBe(6);
    expect(t.clipped).toBeUndefined();
  });

  it('pads short rows with synthetic empty cells (el null)', () => {
    const [t] = tables(extract('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>'));
    expect([t.rows, t.cols]).toEqual([2, 3]);
    expect(t.grid[1][1].cell.el).toBeNull();
    expect(t.grid[1][2].cell.el).toBeNull();
    expect(t.grid[1][2].isCopy).toBe(false);
    expect(t.grid[1][2].cell.text).toBe('');
    expect(t.grid[1][0].cell.el?.textContent).toBe('d');
    checkGrid(t);
  });

  it('rowspan=0 extends to the end of its row group; colspan=0 and junk spans count as 1', () => {
    const [t] = tables(
      extract(`<table><tbody>
        <tr><td rowspan="0">R</td><td colspan="0">x</td></tr>
        <tr><td colspan="-3">y</td></tr><tr><td colspan="abc">z</td></tr></tbody>
        <tbody><tr><td>n1</td><td>n2</td></tr></tbody></table>`),
    );
    expect(texts(t)).toEqual([
      ['R', 'x'],
      ['R', 'y'],
      ['R', 'z'],
      ['n1', 'n2'],
    ]);
    expect(t.grid[0][0].cell.rowSpan).toBe(3);
    checkGrid(t);
  });

  it('a rowspan past the table end is clipped to the rows that exist', () => {
    const [t] = tables(extract('<table><tr><td rowspan="9">a</td><td>b</td></tr><tr><td>c</td></tr></table>'));
    expect([t.rows, t.cols]).toEqual([2, 2]);
    expect(t.grid[0][0].cell.rowSpan).toBe(2);
    checkGrid(t);
  });

  it('puts thead first and tfoot last, marks header cells', () => {
    const [t] = tables(
      extract(
        '<table><tfoot><tr><td>合计</td></tr></tfoot><tbody><tr><td>1</td></tr></tbody><thead><tr><th>项目</th></tr></thead></table>',
      ),
    );
    expect(texts(t).flat()).toEqual(['项目', '1', '合计']);
    expect(t.grid[0][0].cell.isHeader).toBe(true);
    expect(t.grid[1][0].cell.isHeader).toBe(false);
  });

  it('reads the caption and keeps the table element', () => {
    const d = extract('<table id="t"><caption> 表一 <b>收入</b></caption><tr><td>1</td></tr></table>');
    const [t] = tables(d);
    expect(t.caption).toBe('表一 收入');
    expect(t.el?.getAttribute('id')).toBe('t');
  });
});

describe('tables: cell text', () => {
  it('joins several paragraphs with one space; <br> becomes a space; keeps DOM element', () => {
    const [t] = tables(
      extract('<table><tr><td id="c"><p>一般公共</p><p>预算\u3000 拨款</p></td><td>12<br>34</td><td><span>88</span><span>0.81</span></td></tr></table>'),
    );
    expect(texts(t)[0]).toEqual(['一般公共 预算 拨款', '12 34', '880.81']);
    expect(t.grid[0][0].cell.el?.getAttribute('id')).toBe('c');
  });

  it('survives Word/WPS markup: o:p, MsoNormal spans, conditional comments, field codes, residue', () => {
    const html = `<table class="MsoNormalTable"><tr>
      <td><p class="MsoNormal"><span lang="EN-US" style="font-size:9.0pt">1,234.56<o:p></o:p></span></p></td>
      <td><p class="MsoNormal"><!--[if gte mso 9]><xml><w:x>junk</w:x></xml><![endif]--><span>收入</span><o:p>&nbsp;</o:p></p></td>
      <td><p><span style="mso-element:field-begin"></span> PAGEREF _Toc12345 \\h <span style="mso-element:field-separator"></span>3<span style="mso-element:field-end"></span></p></td>
      <td><p>合计 PAGEREF _Toc98765 \\h</p></td>
      <td><p>&lt;![endif]&gt;支出&lt;![if !supportLists]&gt;</p></td>
      <td><p><span style="mso-hide:all">隐藏</span>可见</p></td>
    </tr></table>`;
    const [t] = tables(extract(html));
    expect(texts(t)[0]).toEqual(['1,234.56', '收入', '3', '合计', '支出', '可见']);
  });

  it('an unbalanced field-begin only swallows its own paragraph', () => {
    const d = extract('<p><span style="mso-element:field-begin"></span>TOC code</p><p>正文</p>');
    expect(paras(d).map((p) => p.text)).toEqual(['正文']);
  });

  it('keeps markup-looking text as plain text', () => {
    const [t] = tables(extract('<table><tr><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></table>'));
    expect(t.grid[0][0].cell.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('hidden and non-content elements', () => {
  it('ignores hidden elements, scripts, styles, noscript, template, svg, iframe', () => {
    const d = extract(
      '<p hidden>h1</p><p style="display: none">h2</p><p style="VISIBILITY:hidden">h3</p>' +
        '<p style="mso-hide:all">h4</p><script>var x="s"</script><style>p{}</style><noscript>n</noscript>' +
        '<template><p>t</p></template><svg><text>v</text></svg><iframe>i</iframe><select><option>o</option></select>' +
        '<p>可见<span style="display:none">藏</span>文字</p><p aria-hidden="true">读屏隐藏但可见</p>',
    );
    expect(paras(d).map((p) => p.text)).toEqual(['可见文字', '读屏隐藏但可见']);
  });

  it('drops hidden rows and cells from the grid', () => {
    const [t] = tables(
      extract(
        '<table><tr><td>a</td><td style="display:none">X</td><td>b</td></tr><tr style="display:none"><td>Y</td><td>Y</td></tr><tr><td>c</td><td>d</td></tr></table>',
      ),
    );
    expect(texts(t)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('honours opts.isHidden (e.g. computed style in the browser)', () => {
    const doc = page('<p class="hide">x</p><p>y</p><table><tr><td class="hide">1</td><td>2</td></tr></table>');
    const d = extractDocument(doc, { isHidden: (el) => el.getAttribute('class') === 'hide' });
    expect(paras(d).map((p) => p.text)).toEqual(['y']);
    expect(texts(tables(d)[0])).toEqual([['2']]);
  });

  it('computedHidden sees stylesheet rules on a live document (happy-dom cascade)', () => {
    const w = new Window();
    w.document.write(
      '<html><head><style>.hide{display:none} #v{visibility:hidden}</style></head><body>' +
        '<p class="hide">x</p><p id="v">v</p><p class="ok">y</p><table><tr><td class="hide">1</td><td>2</td></tr></table></body></html>',
    );
    const doc = w.document as unknown as Document;
    expect(paras(extractDocument(doc)).map((p) => p.text)).toEqual(['x', 'v', 'y']);
    const d = extractDocument(doc, { isHidden: computedHidden });
    expect(paras(d).map((p) => p.text)).toEqual(['y']);
    expect(texts(tables(d)[0])).toEqual([['2']]);
    void w.happyDOM.close();
  });

  it('treats a throwing isHidden as visible', () => {
    const d = extractDocument(page('<p>y</p>'), {
      isHidden: () => {
        throw new Error('boom');
      },
    });
    expect(paras(d).map((p) => p.text)).toEqual(['y']);
  });
});

describe('nested tables', () => {
  it('descends into a layout table wrapping the article', () => {
    const d = extract(`<table class="layout"><tr><td>站点横幅</td></tr><tr><td>
        <h2>第二部分</h2><p>收入支出决算总表</p>
        <table id="t1"><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>
        <p>说明文字</p>
        <table id="t2"><tr><td>甲</td><td>乙</td></tr></table>
      </td></tr></table><p>页脚</p>`);
    expect(d.blocks.map((b) => (b.kind === 'table' ? `T:${b.el?.getAttribute('id')}` : b.text))).toEqual([
      '站点横幅',
      '第二部分',
      '收入支出决算总表',
      'T:t1',
      '说明文字',
      'T:t2',
      '页脚',
    ]);
    expect(texts(tables(d)[0])).toEqual([
      ['项目', '金额'],
      ['合计', '1.00'],
    ]);
  });

  it('a data cell holding just a heading does not make the table a layout table', () => {
    const d = extract('<table><tr><td><h4>收入</h4></td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>');
    expect(tables(d)).toHaveLength(1);
    expect(texts(tables(d)[0])[0]).toEqual(['收入', '金额']);
  });

  it('descends into a one-cell layout table holding only paragraphs', () => {
    const d = extract('<table><tr><td><p>一、概况</p><p>二、说明</p></td></tr></table>');
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps a data table with a tiny nested table as one grid (nested text flattened into its cell)', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `<tr><td>项目${i}</td><td>${i}.00</td><td>备注</td></tr>`).join('');
    const d = extract(
      `<table><tr><td>名称</td><td>金额</td><td><table><tr><td>子</td><td>表</td></tr></table></td></tr>${rows}</table>`,
    );
    expect(tables(d)).toHaveLength(1);
    const [t] = tables(d);
    expect([t.rows, t.cols]).toEqual([5, 3]);
    expect(t.grid[0][2].cell.text).toBe('子 表');
    checkGrid(t);
  });

  it('handles layout tables nested several levels deep', () => {
    let html = '<table id="data"><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>';
    for (let i = 0; i < 5; i++) html = `<table><tr><td><p>L${i}</p>${html}</td></tr></table>`;
    const d = extract(html);
    expect(d.blocks.map((b) => (b.kind === 'table' ? 'T' : b.text))).toEqual(['L4', 'L3', 'L2', 'L1', 'L0', 'T']);
  });

  it('hoists content stray inside <table> before it (like browsers do)', () => {
    const d = extract('<table><p>表外文字</p><tr><td>1</td></tr></table>');
    expect(d.blocks.map((b) => (b.kind === 'table' ? 'T' : b.text))).toEqual(['表外文字', 'T']);
  });
});

describe('DOM implementations and roots', () => {
  const html =
    '<h1>标题</h1><p>段落</p><table><tr><td rowspan="2">A</td><td>B</td></tr><tr><td>C</td></tr></table>';
  const summary = (d: ExtractedDocument) =>
    d.blocks.map((b) => (b.kind === 'table' ? texts(b) : b.text));

  it('gives the same result on happy-dom as on linkedom', () => {
    const w = new Window();
    w.document.write(`<!DOCTYPE html><html><head><title>T</title></head><body>${html}</body></html>`);
    const a = extractDocument(w.document as unknown as Document);
    const b = extract(html);
    expect(summary(a)).toEqual(summary(b));
    expect(a.title).toBe('T');
    void w.happyDOM.close();
  });

  it('accepts a DocumentFragment (e.g. template content) as root', () => {
    const doc = page('<template id="t"><p>片段</p><table><tr><td>1</td></tr></table></template>');
    const frag = (doc.getElementById('t') as HTMLTemplateElement).content;
    const d = extractDocument(frag as unknown as Element);
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });

  it('accepts an Element root (only its subtree)', () => {
    const doc = page(`<p>外</p><div id="root">${html}</div>`);
    const d = extractDocument(doc.getElementById('root')!);
    expect(summary(d)[0]).toBe('标题');
    expect(d.blocks).toHaveLength(3);
  });
});

describe('real fixtures', () => {
  const load = (name: string) =>
    extractDocument(parseHTML(readFileSync(`tests/fixtures/${name}.html`, 'utf8')).document);

  it('lukou-2024: banner, nine data tables, footer; 收入支出决算总表 is 33×6', () => {
    const d = load('lukou-2024');
    expect(d.title).toContain('中共株洲市渌口区委办公室2024年度部门决算公开');
    const ts = tables(d);
    expect(ts).toHaveLength(11);
    expect([ts[0].rows, ts[0].cols]).toEqual([1, 2]); // banner
    expect(ts.slice(1, 10).map((t) => t.el?.getAttribute('class'))).toEqual(Array(9).fill('MsoNormalTable'));
    for (const t of ts) checkGrid(t);

    const t1 = ts[1];
    const before = d.blocks[t1.index - 3];
    expect(before.kind === 'paragraph' && before.text).toBe('收入支出决算总表');
    expect([t1.rows, t1.cols]).toEqual([33, 6]);
    expect(texts(t1)[0]).toEqual(['收入', '收入', '收入', '支出', '支出', '支出']);
    expect(copies(t1)[0]).toEqual([0, 1, 1, 0, 1, 1]);
    expect(texts(t1)[3]).toEqual(['一、一般公共预算财政拨款收入', '1', '880.81', '一、一般公共服务支出', '31', '742.39']);
    expect(texts(t1)[29]).toEqual(['本年收入合计', '27', '896.57', '本年支出合计', '57', '896.57']);
    expect(texts(t1)[32]).toEqual(['总计', '30', '896.57', '总计', '60', '896.57']);
    // every real <td> appears exactly once as an origin
    for (const t of ts) {
      const tds = t.el!.querySelectorAll('td,th').length;
      expect(checkGrid(t).origins.filter((c) => c.el).length).toBe(tds);
    }
    const unit = paras(d).find((p) => p.text.startsWith('部门：中共株洲市渌口区委办公室'));
    expect(unit?.text).toBe('部门：中共株洲市渌口区委办公室 单位：万元');
  });

  it('linkedom and happy-dom give identical blocks on both fixtures', async () => {
    const sum = (d: ExtractedDocument) =>
      d.blocks.map((b) => (b.kind === 'table' ? b.grid.map((r) => r.map((x) => (x.isCopy ? '^' : '') + x.cell.text)) : b.text));
    for (const name of ['lukou-2024', 'putuo-2025']) {
      const html = readFileSync(`tests/fixtures/${name}.html`, 'utf8');
      const w = new Window();
      w.document.write(html);
      const a = extractDocument(w.document as unknown as Document);
      const b = extractDocument(parseHTML(html).document);
      expect(sum(a)).toEqual(sum(b));
      expect(a.title).toBe(b.title);
      await w.happyDOM.close();
    }
  });

  it('putuo-2025: ten tables with thead headers; 三公 table has a 3-row merged header', () => {
    const d = load('putuo-2025');
    const ts = tables(d);
    expect(ts).toHaveLength(10);
    for (const t of ts) checkGrid(t);
    const t1 = ts[1];
    expect([t1.rows, t1.cols]).toEqual([30, 4]);
    expect(texts(t1)[2]).toEqual(['一、一般公共预算财政拨款收入', '4,733.14', '一、一般公共服务支出', '0.00']);
    const sg = ts.find((t) => t.grid[0][0].cell.text === '财政拨款“三公”经费')!;
    expect([sg.rows, sg.cols]).toEqual([5, 12]);
    expect(sg.grid[0][0].cell.colSpan).toBe(12);
    expect(texts(sg)[3].slice(0, 4)).toEqual(['预算数', '决算数', '预算数', '决算数']);
    expect(texts(sg)[4].slice(0, 2)).toEqual(['21.00', '16.95']);
    expect(sg.grid[2][0].isCopy).toBe(true);
    expect(sg.grid[2][0].cell).toBe(sg.grid[1][0].cell);
    expect(paras(d).some((p) => p.text === '收入支出决算总表')).toBe(true);
  });
});
