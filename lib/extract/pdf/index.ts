/**
 * PDF → the same DOM of blocks the HTML path reads (issue 17 part 1).
 *
 *   pdf.js text items + operator list per page
 *     → pieces (pieces.ts) and edges (ops.ts)
 *     → snapped lines (lines.ts) → table grids (lattice.ts) → cells filled with text (cells.ts)
 *     → the rest: text lines (textlines.ts) → page furniture dropped (running.ts) → paragraphs
 *     → tables continued over pages joined (continuation.ts)
 *     → DOM with data-page / data-box on every cell and word (dom.ts)
 *
 * Runs in Node (linkedom document, pdf.js legacy build) and in an extension page (the browser's
 * document). pdf.js is loaded here only when the caller does not pass it; never import this
 * module from the content script.
 */
import { buildDom } from './dom';
import { continues, appendTable } from './continuation';
import { fillLattice } from './cells';
import { findLattices } from './lattice';
import { mergeEdges } from './lines';
import { readOps, type Matrix, type OpCodes } from './ops';
import { toPiece, type TextItemLike } from './pieces';
import { PROBLEMS, textProblem, textStats, type PageStats, type Problem } from './problems';
import { dropFurniture, type PageLines } from './running';
import { DEFAULT_SETTINGS, type PdfSettings } from './settings';
import { findStreamTables } from './stream';
import { groupLines, groupParagraphs, hasLeaders, linePitch, margins, stripLeaders } from './textlines';
import type { Flow, PdfTable, Piece } from './types';

export type { Problem, ProblemKind } from './problems';
export { DEFAULT_SETTINGS, type PdfSettings } from './settings';

type PdfJs = typeof import('pdfjs-dist');

export interface PdfOptions {
  document: Document;
  /** Folder of pdf.js's packed cMaps (ending in '/'): without them non-embedded CJK fonts give no text. */
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /** The pdf.js module to use; by default the legacy build is imported. */
  pdfjs?: PdfJs;
  settings?: Partial<PdfSettings>;
  /** Called after each page is read (pages done, total). */
  onPage?: (done: number, total: number) => void;
}

export interface PdfResult {
  /** A <body> holding the blocks (h1/p paragraphs, tables), every cell and word with data-page/data-box. */
  root: Element;
  /** Displayed size of each page in PDF points (rotation applied). */
  pages: { width: number; height: number }[];
  problem: Problem | null;
}

async function loadPdfjs(given?: PdfJs): Promise<PdfJs> {
  if (given) return given;
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}

function classifyLoadError(err: unknown): Problem {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return PROBLEMS.encrypted;
  return PROBLEMS.corrupt;
}

interface PageRead {
  page: number;
  width: number;
  height: number;
  tables: PdfTable[];
  lines: PageLines;
  stats: PageStats;
}

export async function pdfToDocument(data: Uint8Array, opts: PdfOptions): Promise<PdfResult> {
  const s: PdfSettings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const doc = opts.document;
  const empty = (problem: Problem | null): PdfResult => ({ root: doc.createElement('body'), pages: [], problem });
  const pdfjs = await loadPdfjs(opts.pdfjs);
  let pdf: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(data),
    cMapUrl: opts.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: opts.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    pdf = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return empty(classifyLoadError(err));
  }
  const OPS = pdfjs.OPS as unknown as OpCodes;
  const reads: PageRead[] = [];
  const strings: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      let page;
      try {
        page = await pdf.getPage(n);
      } catch {
        return empty(PROBLEMS.corrupt);
      }
      const vp = page.getViewport({ scale: 1 });
      const view = vp.transform as Matrix;
      const [tc, ol] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const pieces: Piece[] = [];
      for (const it of tc.items) {
        if (!('str' in it)) continue;
        const p = toPiece(it as TextItemLike, view, n);
        if (p) {
          pieces.push(p);
          strings.push(p.str);
        }
      }
      const ops = readOps(ol.fnArray, ol.argsArray, OPS, view, vp.width * vp.height, s);
      reads.push(readPage(n, vp.width, vp.height, pieces, ops.edges, { chars: pieces.reduce((a, p) => a + p.str.length, 0), images: ops.images, imageCover: ops.imageCover }, s));
      page.cleanup();
      opts.onPage?.(n, pdf.numPages);
    }
  } catch (err) {
    await pdf.destroy().catch(() => undefined);
    return empty(classifyLoadError(err));
  }
  await pdf.destroy().catch(() => undefined);
  const pages = reads.map((r) => ({ width: r.width, height: r.height }));
  const problem = textProblem(textStats(strings), reads.map((r) => r.stats), s);
  if (problem) return { root: doc.createElement('body'), pages, problem };
  return { root: buildDom(doc, assemble(reads, s), s), pages, problem: null };
}

