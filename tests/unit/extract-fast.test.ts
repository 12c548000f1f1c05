/**
 * Extraction fast paths (issue 6): plain cells and plain paragraphs are read with `textContent`
 * instead of being walked node by node, and `[hidden]` comes from one query where the DOM is native. The result must be
 * exactly the walk's. Passing any `isHidden` switches the fast paths off (every element must then be
 * asked), so `isHidden: () => false` is the reference walk on the same DOM. Also: the resumable
 * extraction equals the synchronous one on both real fixtures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { extractDocument, extractDocumentSteps, extractionWork, isNative } from '../../lib/extract';
import { checkDocumentSliced, type Progress } from '../../lib/ext/page-check';
import type { ExtractedDocument } from '../../lib/extract/types';
import { buildGrid, buildGridSteps, type RawRow } from '../../lib/extract/grid';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const FIXTURES = [
  'tests/fixtures/lukou-2024.html',
  'tests/fixtures/putuo-2025.html',
  'tests/fixtures/variants/older-8.html',
  'tests/fixtures/variants/unrelated.html',
];

/** Full result including which element owns each paragraph/cell (by identity, numbered on sight). */
function shape(x: ExtractedDocument, ids: Map<object, number>): string {
  // The holder's own value: JSON.stringify hands the replacer the result of toJSON (linkedom nodes have one).
  return JSON.stringify(x, function (this: Record<string, unknown>, k, v) {
    if (k === 'el') {
      v = this[k];
      if (!v) return null;
      if (!ids.has(v)) ids.set(v, ids.size);
      return `#${ids.get(v)}`;
    }
    return v;
  });
}

// A bound function prints as "[native code]": the way to make linkedom's query look native.
function withNativeLookingQuery(d: Document): { calls: () => number } {
  let calls = 0;
  const own = d.querySelectorAll.bind(d);
  const bound = ((sel: string) => {
    calls++;
    return own(sel);
  }).bind(null);
  // In the prototype chain, where a browser's method lives (an own property is what a named
  // element would be, and is not taken for the method: lib/dom/safe).
  Object.setPrototypeOf(d, Object.create(Object.getPrototypeOf(d) as object, { querySelectorAll: { value: bound, configurable: true } }));
  return { calls: () => calls };
}

const walkOnly = { isHidden: () => false };

function sameAsWalk(d: Document): { fast: string; walk: string } {
  const ids = new Map<object, number>();
  return { fast: shape(extractDocument(d), ids), walk: shape(extractDocument(d, walkOnly), ids) };
}

