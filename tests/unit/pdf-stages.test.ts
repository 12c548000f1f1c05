/** Unit tests of each stage of the PDF reader (lib/extract/pdf), on synthetic input. */
import { describe, expect, it } from 'vitest';
import { readOps, rectOf, IDENTITY, type OpCodes } from '../../lib/extract/pdf/ops';
import { mergeEdges } from '../../lib/extract/pdf/lines';
import { buildLattice, findLattices } from '../../lib/extract/pdf/lattice';
import { splitPiece, toPiece } from '../../lib/extract/pdf/pieces';
import { groupLines, groupParagraphs, joinPieces, lineJoin, margins, stripLeaders } from '../../lib/extract/pdf/textlines';
import { dropFurniture, isPageNumber } from '../../lib/extract/pdf/running';
import { appendTable, repeatedHeaderRows, sameColumns } from '../../lib/extract/pdf/continuation';
import { fillLattice } from '../../lib/extract/pdf/cells';
import { textProblem, textStats } from '../../lib/extract/pdf/problems';
import { DEFAULT_SETTINGS as S } from '../../lib/extract/pdf/settings';
import type { Edge, Piece } from '../../lib/extract/pdf/types';

const OPS: OpCodes = {
  save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  setFillRGBColor: 59, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25,
  closeFillStroke: 26, closeEOFillStroke: 27, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83,
};
const rect = (x: number, y: number, w: number, h: number) => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
const path = (paint: number, data: number[]) => ({ fn: OPS.constructPath, args: [paint, [new Float32Array(data)], null] });
function run(ops: { fn: number; args: unknown }[]) {
  return readOps(ops.map((o) => o.fn), ops.map((o) => o.args), OPS, IDENTITY, 600 * 800, S);
}
const h = (pos: number, from: number, to: number): Edge => ({ dir: 'h', pos, from, to });
const v = (pos: number, from: number, to: number): Edge => ({ dir: 'v', pos, from, to });
const piece = (str: string, x0: number, x1: number, baseline: number, size = 12, page = 1): Piece => ({
  str, x0, x1, top: baseline - size * 0.86, bottom: baseline + size * 0.14, baseline, size, font: 'f', page,
});

describe('ops: operator list → edges', () => {
  it('a thin filled rectangle is a rule along its long side (WPS, Chromium)', () => {
    const r = run([path(OPS.fill, rect(10, 100, 200, 0.5)), path(OPS.eoFill, rect(50, 20, 0.96, 80))]);
    expect(r.edges).toHaveLength(2);
    expect(r.edges[0]).toEqual(h(100.25, 10, 210));
    expect(r.edges[1]).toMatchObject({ dir: 'v', from: 20, to: 100 });
    expect(r.edges[1].pos).toBeCloseTo(50.48);
  });
  it('a clipping path (ended without paint) is not a line', () => {
    expect(run([path(0, rect(10, 10, 100, 20))]).edges).toEqual([]);
  });
  it('a stroked segment is an edge; a slanted one is not; the CTM applies', () => {
    const r = run([{ fn: OPS.save, args: null }, { fn: OPS.transform, args: [1, 0, 0, 1, 5, 5] }, path(OPS.stroke, [0, 0, 0, 1, 100, 0, 0, 0, 0, 1, 50, 50]), { fn: OPS.restore, args: null }, path(OPS.stroke, [0, 0, 0, 1, 0, 50])]);
    expect(r.edges).toEqual([h(5, 5, 105), v(0, 0, 50)]);
  });
  it('a big filled rectangle gives four sides unless white (a page background)', () => {
    expect(run([path(OPS.fill, rect(0, 0, 100, 50))]).edges).toHaveLength(4);
    expect(run([{ fn: OPS.setFillRGBColor, args: ['#ffffff'] }, path(OPS.fill, rect(0, 0, 100, 50))]).edges).toHaveLength(0);
  });
  it('images: count and page cover', () => {
    const r = run([{ fn: OPS.transform, args: [600, 0, 0, 800, 0, 0] }, { fn: OPS.paintImageXObject, args: ['img', 1, 1] }]);
    expect(r.images).toBe(1);
    expect(r.imageCover).toBeCloseTo(1);
  });
  it('rectOf accepts only axis-aligned rectangles', () => {
    expect(rectOf([[0, 0], [10, 0], [10, 5], [0, 5]])).toEqual({ x0: 0, y0: 0, x1: 10, y1: 5 });
    expect(rectOf([[0, 0], [10, 1], [10, 5], [0, 5]])).toBeNull();
  });
});

