import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { buildGrid, MAX_COLS, MIN_SLOTS, SANE_COLS, SLOTS_PER_CELL, type RawRow } from '../../lib/extract/grid';
import type { ExtractedDocument, GridSlot, SourceCell, TableBlock } from '../../lib/extract/types';

/** Every invariant a resolved grid must satisfy; returns the origins (non-copy slots). */
function assertGrid(g: { grid: GridSlot[][]; rows: number; cols: number }): SourceCell[] {
  expect(g.grid.length).toBe(g.rows);
  const seen = new Map<SourceCell, number>();
  const all = new Set<SourceCell>();
  for (let r = 0; r < g.rows; r++) {
    const row = g.grid[r];
    expect(row.length).toBe(g.cols);
    for (let c = 0; c < g.cols; c++) {
      const { cell, isCopy } = row[c];
      all.add(cell);
      // the slot lies in its origin's rectangle; the origin slot is the only non-copy one
      if (!(r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan)) {
        throw new Error(`slot ${r},${c} outside its origin ${cell.row},${cell.col} ${cell.rowSpan}x${cell.colSpan}`);
      }
      if (isCopy !== !(cell.row === r && cell.col === c)) throw new Error(`bad isCopy at ${r},${c}`);
      if (!isCopy) seen.set(cell, (seen.get(cell) ?? 0) + 1);
    }
  }
  // each distinct cell in the grid is an origin exactly once: nothing can be counted twice
  if (seen.size !== all.size) throw new Error(`${all.size} cells but ${seen.size} origins`);
  for (const n of Array.from(seen.values())) if (n !== 1) throw new Error('origin appears twice');
  // spans cover exactly the slots that point at the cell (rectangles, no holes)
  for (const cell of Array.from(seen.keys())) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        if (g.grid[r]?.[c]?.cell !== cell) throw new Error(`hole in span of ${cell.row},${cell.col}`);
  }
  return Array.from(seen.keys());
}

const spanValue = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NaN) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2000, 10000, 70000) },
);

const rawRows = fc
  .array(
    fc.record({
      cells: fc.array(
        fc.record({ colSpan: spanValue, rowSpan: spanValue, text: fc.string({ maxLength: 3 }), isHeader: fc.boolean() }),
        { maxLength: 8 },
      ),
      newGroup: fc.boolean(),
    }),
    { maxLength: 14 },
  )
  .map((rows) => {
    let g = 0;
    return rows.map((r, i): RawRow => {
      if (i > 0 && r.newGroup) g++;
      return { group: g, cells: r.cells.map((c) => ({ ...c, el: null })) };
    });
  });

describe('buildGrid (property)', () => {
  it('every slot has exactly one origin; origins are never double counted; size is bounded', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        const res = buildGrid(rows);
        const origins = assertGrid(res);
        const real = rows.reduce((n, r) => n + r.cells.length, 0);
        expect(res.rows).toBe(rows.length);
        const dropped = res.clipped?.droppedCells ?? 0;
        // compression: absurd widths keep only boundaries some cell starts or ends at
        expect(res.cols).toBeLessThanOrEqual(Math.max(SANE_COLS, 2 * real + 1));
        expect(res.cols).toBeLessThanOrEqual(MAX_COLS);
        if (real === 0) expect(origins).toHaveLength(0);
        expect(res.rows * res.cols).toBeLessThanOrEqual(Math.max(MIN_SLOTS, SLOTS_PER_CELL * real));
        // rowspans never leave their row group
        for (const c of origins) {
          expect(rows[c.row + c.rowSpan - 1].group).toBe(rows[c.row].group);
        }
        // tiny inputs are never clipped
        if (real <= 64) expect(dropped).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('places every real cell exactly once when nothing is clipped', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        // tag each input cell so it can be found in the output
        let id = 0;
        const tagged = rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: `#${id++}` })) }));
        const res = buildGrid(tagged);
        const origins = assertGrid(res).filter((c) => c.text.startsWith('#'));
        expect(origins.map((c) => c.text).sort()).toEqual(
          tagged.flatMap((r) => r.cells.map((c) => c.text)).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Textbook dense layout (HTML table algorithm; a colspan stops at a slot taken from above). */
function naiveLayout(rows: RawRow[]): string[][] {
  const R = rows.length;
  const occ: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let end = r;
    while (end + 1 < R && rows[end + 1].group === row.group) end++;
    let c = 0;
    for (const cell of row.cells) {
      while (occ[r][c] !== undefined) c++;
      let cs = cell.colSpan >= 1 ? cell.colSpan : 1;
      const rs = cell.rowSpan === 0 ? end - r + 1 : cell.rowSpan >= 1 ? Math.min(cell.rowSpan, end - r + 1) : 1;
      for (let k = 1; k < cs; k++) if (occ[r][c + k] !== undefined) cs = k;
      for (let rr = r; rr < r + rs; rr++) for (let k = 0; k < cs; k++) occ[rr][c + k] = cell.text;
      c += cs;
    }
  });
  const width = Math.max(0, ...occ.map((o) => o.length));
  return occ.map((o) => Array.from({ length: width }, (_, c) => o[c] ?? ''));
}