describe('extraction fast paths = the plain walk', () => {
  for (const f of FIXTURES) {
    it(`on ${f}`, () => {
      const { fast, walk } = sameAsWalk(doc(readFileSync(f, 'utf8')));
      expect(fast).toBe(walk);
      expect(fast.length).toBeGreaterThan(1000);
    });
  }

  it('on hand-made cells that must not take the fast path (hidden, breaks, floats, field codes, nested tables)', () => {
    const html = `<html><body><table>
      <tr><td><p>a</p><p>b</p></td><td>x<br>y</td><td><span hidden>h</span>v</td></tr>
      <tr><td><span style="DISPLAY : none">h</span>v</td><td><span style="float:right">单位</span>部门</td>
          <td><span style="mso-element:field-begin"></span>PAGEREF _Toc1<span style="mso-element:field-separator"></span>3<span style="mso-element:field-end"></span></td></tr>
      <tr><td><table><tr><td>1</td><td>2</td></tr></table></td><td><script>bad()</script>ok</td></tr>
      </table><table><tr><td><h2>标题</h2><p>x</p></td></tr></table><p>a<span>b</span> <b>c<br>d</b></p><div><p>x</p>y</div></body></html>`;
    const d = doc(html);
    const { fast, walk } = sameAsWalk(d);
    expect(fast).toBe(walk);
    const t = extractDocument(d).blocks.find((b) => b.kind === 'table');
    expect(t && t.kind === 'table' && t.grid.map((r) => r.map((s) => s.cell.text))).toEqual([
      ['a b', 'x y', 'v'],
      ['v', '单位 部门', '3'],
      ['1 2', 'ok', ''],
    ]);
  });

  // Random markup from pieces that exercise every branch; the parser repairs the structure.
  const text = fc.constantFrom('', ' ', '1.00', '合计', '\n  ', 'PAGEREF _Toc12 \\h', '<x>', '\u3000');
  const attr = fc.constantFrom(
    '',
    '',
    '',
    ' hidden',
    ' style="display:none"',
    ' style="Visibility: Hidden"',
    ' style="float:right"',
    ' style="float:none"',
    ' style="mso-element:field-begin"',
    ' style="mso-element:field-separator"',
    ' style="mso-element:field-end"',
    ' style="mso-hide:all"',
    ' style="color:red;font-size:9pt"',
    ' style="color:red;font-size:9pt"',
    ' style="DISPLAY:NONE"',
    ' style="Mso-Hide: ALL"',
    ' colspan="2"',
    ' rowspan="3"',
  );
  const tag = fc.constantFrom('p', 'div', 'span', 'span', 'b', 'font', 'o:p', 'h1', 'h3', 'br', 'script', 'td', 'tr', 'table', 'li', 'caption');
  const node: fc.Memo<string> = fc.memo((depth) =>
    depth <= 1
      ? text
      : fc.oneof(
          { weight: 2, arbitrary: text },
          {
            weight: 3,
            arbitrary: fc
              .tuple(tag, attr, fc.array(node(depth - 1), { maxLength: 4 }))
              .map(([t, a, kids]) => (t === 'br' ? `<br${a}>` : `<${t}${a}>${kids.join('')}</${t}>`)),
          },
        ),
  );
  const cellHtml = fc.tuple(fc.constantFrom('td', 'th'), attr, fc.array(node(4), { maxLength: 3 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`);
  // What may sit between cells or rows: the row and row-group fast paths must take or leave each alike.
  const sep = fc.constantFrom('', '', ' ', '\n  ', '<!--c-->', 'x', '<script>s()</script>', '<col>');
  const rowHtml = fc
    .tuple(attr, fc.array(cellHtml, { minLength: 1, maxLength: 4 }), sep)
    .map(([a, cells, between]) => `<tr${a}>${cells.join(between)}</tr>`);
  const section = fc
    .tuple(fc.constantFrom('', '', 'tbody', 'thead', 'tfoot'), attr, fc.array(rowHtml, { minLength: 1, maxLength: 4 }), sep)
    .map(([tag, a, rows, between]) => (tag ? `<${tag}${a}>${rows.join(between)}</${tag}>` : rows.join(between)));
  const page = fc
    .tuple(fc.array(node(4), { maxLength: 3 }), fc.array(section, { minLength: 1, maxLength: 3 }), fc.array(node(4), { maxLength: 3 }))
    .map(([before, sections, after]) => `<html><body>${before.join('')}<table>${sections.join('')}</table>${after.join('')}</body></html>`);

  it('on random markup (property)', () => {
    fc.assert(
      fc.property(page, (html) => {
        const { fast, walk } = sameAsWalk(doc(html));
        expect(fast).toBe(walk);
      }),
      { numRuns: 400 },
    );
  });

  it('native query = the walk on random markup (property)', () => {
    fc.assert(
      fc.property(page, (markup) => {
        const d = doc(markup);
        withNativeLookingQuery(d);
        const { fast, walk } = sameAsWalk(d);
        expect(fast).toBe(walk);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the [hidden] lookup', () => {
  const html = `<html><body><table>
    <tr><td><p><span hidden>h</span>v</p></td><td hidden>x</td><td>1.00</td></tr>
    <tr hidden><td>h</td><td>h</td><td>h</td></tr>
    <tr><td><p>a</p></td><td><p><span>b</span></p></td><td><p hidden>c</p>d</td></tr>
  </table><p>正文<span hidden>隐藏</span>可见</p><div hidden><p>整段隐藏</p></div></body></html>`;

  it("tells the engine's own methods from JavaScript ones (linkedom's query is not native)", () => {
    const d = doc('<html><body><p hidden>x</p></body></html>');
    expect(isNative(d.querySelectorAll)).toBe(false);
    expect(isNative(d.body.querySelectorAll)).toBe(false);
    expect(isNative(Math.max)).toBe(true);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(
      isNative(function querySelectorAll() {
        return '{ [native code] }';
      }),
    ).toBe(false);
    expect(isNative(undefined)).toBe(false);
  });

  it('is not queried in a DOM written in JavaScript (linkedom: each element is asked in the walk)', () => {
    const d = doc(html);
    let calls = 0;
    const own = d.querySelectorAll.bind(d);
    Object.defineProperty(d, 'querySelectorAll', {
      value: function querySelectorAll(sel: string) {
        calls++;
        return own(sel);
      },
      configurable: true,
    });
    const fast = extractDocument(d);
    expect(calls).toBe(0);
    expect(fast.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.grid.map((r) => r.map((c) => c.cell.text).join('|')).join('/')))).toEqual([
      'v|1.00|/a|b|d', // the hidden cell leaves its row a slot short
      '正文可见',
    ]);
  });

  it('is queried once where the query is native, with the same result as the walk', () => {
    const d = doc(html);
    const q = withNativeLookingQuery(d);
    const { fast, walk } = sameAsWalk(d);
    expect(q.calls()).toBe(1);
    expect(fast).toBe(walk);
    expect(fast).not.toContain('隐藏');
  });

});

describe('plain-cell fast path around odd cells = the walk', () => {
  // Many Word-like plain cells, then odd ones: each must leave the fast path or match it exactly.
  const plain = (t: string) => `<td style="border:solid"><p style="text-align:center"><span style="font-size:9.0pt;font-family:宋体">${t}</span></p></td>`;
  const odd = [
    '<td><p><span style="font-size:9.0pt;font-family:宋体" hidden>h</span>v</p></td>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体"><span style="DISPLAY:NONE">h</span>v</span></p></td>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体;Display : None">h</span>v</p></td>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体"><span style="mso-hide:ALL">h</span>v</span></p></td>',
    '<td><p><span>a<br>b</span></p></td>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体">x<o:p></o:p></span><o:p style="display:none">h</o:p></p></td>',
    '<td><p><b>x</b><span style="float:right">单位</span></p></td>',
    '<td colspan="0"><p><span style="font-size:9.0pt;font-family:宋体">a<script>x()</script></span></p></td>',
    '<td rowspan="0"><div><p>a</p><p>b</p></div></td>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体"><table><tr><td>1</td></tr></table></span></p></td>',
    '<th><p><span style="font-size:9.0pt;font-family:宋体">头<span style="visibility:hidden">h</span></span></p></th>',
    '<td><p><span style="font-size:9.0pt;font-family:宋体"><span style="mso-element:field-begin"></span>PAGEREF _Toc1<span style="mso-element:field-end"></span>3</span></p></td>',
  ];
  it('on hand-made Word-like cells', () => {
    const rows: string[] = [];
    for (let r = 0; r < 12; r++) rows.push(`<tr>${plain(String(r))}${odd[r]}${plain('1.00')}</tr>`);
    const d = doc(`<html><body><table>${rows.join('')}</table></body></html>`);
    const { fast, walk } = sameAsWalk(d);
    expect(fast).toBe(walk);
    const t = extractDocument(d).blocks.find((b) => b.kind === 'table');
    const texts = t && t.kind === 'table' ? t.grid.map((r) => r[1].cell.text) : [];
    expect(texts.slice(0, 8)).toEqual(['v', 'v', 'v', 'v', 'a b', 'x', 'x 单位', 'a']);
  });

  it('on rows the row fast path must take or hand back to the walk', () => {
    const rows = [
      `<tr>${plain('1')} <!--c--> ${plain('2')}\n</tr>`,
      `<tr>${plain('1')}<td hidden>h</td><td style="DISPLAY: NONE">h</td>${plain('2')}</tr>`,
      `<tr>${plain('1')}stray${plain('2')}</tr>`,
      `<tr>${plain('1')}<td style="float:left">f</td>${plain('2')}</tr>`,
      `<tr>${plain('1')}<script>x()</script><col>${plain('2')}</tr>`,
      `<tr style="mso-element:field-begin">${plain('1')}${plain('2')}</tr>`,
      `<tr>${plain('1')}<td><p>a</p><p>b</p></td>${plain('2')}</tr>`,
      `<tr hidden>${plain('h')}</tr>`,
      `<tr>${plain('1')}<th colspan="10000" rowspan="0">${'x'}</th>${plain('2')}</tr>`,
    ];
    const html = `<html><body><table><thead><tr><th>头</th>${plain('h')}</tr></thead><tbody>${rows.join('\n')}</tbody><tfoot>${rows[0]}</tfoot></table></body></html>`;
    const d = doc(html);
    const { fast, walk } = sameAsWalk(d);
    expect(fast).toBe(walk);
    const t = extractDocument(d).blocks.find((b) => b.kind === 'table');
    expect(t && t.kind === 'table' && t.grid[0].slice(0, 2).map((s) => s.cell.isHeader)).toEqual([true, true]);
  });
});

describe('extractDocumentSteps = extractDocument on both real fixtures', () => {
  for (const f of ['tests/fixtures/lukou-2024.html', 'tests/fixtures/putuo-2025.html']) {
    it(f, () => {
      const d = doc(readFileSync(f, 'utf8'));
      const steps = extractDocumentSteps(d);
      let r = steps.next();
      let pauses = 0;
      while (!r.done) {
        pauses++;
        r = steps.next();
      }
      const ids = new Map<object, number>();
      expect(shape(r.value, ids)).toBe(shape(extractDocument(d), ids));
      expect(pauses).toBeGreaterThan(0);
    });
  }
});

describe('extraction progress', () => {
  it('the sliced check reports growing extraction progress in cells, up to the native count', async () => {
    const row = `<tr><td>项目</td>${'<td><p><span>1.00</span></p></td>'.repeat(19)}</tr>`;
    const d = doc(`<html><body><p>收入支出决算总表</p><table>${row.repeat(300)}</table></body></html>`);
    expect(extractionWork(d)).toBe(2 * 6000);
    const seen: Progress[] = [];
    let clock = 0;
    await checkDocumentSliced(d, {
      budgetMs: 1,
      now: () => (clock += 1),
      yieldTo: async () => {},
      onProgress: (p) => {
        if (p.stage === 'extract') seen.push(p);
      },
    });
    expect(seen[0]).toEqual({ stage: 'extract', done: 0, total: 12000 });
    const done = seen.map((p) => p.done);
    expect(done.length).toBeGreaterThan(5);
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1]);
    // Past the walk (6000 cells) into reading the cell texts, never beyond the total.
    expect(Math.max(...done)).toBeGreaterThan(6000);
    expect(Math.max(...done)).toBeLessThanOrEqual(12000);
  });
});

describe('buildGridSteps', () => {
  it('pauses inside one big grid and gives buildGrid\'s result', () => {
    const rows: RawRow[] = [];
    for (let r = 0; r < 400; r++) {
      const cells = [];
      for (let c = 0; c < 60; c++) {
        // A few spans so the active-span bookkeeping runs across pauses too.
        const span = c % 17 === 0 ? 2 : NaN;
        cells.push({ el: null as unknown as Element, text: `${r}.${c}`, isHeader: r === 0, colSpan: span, rowSpan: r % 5 === 0 && c % 13 === 0 ? 3 : NaN });
      }
      rows.push({ cells, group: r < 2 ? 0 : 1 });
    }
    const steps = buildGridSteps(rows);
    let r = steps.next();
    let pauses = 0;
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(3);
    const plain = buildGrid(rows);
    const cellsOf = (g: typeof plain) => g.grid.map((row) => row.map((s) => `${s.cell.text}@${s.cell.row},${s.cell.col}/${s.cell.rowSpan}x${s.cell.colSpan}${s.isCopy ? '*' : ''}`).join('|')).join('\n');
    expect(cellsOf(r.value)).toBe(cellsOf(plain));
    expect([r.value.rows, r.value.cols]).toEqual([plain.rows, plain.cols]);
  });
});
