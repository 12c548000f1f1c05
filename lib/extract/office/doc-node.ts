/**
 * Word 97 (.doc) reading for Node (the CLI): word-extractor reads the OLE file, the piece table and
 * the deleted-text marks; the text then still holds Word's table marks (\x07 ends a cell and, in a
 * paragraph with the TTP property, a row). Which \x07 ends a row, and each row's cell edges and
 * vertical merges, are in the paragraph properties (PAPX in the FKP pages, MS-DOC 2.9.175/2.8.23):
 * read here so tables come out as grids, not as tab-separated text.
 *
 * Not bundled into the extension (word-extractor needs Node's Buffer and streams).
 */
import { createRequire } from 'node:module';
import type { Word97Block, Word97Cell, Word97Text } from './doc';

const require = createRequire(import.meta.url);

interface Piece {
  startCp: number;
  endCp: number;
  startFilePos: number;
  bpc: number;
  text: string;
}

interface ParaRun {
  fcStart: number;
  fcEnd: number;
  inTable: boolean;
  ttp: boolean;
  itap: number;
  innerTtp: boolean;
  /** Cell edges (twips) and merges of the row, on a TTP paragraph. */
  edges: number[] | null;
  vMerge: number[] | null;
  hMerge: number[] | null;
}

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPItap = 0x6649;
const sprmPFInnerTtp = 0x244c;
const sprmTDefTable = 0xd608;
const sprmTVertMerge = 0xd62b;
const sprmPHugePapx = 0x6646;

function operandSize(sprm: number, buf: Buffer, at: number): number {
  const spra = (sprm >> 13) & 7;
  switch (spra) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: sprmTDefTable and sprmPChgTabs have their own length rules.
      // TDefTableOperand.cb counts the rest of the operand plus one (MS-DOC 2.9.316).
      if (sprm === sprmTDefTable) return 1 + buf.readUInt16LE(at);
      return 1 + buf.readUInt8(at);
  }
}

/** Reads a PAPX's sprms (after its istd when withIstd). sprmPHugePapx points into the Data stream. */
function readPapx(buf: Buffer, start: number, size: number, run: ParaRun, data: Buffer | null, withIstd = true): void {
  let at = withIstd ? start + 2 : start;
  const end = Math.min(buf.length, start + size);
  while (at + 2 <= end) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    if (at >= end) break;
    const n = operandSize(sprm, buf, at);
    switch (sprm) {
      case sprmPFInTable:
        run.inTable = buf.readUInt8(at) !== 0;
        break;
      case sprmPFTtp:
        run.ttp = buf.readUInt8(at) !== 0;
        break;
      case sprmPItap:
        if (at + 4 <= end) run.itap = buf.readInt32LE(at);
        break;
      case sprmPFInnerTtp:
        run.innerTtp = buf.readUInt8(at) !== 0;
        break;
      case sprmTDefTable: {
        const base = at + 2;
        const itcMac = buf.readUInt8(base);
        const edges: number[] = [];
        for (let i = 0; i <= itcMac && base + 1 + 2 * i + 2 <= end; i++) edges.push(buf.readInt16LE(base + 1 + 2 * i));
        const tcBase = base + 1 + 2 * (itcMac + 1);
        const v: number[] = [];
        const h: number[] = [];
        for (let i = 0; i < itcMac; i++) {
          const o = tcBase + 20 * i;
          const tcgrf = o + 2 <= end ? buf.readUInt16LE(o) : 0;
          h.push(tcgrf & 3);
          v.push((tcgrf >> 5) & 3);
        }
        run.edges = edges;
        run.vMerge = v;
        run.hMerge = h;
        break;
      }
      case sprmPHugePapx:
        // The grpprl is too large for the FKP (a wide row's cell definitions): it sits in the Data stream.
        if (data && at + 4 <= end) {
          const off = buf.readUInt32LE(at);
          if (off + 2 <= data.length) readPapx(data, off + 2, data.readUInt16LE(off), run, null, false);
        }
        break;
      case sprmTVertMerge:
        if (run.vMerge && at + 3 <= end) {
          const itc = buf.readUInt8(at + 1);
          if (itc < run.vMerge.length) run.vMerge[itc] = buf.readUInt8(at + 2);
        }
        break;
    }
    at += n;
  }
}

function readParaRuns(word: Buffer, table: Buffer, data: Buffer | null): ParaRun[] {
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  const n = Math.floor((lcb - 4) / 8);
  const runs: ParaRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) continue;
    const crun = word.readUInt8(page + 511);
    for (let k = 0; k < crun; k++) {
      const fcStart = word.readUInt32LE(page + 4 * k);
      const fcEnd = word.readUInt32LE(page + 4 * (k + 1));
      const bx = page + 4 * (crun + 1) + 13 * k;
      const bOffset = word.readUInt8(bx);
      const run: ParaRun = { fcStart, fcEnd, inTable: false, ttp: false, itap: 0, innerTtp: false, edges: null, vMerge: null, hMerge: null };
      if (bOffset !== 0) {
        const papx = page + 2 * bOffset;
        const cb = word.readUInt8(papx);
        if (cb !== 0) readPapx(word, papx + 1, 2 * cb - 1, run, data);
        else readPapx(word, papx + 2, 2 * word.readUInt8(papx + 1), run, data);
      }
      if (run.inTable && run.itap === 0) run.itap = 1;
      runs.push(run);
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

function findRun(runs: ParaRun[], fc: number): ParaRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return null;
}