/** One page: tables from ruling lines, the remaining text as lines. */
export function readPage(page: number, width: number, height: number, pieces: Piece[], edges: import('./types').Edge[], stats: PageStats, s: PdfSettings): PageRead {
  const { h, v } = mergeEdges(edges, s);
  const tables: PdfTable[] = [];
  let rest = pieces;
  for (const lat of findLattices(h, v, s)) {
    const r = fillLattice(lat, page, rest);
    rest = r.rest;
    // A frame with no text in it (a box around a blank area) is not a table.
    if (r.table.cells.some((c) => c.pieces.length > 0)) tables.push(r.table);
    else rest = rest.concat(...r.table.cells.map((c) => c.pieces));
  }
  const lines = groupLines(rest, s);
  return { page, width, height, tables, lines: { page, height, lines }, stats };
}

/** Pages → flow of blocks: furniture dropped, stream tables found, paragraphs built, continued tables joined. */
export function assemble(reads: PageRead[], s: PdfSettings): Flow[] {
  dropFurniture(reads.map((r) => r.lines), s);
  const bodySize = bodyTextSize(reads);
  const pitch = linePitch(reads.map((r) => r.lines.lines));
  const flow: Flow[] = [];
  for (const r of reads) {
    const items: Flow[] = r.tables.map((t) => ({ kind: 'table' as const, table: t, top: t.box.y0 }));
    const unleadered = r.lines.lines
      .map((l) => (hasLeaders(l.pieces.map((p) => p.str).join('')) ? stripLineLeaders(l) : l))
      .filter((l) => l.pieces.length > 0);
    const stream = findStreamTables(unleadered, r.page, s);
    for (const t of stream.tables) items.push({ kind: 'table', table: t, top: t.box.y0 });
    const lines = stream.rest;
    const m = margins(lines);
    for (const para of groupParagraphs(lines, m, s, bodySize, pitch)) items.push({ kind: 'paragraph', para, top: para.lines[0].top });
    items.sort((a, b) => a.top - b.top);
    for (const it of items) {
      const last = flow[flow.length - 1];
      if (it === items[0] && last && last.kind === 'table' && it.kind === 'table' && continues(last.table, it.table, s)) {
        appendTable(last.table, it.table);
        continue;
      }
      // A paragraph running over the page break: the page's first line is not indented and the
      // previous page's last line reached the right margin.
      if (it === items[0] && last && last.kind === 'paragraph' && it.kind === 'paragraph' && !it.para.heading && !last.para.heading && last.para.page === r.page - 1 && last.para.lines[last.para.lines.length - 1].full && !(it.para.lines[0].indented ?? false)) {
        last.para.lines.push(...it.para.lines);
        continue;
      }
      flow.push(it);
    }
  }
  return flow;
}

/** The most common font size of the document's text (by characters): the body size. */
function bodyTextSize(reads: readonly PageRead[]): number {
  const sizes = new Map<number, number>();
  for (const r of reads) for (const l of r.lines.lines) for (const p of l.pieces) sizes.set(Math.round(p.size * 2) / 2, (sizes.get(Math.round(p.size * 2) / 2) ?? 0) + p.str.length);
  let best = 12, n = -1;
  for (const [size, count] of sizes) {
    if (count > n) {
      best = size;
      n = count;
    }
  }
  return best;
}

/** A table-of-contents line keeps its entry text; the leader dots and page number go. */
function stripLineLeaders(l: import('./types').TextLine): import('./types').TextLine {
  const pieces: Piece[] = [];
  const full = l.pieces.map((p) => p.str).join('');
  const keep = stripLeaders(full).length;
  let used = 0;
  for (const p of l.pieces) {
    if (used >= keep) break;
    const take = Math.min(p.str.length, keep - used);
    pieces.push(take === p.str.length ? p : { ...p, str: p.str.slice(0, take), x1: p.x0 + ((p.x1 - p.x0) * take) / p.str.length });
    used += p.str.length;
  }
  return { ...l, pieces: pieces.filter((p) => /\S/.test(p.str)) };
}
