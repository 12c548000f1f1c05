/**
 * Hostile and absurd pages at the core level (issue 6): huge spans, huge and deeply nested tables,
 * malformed markup, markup-looking text, patched prototypes — extraction and the whole check
 * (checkDocument: extract → recognize → rules) must never throw, stay bounded, and report a table
 * it could not read as unrecognised instead of giving it a verdict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { MAX_COLS } from '../../lib/extract/grid';
import type { ExtractedDocument, TableBlock } from '../../lib/extract/types';
import { checkDocument } from '../../lib/index';

const parse = (html: string) => parseHTML(html).document;
const page = (body: string) => parse(`<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`);
const tables = (d: ExtractedDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const lukou = readFileSync('tests/fixtures/lukou-2024.html', 'utf8');

/** Compact invariants: rectangular, every slot inside its origin, each origin once. */
function assertGrid(t: TableBlock) {
  expect(t.grid.length).toBe(t.rows);
  let origins = 0;
  const cells = new Set<unknown>();
  for (let r = 0; r < t.rows; r++) {
    expect(t.grid[r].length).toBe(t.cols);
    for (let c = 0; c < t.cols; c++) {
      const { cell, isCopy } = t.grid[r][c];
      cells.add(cell);
      const inside = r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan;
      if (!inside || isCopy !== (cell.row !== r || cell.col !== c)) throw new Error(`bad slot ${r},${c}`);
      if (!isCopy) origins++;
    }
  }
  expect(origins).toBe(cells.size);
}

/** The lukou page with its 收入支出决算总表 (T1) table replaced through `edit`. */
function lukouWithT1(edit: (tableHtml: string) => string): string {
  const start = lukou.indexOf('<table class="MsoNormalTable"');
  const end = lukou.indexOf('</table>', start) + '</table>'.length;
  return lukou.slice(0, start) + edit(lukou.slice(start, end)) + lukou.slice(end);
}

/** checkDocument never throws; returns the run. */
function check(doc: Document) {
  let run: ReturnType<typeof checkDocument> | undefined;
  expect(() => {
    run = checkDocument(doc);
  }).not.toThrow();
  return run!;
}

describe('absurd spans', () => {
  it('colspan/rowspan of 10000 and 0 stay bounded by the real cells', () => {
    const d = extractDocument(
      page(`<table>
        <tr><td colspan="10000" rowspan="10000">A</td><td colspan="0">B</td></tr>
        <tr><td rowspan="0">C</td><td colspan="99999999999">D</td></tr>
        <tr><td>E</td></tr></table>`),
    );
    const [t] = tables(d);
    assertGrid(t);
    expect(t.rows).toBe(3);
    expect(t.cols).toBeLessThanOrEqual(2 * 5 + 1);
    expect(t.grid[0][0].cell.text).toBe('A');
    expect(t.grid[0][0].cell.rowSpan).toBe(3); // clipped to the rows that exist
    expect(t.clipped).toBeUndefined();
  });

  it('rowspan=0 and colspan=1000 on every cell: bounded grid, reported as clipped', () => {
    const row = `<tr>${'<td rowspan="0" colspan="1000">x</td>'.repeat(150)}</tr>`;
    const d = extractDocument(page(`<table>${row.repeat(150)}</table>`));
    const [t] = tables(d);
    assertGrid(t);
    expect(t.cols).toBeLessThanOrEqual(MAX_COLS);
    expect(t.rows * t.cols).toBeLessThanOrEqual(8 * 150 * 150);
    expect(t.clipped?.droppedCells).toBeGreaterThan(0);
  });
});