describe('buildGrid against a textbook dense layout (property)', () => {
  it('sane spans give exactly the browser layout (no compression, no clipping)', () => {
    const small = fc.oneof(fc.constant(NaN), fc.constant(0), fc.integer({ min: 1, max: 4 }));
    const rows = fc
      .array(fc.record({ n: fc.array(fc.record({ colSpan: small, rowSpan: small }), { maxLength: 6 }), newGroup: fc.boolean() }), {
        maxLength: 10,
      })
      .map((rs) => {
        let g = 0;
        let id = 0;
        return rs.map((r, i): RawRow => {
          if (i > 0 && r.newGroup) g++;
          return { group: g, cells: r.n.map((c) => ({ ...c, text: `#${id++}`, el: null, isHeader: false })) };
        });
      });
    fc.assert(
      fc.property(rows, (rr) => {
        const res = buildGrid(rr);
        expect(res.clipped).toBeUndefined();
        expect(res.grid.map((row) => row.map((s) => s.cell.text))).toEqual(naiveLayout(rr));
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random documents.

const TAGS = [
  'div', 'p', 'span', 'b', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'br', 'li', 'ul',
  'h1', 'h2', 'script', 'style', 'o:p', 'font', 'center', 'colgroup', 'form', 'blockquote', 'a', 'template',
];
const ATTRS: [string, string[]][] = [
  ['colspan', ['0', '1', '2', '3', '-1', '10000', 'x', '2.5', ' 2']],
  ['rowspan', ['0', '1', '2', '3', '-5', '70000', '', 'abc']],
  ['style', ['display:none', 'visibility: hidden', 'mso-hide:all', 'mso-element:field-begin', 'mso-element:field-separator', 'mso-element:field-end', 'float:right', 'color:red']],
  ['hidden', ['']],
  ['class', ['MsoNormal', 'x']],
  ['aria-hidden', ['true']],
];
const TEXTS = ['', ' ', '\u00a0', '\u3000', '1,234.56', '合计', '<img src=x onerror=alert(1)>', 'PAGEREF _Toc1 \\h', '<![endif]>', '&', '\u200b'];

type Tree = { tag: string; attrs: [string, string][]; kids: (Tree | string)[] };

const textArb = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 }));
const attrArb = fc
  .constantFrom(...ATTRS)
  .chain(([name, values]) => fc.constantFrom(...values).map((v): [string, string] => [name, v]));
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; node: Tree | string }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(attrArb, { maxLength: 2 }),
    kids: fc.array(tie('node'), { maxLength: 5 }),
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, textArb, tie('tree')),
})).tree;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function toHtml(t: Tree | string): string {
  if (typeof t === 'string') return esc(t);
  const attrs = t.attrs.map(([k, v]) => ` ${k}="${esc(v).replace(/"/g, '&quot;')}"`).join('');
  return `<${t.tag}${attrs}>${t.kids.map(toHtml).join('')}</${t.tag}>`;
}
/** Build with DOM calls: produces structures a parser never would (td in p, tr in span …). */
function toDom(doc: Document, t: Tree | string): Node {
  if (typeof t === 'string') return doc.createTextNode(t);
  const el = doc.createElement(t.tag);
  for (const [k, v] of t.attrs) el.setAttribute(k, v);
  for (const k of t.kids) el.appendChild(toDom(doc, k));
  return el;
}

function assertDocument(d: ExtractedDocument) {
  expect(typeof d.title).toBe('string');
  d.blocks.forEach((b, i) => {
    expect(b.index).toBe(i);
    if (b.kind === 'paragraph') {
      expect(b.text.length).toBeGreaterThan(0);
      expect(b.text).toBe(b.text.trim());
      expect(b.text).not.toMatch(/\s\s|[\u00a0\u3000]/);
    } else {
      assertGrid(b as TableBlock);
      for (const row of b.grid) for (const s of row) expect(s.cell.text).not.toMatch(/^\s|\s$|\s\s/);
    }
  });
}

describe('extractDocument on random documents (property)', () => {
  it('never throws, keeps every invariant and terminates quickly (parsed HTML)', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 4 }), (trees) => {
        const html = `<!DOCTYPE html><html><head><title>t</title></head><body>${trees.map(toHtml).join('')}</body></html>`;
        const { document } = parseHTML(html);
        const t0 = performance.now();
        const d = extractDocument(document);
        expect(performance.now() - t0).toBeLessThan(500);
        assertDocument(d);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on DOM built by hand (structures no parser produces)', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
    fc.assert(
      fc.property(treeArb, fc.boolean(), (tree, asRoot) => {
        const body = document.body;
        while (body.firstChild) body.removeChild(body.firstChild);
        const node = toDom(document, tree);
        body.appendChild(node);
        const d = extractDocument(asRoot && node.nodeType === 1 ? (node as Element) : document);
        assertDocument(d);
      }),
      { numRuns: 300 },
    );
  });

  it('text survives: every visible plain word in a flat document is extracted once', () => {
    const word = fc.stringMatching(/^[a-z]{3,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('p', 'div', 'li', 'h2', 'td'), word), { minLength: 1, maxLength: 10 }), (items) => {
        const body = items
          .map(([tag, w]) => (tag === 'td' ? `<table><tr><td>${w}</td></tr></table>` : `<${tag}>${w}</${tag}>`))
          .join('');
        const d = extractDocument(parseHTML(`<html><body>${body}</body></html>`).document);
        const got = d.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.grid[0][0].cell.text));
        expect(got).toEqual(items.map(([, w]) => w));
      }),
      { numRuns: 200 },
    );
  });
});