/** Text of a cell or paragraph: field codes dropped (results kept), control characters removed. */
function cleanChars(s: string): string {
  let out = '';
  // Field state stack: true while inside a field's code (before its separator).
  const inCode: boolean[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) {
      inCode.push(true);
      continue;
    }
    if (c === 0x14) {
      if (inCode.length) inCode[inCode.length - 1] = false;
      continue;
    }
    if (c === 0x15) {
      inCode.pop();
      continue;
    }
    if (inCode.length && inCode[inCode.length - 1]) continue;
    if (c === 0x0b) out += '\n';
    else if (c === 0x1e) out += '\u2011';
    else if (c === 0x09) out += ' ';
    else if (c >= 0x20 || c === 0x0a) out += ch;
  }
  return out;
}

function rowCells(texts: string[], run: ParaRun | null, allEdges: number[]): Word97Cell[] {
  const cells: Word97Cell[] = [];
  for (let i = 0; i < texts.length; i++) {
    let colSpan = 1;
    let vMerge: Word97Cell['vMerge'] = 'none';
    if (run?.edges && i + 1 < run.edges.length) {
      const l = allEdges.indexOf(run.edges[i]);
      const r = allEdges.indexOf(run.edges[i + 1]);
      if (l >= 0 && r > l) colSpan = r - l;
      const v = run.vMerge?.[i] ?? 0;
      vMerge = v === 3 ? 'restart' : v === 1 || v === 2 ? 'continue' : 'none';
    }
    cells.push({ text: texts[i], colSpan, vMerge });
  }
  return cells;
}

/** Turns the rows of one table (cell texts + the row's TTP run) into cells with spans. */
function finishTable(rows: { texts: string[]; run: ParaRun | null }[]): Word97Block {
  const set = new Set<number>();
  for (const r of rows) if (r.run?.edges) for (const e of r.run.edges.slice(0, r.texts.length + 1)) set.add(e);
  const allEdges = [...set].sort((a, b) => a - b);
  return { kind: 'table', rows: rows.map((r) => rowCells(r.texts, r.run, allEdges)) };
}

export async function readWord97(bytes: Uint8Array): Promise<Word97Text> {
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor');
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc');
  const BufferReader = require('word-extractor/lib/buffer-reader');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new BufferReader(buf);
  await reader.open();
  const ole = new OleCompoundDoc(reader);
  await ole.read();
  const ex = new WordOleExtractor();
  const wordStream: Buffer = await ex.streamBuffer(await ex.documentStream(ole, 'WordDocument'));
  if (wordStream.length < 0x200 || wordStream.readUInt16LE(0) !== 0xa5ec) throw new Error('not a Word 97 document (bad FIB magic)');
  const flags = wordStream.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new Error('the document is encrypted (password-protected)');
  const tableStream: Buffer = await ex.streamBuffer(await ex.documentStream(ole, flags & 0x0200 ? '1Table' : '0Table'));
  // word-extractor fills its piece table (deleted revisions already blanked to \0).
  await ex.extractWordDocument(ole, wordStream);
  const pieces: Piece[] = ex._pieces;
  const ccpText: number = ex._boundaries.ccpText;
  let dataStream: Buffer | null = null;
  try {
    dataStream = await ex.streamBuffer(await ex.documentStream(ole, 'Data'));
  } catch {
    dataStream = null; // optional stream
  }
  const runs = readParaRuns(wordStream, tableStream, dataStream);

  const blocks: Word97Block[] = [];
  let rows: { texts: string[]; run: ParaRun | null }[] = [];
  let cellTexts: string[] = [];
  let cur = '';
  const flushTable = () => {
    if (cellTexts.length) {
      rows.push({ texts: cellTexts, run: null });
      cellTexts = [];
    }
    if (rows.length) blocks.push(finishTable(rows));
    rows = [];
  };
  for (const p of pieces) {
    if (p.startCp >= ccpText) break;
    const end = Math.min(p.endCp, ccpText);
    for (let cp = p.startCp; cp < end; cp++) {
      const ch = p.text[cp - p.startCp];
      // word-extractor has already turned the row-end marks it recognised into \n.
      if (ch !== '\r' && ch !== '\x07' && ch !== '\n') {
        cur += ch;
        continue;
      }
      const run = findRun(runs, p.startFilePos + (cp - p.startCp) * p.bpc);
      const inTable = Boolean(run && (run.inTable || run.itap > 0));
      const nested = Boolean(run && run.itap > 1);
      if ((ch === '\x07' || run?.ttp) && !nested) {
        if (run?.ttp) {
          // Row end: the cells collected so far are the row.
          rows.push({ texts: cellTexts, run });
          cellTexts = [];
          cur = '';
        } else {
          cellTexts.push(cleanChars(cur).replace(/\n+$/, '').trim());
          cur = '';
        }
        continue;
      }
      if (inTable) {
        // A paragraph break inside a cell (or a nested table's mark): a line break in the cell.
        cur += '\n';
        continue;
      }
      flushTable();
      const text = cleanChars(cur).trim();
      cur = '';
      if (text) blocks.push({ kind: 'p', text });
    }
  }
  flushTable();
  if (cur.trim()) blocks.push({ kind: 'p', text: cleanChars(cur).trim() });
  return { blocks };
}