describe('huge and deep', () => {
  it('a 200k-cell table: full grid, linear-time extraction', { timeout: 120_000 }, () => {
    const html = `<table>${`<tr>${'<td>1.00</td>'.repeat(100)}</tr>`.repeat(2000)}</table>`;
    const doc = page(html);
    const t0 = performance.now();
    const d = extractDocument(doc);
    const ms = performance.now() - t0;
    const [t] = tables(d);
    expect([t.rows, t.cols]).toEqual([2000, 100]);
    expect(t.clipped).toBeUndefined();
    expect(t.grid[1999][99].cell.text).toBe('1.00');
    // generous: ~0.5 s on a quiet machine; the bound only catches quadratic behaviour
    expect(ms).toBeLessThan(20_000);
  });

  it('a row of 5000 cells is clipped to MAX_COLS and says so', () => {
    const d = extractDocument(page(`<table><tr>${'<td>1</td>'.repeat(5000)}</tr></table>`));
    const [t] = tables(d);
    expect([t.rows, t.cols]).toEqual([1, MAX_COLS]);
    expect(t.clipped).toEqual({ droppedCells: 5000 - MAX_COLS, maxCols: MAX_COLS });
  });

  it('tables nested 50 deep (layout wrappers and data-in-data) neither throw nor blow up', () => {
    let layout = '<table id="inner"><tr><td>项目</td><td>1.00</td></tr><tr><td>合计</td><td>1.00</td></tr></table>';
    for (let i = 0; i < 50; i++) layout = `<table><tr><td><p>L${i}</p>${layout}</td></tr></table>`;
    const d1 = extractDocument(page(layout));
    expect(tables(d1)).toHaveLength(1);
    expect(tables(d1)[0].el?.getAttribute('id')).toBe('inner');
    expect(d1.blocks).toHaveLength(51);

    let data = '深';
    for (let i = 0; i < 50; i++) data = `<table><tr><td>${i}</td><td>${data}</td></tr></table>`;
    const d2 = extractDocument(page(data));
    for (const t of tables(d2)) assertGrid(t);
    // each level has as many nested cells as own cells → layout, down to the innermost grid
    const inner = tables(d2);
    expect(inner).toHaveLength(1);
    expect(inner[0].grid[0].map((s) => s.cell.text)).toEqual(['0', '深']);
  });

  it('DOM nested thousands deep does not overflow the stack', () => {
    const { document } = parseHTML('<html><body></body></html>');
    let el: Element = document.body;
    for (let i = 0; i < 5000; i++) {
      const child = document.createElement(i % 3 === 0 ? 'table' : i % 3 === 1 ? 'tr' : 'td');
      el.appendChild(child);
      el = child;
    }
    el.appendChild(document.createTextNode('底'));
    const d = extractDocument(document);
    expect(d.blocks.length).toBeGreaterThan(0);
  });
});

describe('malformed markup and markup-looking text', () => {
  it('survives broken markup', () => {
    const samples = [
      '<table><tr><td>a<td>b<tr><td>c</table>',
      '</td></tr><td>stray</td><tr><th>x</th></tr></table></table>',
      '<p><table><tr><td><p>in<p>cell</td></tr></p>',
      '<table><table><table><tr><tr><td colspan=2 rowspan=x>q</td>',
      '<div><span><table><caption><table><tr><td>cap</td></tr></table></caption><tr><td>1</td></tr></table>',
      '<!-- unterminated <table><tr><td>x</td>',
      '<![if !supportLists]>1.<![endif]><o:p></o:p><w:Sdt>x</w:Sdt>',
      '<td colspan="3" rowspan="0">orphan cell</td><tr><td>orphan row</td></tr>',
      '<table><tbody><td>no row</td></tbody><tfoot><tfoot><tr><td>f</td></tr></tfoot></table>',
      '\u0000\uFFFF\uD800<table><tr><td>\uDFFF</td></tr></table>',
    ];
    for (const s of samples) {
      const d = extractDocument(page(s));
      for (const t of tables(d)) assertGrid(t);
      for (const b of d.blocks) if (b.kind === 'paragraph') expect(b.text).toBe(b.text.trim());
    }
  });

  it('cell and paragraph texts that look like HTML come out as plain text, never as elements', () => {
    const doc = page(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><table><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>&lt;b&gt;1&lt;/b&gt;</td></tr></table>',
    );
    const d = extractDocument(doc);
    expect(d.blocks[0]).toMatchObject({ kind: 'paragraph', text: '<script>alert(1)</script>' });
    const [t] = tables(d);
    expect(t.grid[0].map((s) => s.cell.text)).toEqual(['<img src=x onerror=alert(1)>', '<b>1</b>']);
    expect(doc.getElementsByTagName('img').length).toBe(0);
    expect(doc.getElementsByTagName('script').length).toBe(0);
  });
});

