/**
 * PDF rows of `npm run bench` (issue 17 part 5): for each PDF fixture, the whole check (pdf.js +
 * reconstruction + extract + recognise + rules + report) against the floor of pdf.js alone reading
 * the same file's text content and operator lists, interleaved in the same run; peak memory.
 * Asynchronous (pdf.js is), so it has its own small loop instead of measure().
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, spread } from './measure';

export const PDF_FIXTURES = ['pdf/lukou-2024-printed.pdf', 'pdf/putuo-czj-2024.pdf', 'pdf/shanghai-template-2024.pdf', 'putuo-budget-2025/dept-budget.pdf', 'putuo-budget-2025/unit-budget.pdf'];

export interface PdfBenchRow {
  file: string;
  pages: number;
  floor: number[];
  full: number[];
  findings: number;
  /** Peak RSS growth over the run, MiB. */
  peakRssMiB: number;
}

/** pdf.js alone: open, every page's text content and operator list, close. */
export async function pdfFloor(bytes: Uint8Array, assets: { cMapUrl: string; standardFontDataUrl: string }): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...assets, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [tc, ol] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    items += tc.items.length + ol.fnArray.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

export async function runPdfBench(fixtures: string, runs: number): Promise<string[]> {
  const { readPdf, PDFJS_ASSETS } = await import('../cli/pdf');
  const { checkDocument, toReport } = await import('../lib/index');
  const rows: PdfBenchRow[] = [];
  for (const rel of PDF_FIXTURES) {
    const file = join(fixtures, rel);
    if (!existsSync(file)) continue;
    const bytes = new Uint8Array(readFileSync(file));
    const row: PdfBenchRow = { file: rel, pages: 0, floor: [], full: [], findings: 0, peakRssMiB: 0 };
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    // One warm-up of each, then interleaved rounds.
    for (let i = -1; i < runs; i++) {
      let t = performance.now();
      await pdfFloor(bytes, PDFJS_ASSETS);
      const floor = performance.now() - t;
      t = performance.now();
      const { document, result } = await readPdf(bytes);
      const report = result.problem ? null : toReport(checkDocument(document, { format: 'pdf' }), rel);
      const full = performance.now() - t;
      peak = Math.max(peak, process.memoryUsage().rss);
      row.pages = result.pages.length;
      row.findings = report?.findings.length ?? 0;
      if (i >= 0) {
        row.floor.push(floor);
        row.full.push(full);
      }
    }
    row.peakRssMiB = (peak - rss0) / 1048576;
    rows.push(row);
  }
  const out = ['PDF (Node, pdf.js legacy build): whole check vs pdf.js reading text content + operator lists of the same file, interleaved'];
  out.push(`  ${'file'.padEnd(36)} ${'pages'.padStart(5)} ${'floor ms'.padStart(16)} ${'check ms'.padStart(16)} ${'ratio'.padStart(6)} ${'peak RSS +MiB'.padStart(13)}`);
  for (const r of rows) {
    const f = median(r.floor), c = median(r.full);
    const fs = spread(r.floor), cs = spread(r.full);
    out.push(
      `  ${r.file.padEnd(36)} ${String(r.pages).padStart(5)} ${`${f.toFixed(0)} (${fs[0].toFixed(0)}–${fs[1].toFixed(0)})`.padStart(16)} ${`${c.toFixed(0)} (${cs[0].toFixed(0)}–${cs[1].toFixed(0)})`.padStart(16)} ${(c / f).toFixed(2).padStart(6)} ${r.peakRssMiB.toFixed(0).padStart(13)}`,
    );
  }
  return out;
}
