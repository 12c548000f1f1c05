/**
 * Hard cases for the PDF reader, made here with pdf-lib: a table over three pages without repeated
 * headers, a table without ruling lines, a merged header over four columns, a rotated page,
 * garbage text (a font whose ToUnicode map gives private-use codes), an encrypted file, a
 * truncated file and a 300-page file (counts and memory, never time).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, StandardFonts, degrees, type PDFFont, type PDFPage } from 'pdf-lib';
import { extractDocument, type TableBlock } from '../../lib/extract';
import { readPdf } from '../../cli/pdf';
import { main, type CliIO } from '../../cli/main';

const W = 595;
const H = 842;

/** Draws at display coordinates (origin top-left). */
class Sheet {
  constructor(readonly page: PDFPage, readonly font: PDFFont, readonly rotated = false) {}
  /** A rule as WPS draws it: a thin filled rectangle. */
  hline(y: number, x0: number, x1: number) {
    this.rect(x0, y - 0.25, x1 - x0, 0.5);
  }
  vline(x: number, y0: number, y1: number) {
    this.rect(x - 0.25, y0, 0.5, y1 - y0);
  }
  rect(x: number, y: number, w: number, h: number) {
    if (this.rotated) this.page.drawRectangle({ x: y, y: x, width: h, height: w });
    else this.page.drawRectangle({ x, y: H - y - h, width: w, height: h });
  }
  text(s: string, x: number, baseline: number, size = 10) {
    if (this.rotated) this.page.drawText(s, { x: baseline, y: x, size, font: this.font, rotate: degrees(90) });
    else this.page.drawText(s, { x, y: H - baseline, size, font: this.font });
  }
  /** Right-aligned text ending at x. */
  textRight(s: string, x: number, baseline: number, size = 10) {
    this.text(s, x - this.font.widthOfTextAtSize(s, size), baseline, size);
  }
}

async function newDoc() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  return { doc, font };
}

async function read(bytes: Uint8Array) {
  const { document, result } = await readPdf(bytes);
  const tables = extractDocument(document).blocks.filter((b): b is TableBlock => b.kind === 'table');
  return { document, result, tables };
}

function texts(t: TableBlock, r: number): string[] {
  return t.grid[r].filter((s) => !s.isCopy).map((s) => s.cell.text + (s.cell.colSpan > 1 ? `/c${s.cell.colSpan}` : '') + (s.cell.rowSpan > 1 ? `/r${s.cell.rowSpan}` : ''));
}

/** A ruled grid; `open(r, c)` true leaves out the vertical line on the left of column c in row r. */
function grid(sh: Sheet, xs: number[], ys: number[], open: (r: number, c: number) => boolean = () => false) {
  for (const y of ys) sh.hline(y, xs[0], xs[xs.length - 1]);
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c < xs.length; c++) if (!open(r, c)) sh.vline(xs[c], ys[r], ys[r + 1]);
  }
}