describe('page-patched prototypes', () => {
  function patched<T>(fn: () => T): T {
    const A = Array.prototype as unknown as Record<string, unknown>;
    const E = (parse('<p></p>').querySelector('p') as Element).constructor.prototype as Record<string, unknown>;
    const names = ['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'flatMap', 'includes', 'indexOf'];
    const saved = names.map((n) => A[n]);
    const savedJson = JSON.stringify;
    const boom = () => {
      throw new Error('patched by the page');
    };
    // Element methods/getters a naive extractor might use: walk up to the prototype that owns them.
    const owned: [Record<string, unknown>, string, PropertyDescriptor][] = [];
    for (const name of ['querySelectorAll', 'querySelector', 'getElementsByTagName', 'innerText', 'innerHTML', 'outerHTML']) {
      let proto: Record<string, unknown> | null = E;
      while (proto && !Object.prototype.hasOwnProperty.call(proto, name)) proto = Object.getPrototypeOf(proto);
      if (!proto) continue;
      owned.push([proto, name, Object.getOwnPropertyDescriptor(proto, name)!]);
      Object.defineProperty(proto, name, { configurable: true, get: boom, set: boom });
    }
    try {
      for (const n of names) A[n] = boom;
      JSON.stringify = boom;
      return fn();
    } finally {
      for (let i = 0; i < names.length; i++) A[names[i]] = saved[i]; // not forEach: it is patched
      JSON.stringify = savedJson;
      for (const [proto, name, desc] of owned) Object.defineProperty(proto, name, desc);
    }
  }

  it('extraction gives the same result when Array/JSON/Element prototypes are sabotaged', () => {
    const doc = parse(lukou);
    const shape = (d: ExtractedDocument) =>
      d.blocks.map((b) => (b.kind === 'table' ? `${b.rows}x${b.cols}:${b.grid[b.rows - 1][b.cols - 1].cell.text}` : b.text));
    const expected = shape(extractDocument(doc));
    const got = patched(() => extractDocument(doc));
    expect(shape(got)).toEqual(expected);
    expect(tables(got)).toHaveLength(11);
  });

  it('checkDocument does not crash when DOM prototypes and JSON are sabotaged', () => {
    const doc = parse(lukou);
    const before = checkDocument(doc);
    const A = Array.prototype as unknown as Record<string, unknown>;
    // Only DOM + JSON here: the rest of the core legitimately uses Array methods, and in the
    // browser the content script's isolated world never sees the page's Array.prototype.
    const keep = ['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'flatMap', 'includes', 'indexOf'].map(
      (n) => [n, A[n]] as const,
    );
    const run = patched(() => {
      for (const [n, f] of keep) A[n] = f;
      return checkDocument(doc);
    });
    expect(Object.keys(run.disclosure.tables).sort()).toEqual(Object.keys(before.disclosure.tables).sort());
    expect(run.findings.length).toBe(before.findings.length);
  });
});

describe('checkDocument on hostile pages', () => {
  it('no exception escapes on any of the hostile pages', () => {
    const pages = [
      '<table><tr><td colspan="10000" rowspan="0">收入支出决算总表</td></tr></table>',
      '<p>收入支出决算总表</p><p>单位：万元</p><table><tr><td rowspan="0" colspan="0">项目</td><td>决算数</td></tr><tr><td>本年收入合计</td><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></table>',
      '<table><table><tr><td>收入决算表<table><tr><td>合计<td>x',
      `<p>支出决算表</p>${'<table><tr><td>'.repeat(50)}合计${'</td></tr></table>'.repeat(50)}`,
    ];
    for (const p of pages) {
      const run = check(page(p));
      expect(Array.isArray(run.findings)).toBe(true);
      // an unreadable T-table never gets an error verdict
      expect(run.findings.filter((f) => f.severity === 'error' && f.cells.length > 0)).toEqual([]);
    }
  });

  it('the real page with hostile spans injected into 收入支出决算总表 still checks without throwing', () => {
    const html = lukouWithT1((t) => t.replace('colspan="3"', 'colspan="10000" rowspan="0"'));
    const run = check(parse(html));
    expect(run.disclosure.tables.T2).toBeDefined();
  });

  it('a disclosure table the extractor had to clip is reported unrecognised, not given a verdict', () => {
    // 5000 extra cells in a last row of T1: the grid is clipped at MAX_COLS columns, while the
    // first six columns still look exactly like a readable T1.
    const html = lukouWithT1((t) => t.replace('</table>', `<tr>${'<td>9.99</td>'.repeat(5000)}</tr></table>`));
    const doc = parse(html);
    const t1 = tables(extractDocument(doc))[1];
    expect(t1.clipped?.droppedCells).toBeGreaterThan(0);
    const run = check(doc);
    expect(run.disclosure.tables.T1).toBeUndefined();
    expect(run.disclosure.unrecognised.some((u) => u.blockIndex === t1.index)).toBe(true);
    expect(run.findings.some((f) => f.cells.some((c) => c.cell.table === "T1"))).toBe(false);
  });

  it('a T1 whose cells are all text is never given a numeric verdict', () => {
    const html = lukouWithT1((t) => t.replace(/>(\d[\d.,]*)</g, '>见附表<'));
    const run = check(parse(html));
    const t1Errors = run.findings.filter((f) => f.severity === 'error' && f.cells.some((c) => c.cell.table === 'T1'));
    expect(t1Errors).toEqual([]);
  });
});