describe('lines: snap and join', () => {
  it('snaps near positions and joins collinear pieces with small gaps', () => {
    const { h: hs, v: vs } = mergeEdges([h(100, 0, 50), h(100.8, 51, 120), h(140, 0, 120), v(0, 100, 140), v(1, 140, 141)], S);
    expect(hs).toHaveLength(2);
    expect(hs[0].from).toBe(0);
    expect(hs[0].to).toBe(120);
    expect(vs).toHaveLength(1); // the 1 pt stub is shorter than minLength
  });
});

describe('lattice: lines → grid with merged cells', () => {
  // 3 rows × 4 cols; the first row has no interior vertical lines (a header merged over four columns).
  const xs = [0, 50, 100, 150, 200];
  const ys = [0, 20, 40, 60];
  const lines = {
    h: ys.map((y) => h(y, 0, 200)),
    v: [v(0, 0, 60), v(200, 0, 60), ...xs.slice(1, -1).map((x) => v(x, 20, 60))],
  };
  it('a missing interior line is a merged cell', () => {
    const lat = buildLattice(lines.h, lines.v, S)!;
    expect(lat.xs).toEqual(xs);
    expect(lat.cells[0]).toMatchObject({ row: 0, col: 0, colSpan: 4, rowSpan: 1 });
    expect(lat.cells).toHaveLength(1 + 8);
  });
  it('a vertical merge: the line under a cell missing', () => {
    const lat = buildLattice([h(0, 0, 100), h(20, 50, 100), h(40, 0, 100)], [v(0, 0, 40), v(50, 0, 40), v(100, 0, 40)], S)!;
    expect(lat.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 2, colSpan: 1 });
    expect(lat.cells).toHaveLength(3);
  });
  it('tables apart on the page are separate; a lone frame is not a table', () => {
    const far = { h: [h(300, 0, 100), h(320, 0, 100)], v: [v(0, 300, 320), v(100, 300, 320)] };
    expect(findLattices([...lines.h, ...far.h], [...lines.v, ...far.v], S)).toHaveLength(1);
  });
  it('text is placed by centre and an item across two cells is split', () => {
    const lat = buildLattice(lines.h, lines.v, S)!;
    const { table, rest } = fillLattice(lat, 1, [piece('合并表头', 60, 108, 14), piece('项目合计', 10, 90, 34), piece('页外', 10, 40, 300)]);
    expect(rest.map((p) => p.str)).toEqual(['页外']);
    const texts = table.cells.map((c) => c.pieces.map((p) => p.str).join(''));
    expect(texts[0]).toBe('合并表头');
    expect(texts[1]).toBe('项目');
    expect(texts[2]).toBe('合计');
  });
});

describe('pieces', () => {
  it('toPiece maps a PDF text item to a top-left box; blanks are dropped', () => {
    const view = [1, 0, 0, -1, 0, 800];
    const p = toPiece({ str: '2024', transform: [12, 0, 0, 12, 100, 700], width: 24, height: 12 }, view as never, 3)!;
    expect(p).toMatchObject({ x0: 100, x1: 124, baseline: 100, size: 12, page: 3 });
    expect(toPiece({ str: ' ', transform: [12, 0, 0, 12, 0, 0], width: 8760, height: 12 }, view as never, 1)).toBeNull();
  });
  it('splitPiece cuts by character weights (CJK full, digits half)', () => {
    const parts = splitPiece(piece('合计12', 0, 36, 10), [24]);
    expect(parts.map((p) => p.str)).toEqual(['合计', '12']);
    expect(parts[1].x0).toBeCloseTo(24);
  });
});