describe('PDF hard cases', () => {
  it('a merged header over four columns becomes colspan=4', async () => {
    const { doc, font } = await newDoc();
    const sh = new Sheet(doc.addPage([W, H]), font);
    const xs = [50, 170, 240, 310, 380, 450];
    const ys = [100, 120, 140, 160, 180];
    grid(sh, xs, ys, (r, c) => r === 0 && c >= 2 && c <= 4);
    sh.text('Item', 55, 114);
    sh.text('Amounts by quarter', 250, 114);
    ['Q1', 'Q2', 'Q3', 'Q4'].forEach((q, i) => sh.text(q, xs[i + 1] + 5, 134));
    ['Salaries', 'Rent'].forEach((name, r) => {
      sh.text(name, 55, 154 + r * 20);
      for (let c = 1; c <= 4; c++) sh.textRight(`${r + 1},00${c}.50`, xs[c + 1] - 4, 154 + r * 20);
    });
    const { tables } = await read(await doc.save());
    expect(tables).toHaveLength(1);
    expect([tables[0].rows, tables[0].cols]).toEqual([4, 5]);
    expect(texts(tables[0], 0)).toEqual(['Item', 'Amounts by quarter/c4']);
    expect(texts(tables[0], 1)).toEqual(['', 'Q1', 'Q2', 'Q3', 'Q4']);
    expect(texts(tables[0], 3)).toEqual(['Rent', '2,001.50', '2,002.50', '2,003.50', '2,004.50']);
  });

  it('a table over three pages without repeated headers is one table with every row', async () => {
    const { doc, font } = await newDoc();
    const xs = [60, 260, 400, 540];
    let n = 0;
    for (let p = 0; p < 3; p++) {
      const sh = new Sheet(doc.addPage([W, H]), font);
      const rows = p === 0 ? 20 : p === 1 ? 30 : 10;
      const top = p === 0 ? 120 : 60;
      if (p === 0) sh.text('Annual table', 60, 100, 14);
      const ys = Array.from({ length: rows + (p === 0 ? 2 : 1) }, (_, i) => top + i * 20);
      grid(sh, xs, ys);
      let y = top + 14;
      if (p === 0) {
        sh.text('Item', 65, y);
        sh.text('2023', 365, y);
        sh.text('2024', 505, y);
        y += 20;
      }
      for (let r = 0; r < rows; r++, y += 20) {
        n++;
        sh.text(`Line ${n}`, 65, y);
        sh.textRight(`${n}.00`, 396, y);
        sh.textRight(`${n * 2}.00`, 536, y);
      }
      sh.text(String(p + 1), 290, 820); // page number
    }
    const { tables, result, document } = await read(await doc.save());
    expect(result.pages).toHaveLength(3);
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect([t.rows, t.cols]).toEqual([61, 3]);
    expect(texts(t, 1)).toEqual(['Line 1', '1.00', '2.00']);
    expect(texts(t, 21)).toEqual(['Line 21', '21.00', '42.00']);
    expect(texts(t, 60)).toEqual(['Line 60', '60.00', '120.00']);
    // Cells keep the page they are on.
    expect(t.grid[60][0].cell.el!.getAttribute('data-page')).toBe('3');
    // Page numbers are dropped.
    expect(Array.from(document.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['Annual table']);
  });

  it('a table without ruling lines is found from aligned text (stream)', async () => {
    const { doc, font } = await newDoc();
    const sh = new Sheet(doc.addPage([W, H]), font);
    sh.text('Spending by item, in ten thousand yuan, as the year closed.', 60, 80);
    sh.text('Item', 60, 110);
    sh.textRight('Budget', 330, 110);
    sh.textRight('Actual', 450, 110);
    const rows = [['Salaries', '1,234.00', '1,300.50'], ['Office costs', '56.10', '48.00'], ['Travel', '7.00', '-'], ['Total', '1,297.10', '1,348.50']];
    rows.forEach(([a, b, c], i) => {
      sh.text(a, 60, 128 + i * 18);
      sh.textRight(b, 330, 128 + i * 18);
      sh.textRight(c, 450, 128 + i * 18);
    });
    sh.text('The note under the table is ordinary text.', 60, 220);
    const { tables, document } = await read(await doc.save());
    expect(tables).toHaveLength(1);
    expect([tables[0].rows, tables[0].cols]).toEqual([5, 3]);
    expect(texts(tables[0], 0)).toEqual(['Item', 'Budget', 'Actual']);
    expect(texts(tables[0], 3)).toEqual(['Travel', '7.00', '-']);
    expect(Array.from(document.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      'Spending by item, in ten thousand yuan, as the year closed.',
      'The note under the table is ordinary text.',
    ]);
  });

  it('a rotated page (/Rotate 90) reads as displayed', async () => {
    const { doc, font } = await newDoc();
    const page = doc.addPage([W, H]);
    page.setRotation(degrees(90));
    const sh = new Sheet(page, font, true);
    // Display coordinates: the page shows landscape, 842 wide.
    const xs = [60, 300, 500];
    const ys = [100, 120, 140, 160];
    grid(sh, xs, ys);
    [['Item', 'Amount'], ['Salaries', '10.00'], ['Rent', '2.50']].forEach(([a, b], r) => {
      sh.text(a, 65, 114 + r * 20);
      sh.text(b, 305, 114 + r * 20);
    });
    const { tables, result } = await read(await doc.save());
    expect(result.pages).toEqual([{ width: H, height: W }]);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0], 2)).toEqual(['Rent', '2.50']);
    const box = tables[0].grid[2][1].cell.el!.getAttribute('data-box')!.split(' ').map(Number);
    expect(box[0]).toBeCloseTo(300, 0);
    expect(box[1]).toBeCloseTo(140, 0);
  });

  it('garbage text (a ToUnicode map to private-use codes) is reported as unreadable text', async () => {
    const { doc, font } = await newDoc();
    const sh = new Sheet(doc.addPage([W, H]), font);
    for (let i = 0; i < 20; i++) sh.text('Revenue and spending of the department', 60, 80 + i * 16);
    await doc.flush();
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbage def /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <E000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
    const fontDict = doc.context.lookup(font.ref) as import('pdf-lib').PDFDict;
    fontDict.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.stream(cmap)));
    const { result } = await read(await doc.save());
    expect(result.problem?.kind).toBe('garbled');
    expect(result.problem?.zh).toBe('此 PDF 的文字无法提取（字体未嵌入编码表）');
  });

  it('an encrypted file (password needed) gives a clear problem, no crash', async () => {
    const { doc, font } = await newDoc();
    new Sheet(doc.addPage([W, H]), font).text('secret', 60, 80);
    let pdf = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    const hex = (c: string) => c.repeat(64);
    pdf = pdf.replace(/trailer\s*<</, `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex('a')}> /U <${hex('b')}> /P -44 >> /ID [<${hex('c').slice(0, 32)}> <${hex('c').slice(0, 32)}>]`);
    const { result } = await read(new Uint8Array(Buffer.from(pdf, 'latin1')));
    expect(result.problem?.kind).toBe('encrypted');
    expect(result.root.childNodes).toHaveLength(0);
  });

  it('truncated and non-PDF bytes give "corrupt"; the CLI prints one line and exits 1', async () => {
    const { doc, font } = await newDoc();
    new Sheet(doc.addPage([W, H]), font).text('hello', 60, 80);
    const bytes = await doc.save();
    for (const bad of [bytes.slice(0, Math.floor(bytes.length / 3)), new Uint8Array(0), new TextEncoder().encode('%PDF-1.7\nnot really')]) {
      const { result } = await read(bad);
      expect(result.problem?.kind).toBe('corrupt');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'dc-pdf-'));
    try {
      writeFileSync(path.join(dir, 'cut.pdf'), bytes.slice(0, 200));
      let out = '';
      let err = '';
      const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), stderrIsTTY: false, cwd: dir };
      expect(await main(['cut.pdf'], io)).toBe(1);
      expect(out).toBe('');
      expect(err).toBe('错误 error: cut.pdf: 此 PDF 文件已损坏或不完整，无法读取 · This PDF is damaged or incomplete and cannot be read\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 300-page file: every page read, memory bounded', async () => {
    const { doc, font } = await newDoc();
    for (let p = 0; p < 300; p++) {
      const sh = new Sheet(doc.addPage([W, H]), font);
      // Below the header band: the same line on every page at the top would be a running header.
      sh.text(`Section ${p + 1}: spending of the unit in the year, as reported.`, 60, 200);
      grid(sh, [60, 300, 500], [220, 240, 260]);
      sh.text('Item', 65, 234);
      sh.text(`${p}.00`, 305, 234);
      sh.text('Other', 65, 254);
      sh.text(`${p + 1}.50`, 305, 254);
    }
    const bytes = await doc.save();
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let seen = 0;
    const { result, tables, document } = await read(bytes);
    seen = result.pages.length;
    expect(document.querySelectorAll('p').length).toBe(300);
    const grown = process.memoryUsage().heapUsed - before;
    expect(seen).toBe(300);
    expect(tables.length).toBe(300);
    expect(texts(tables[299], 1)).toEqual(['Other', '300.50']);
    // The DOM of 300 pages plus pdf.js's caches; pages are cleaned up as they are read.
    expect(grown).toBeLessThan(400 * 1024 * 1024);
  }, 240_000);
});