describe('textlines', () => {
  it('digits set 3–6 pt off the Chinese baseline stay on their line', () => {
    const lines = groupLines([piece('收入合计', 0, 48, 100), piece('2946.25', 48, 87, 105), piece('万元。', 87, 123, 100), piece('下一行', 0, 36, 114)], S);
    expect(lines.map((l) => joinPieces(l.pieces))).toEqual(['收入合计2946.25万元。', '下一行']);
  });
  it('CJK lines join without a space, Latin with one', () => {
    expect(lineJoin('收入', '合计')).toBe('');
    expect(lineJoin('total', 'income')).toBe(' ');
    expect(lineJoin('1,234.', '56')).toBe('');
  });
  it('paragraphs: indent, gap, short line; a sentence broken after "：" continues', () => {
    const lines = groupLines([
      piece('一、标题', 24, 72, 100),
      piece('正文第一行正文第一行正文第一行正文第一行', 24, 264, 114),
      piece('续行', 0, 24, 128),
      piece('主要原因：', 0, 60, 156),
      piece('人员变化。', 0, 60, 184),
    ], S);
    const m = { left: 0, right: 264, size: 12 };
    const paras = groupParagraphs(lines, m, S);
    expect(paras.map((p) => p.lines.map((l) => joinPieces(l.pieces)).join(''))).toEqual(['一、标题', '正文第一行正文第一行正文第一行正文第一行续行', '主要原因：人员变化。']);
    expect(margins(lines).left).toBe(0);
  });
  it('table-of-contents leaders and page numbers go', () => {
    expect(stripLeaders('一、部门主要职能 ………………………… 3')).toBe('一、部门主要职能');
    expect(stripLeaders('二、机构设置........12')).toBe('二、机构设置');
    expect(stripLeaders('2024年度收入支出总计2995.39万元')).toBe('2024年度收入支出总计2995.39万元');
  });
});

describe('running headers and page numbers', () => {
  it('page numbers in every common form', () => {
    for (const t of ['3', '- 3 -', '第 3 页', '第3页 共25页', '3/25', 'Page 3 of 25']) expect(isPageNumber(t)).toBe(true);
    expect(isPageNumber('2024年')).toBe(false);
  });
  it('text repeated in the page band is dropped, body text kept', () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      page: n,
      height: 800,
      lines: groupLines([piece(`12/7/26, 9:4${n} AM 部门决算`, 10, 150, 20, 8, n), piece('正文', 10, 34, 400, 12, n), piece(String(n), 300, 306, 780, 10, n)], S),
    }));
    expect(dropFurniture(pages, S)).toBe(8);
    expect(pages.every((p) => p.lines.length === 1 && joinPieces(p.lines[0].pieces) === '正文')).toBe(true);
  });
});

describe('continuation over pages', () => {
  const mk = (page: number, rows: string[][]) => {
    const xs = [0, 50, 100];
    const ys = rows.map((_, i) => i * 20).concat(rows.length * 20);
    const lat = buildLattice(ys.map((y) => h(y, 0, 100)), xs.map((x) => v(x, 0, ys[ys.length - 1])), S)!;
    const pieces = rows.flatMap((r, i) => r.map((t, k) => piece(t, xs[k] + 5, xs[k] + 5 + 6 * t.length, i * 20 + 14, 12, page)).filter((p) => p.str));
    return fillLattice(lat, page, pieces).table;
  };
  it('a repeated header is dropped; rows keep their order', () => {
    const a = mk(1, [['项目', '金额'], ['a', '1']]);
    const b = mk(2, [['项目', '金额'], ['b', '2']]);
    expect(sameColumns(a.xs, b.xs, S.columnMatch)).toBe(true);
    expect(repeatedHeaderRows(a, b)).toBe(1);
    appendTable(a, b);
    expect(a.rows).toBe(3);
    expect(a.lastPage).toBe(2);
    expect(a.cells.filter((c) => c.row === 2).map((c) => c.pieces.map((p) => p.str).join(''))).toEqual(['b', '2']);
  });
  it('without a repeated header every row is kept; an empty seam row goes', () => {
    const a = mk(1, [['项目', '金额'], ['a', '1'], ['', '']]);
    const b = mk(2, [['b', '2']]);
    appendTable(a, b);
    expect(a.rows).toBe(3);
  });
});

describe('problems', () => {
  it('garbled text, scanned pages, no text', () => {
    expect(textProblem(textStats(['\ue001\ue002\ue003', '收入']), [], S)?.kind).toBe('garbled');
    expect(textProblem(textStats(['ĀāĂăĄąĆćĈĉ']), [], S)?.kind).toBe('garbled');
    expect(textProblem(textStats([]), [{ chars: 0, images: 1, imageCover: 0.9 }], S)?.kind).toBe('scanned');
    expect(textProblem(textStats([]), [{ chars: 0, images: 0, imageCover: 0 }], S)?.kind).toBe('no-text');
    expect(textProblem(textStats(['收入支出决算总表 2,940.05']), [{ chars: 20, images: 0, imageCover: 0 }], S)).toBeNull();
  });
});
