/**
 * The command line (design.md, "Contracts" 1; issue 7 batch checking).
 *   npm run check -- [options] [PATH | FOLDER | URL ...]
 * Exit status: 0 the check ran (whatever it found); 1 an input could not be read (or --out not written);
 * 2 usage error; 3 findings reached --fail-on (and every input was read).
 */
import { mkdir, realpath, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../lib/index';
import type { Report } from '../lib/report/schema';
import { renderText } from '../lib/report/text';
import { renderCsv, renderFindingsCsv } from '../lib/report/csv';
import { renderMarkdown } from '../lib/report/markdown';
import { renderSummaryCsv, renderSummaryMarkdown, renderSummaryText, summarize, summaryTotals, type SummaryItem } from '../lib/report/summary';
import { decodeHtml, NotHtmlError } from './decode';
import { checkPdfBytes, isPdfInput } from './pdf';
import { fetchPage, FetchError, MAX_BODY_BYTES, USER_AGENT, VERSION, type Resolver } from './fetch';
import { readLocalFile, ReadError, readErrorMessage } from './read';
import { sanitizeText, terminalSafeJson } from '../lib/sanitize';
import { expandInputs, type Input } from './inputs';
import { isDocumentFile, readDocumentFile } from './files';
import { Progress } from './progress';

export const FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT = { ok: 0, unreadable: 1, usage: 2, failOn: 3 } as const;

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SAMPLE = 'fixtures/sample-lukou-2024.html';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Progress bar when stderr is a terminal, plain lines otherwise. */
  stderrIsTTY: boolean;
  /** Terminal width for the progress bar. */
  columns?: number;
  cwd: string;
  /** For tests: a fetch to use and the first retry back-off. */
  fetch?: typeof fetch;
  retryDelayMs?: number;
  /** For tests: name resolution for the redirect policy (no test leaves 127.0.0.1). */
  resolve?: Resolver;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns,
    cwd: process.cwd(),
  };
}

export const USAGE = `决算公开校验 · Disclosure Checker ${VERSION}

用法 Usage: npm run check -- [options] [FILE | FOLDER | URL ...]
  With no input, checks the bundled sample ${DEFAULT_SAMPLE}.
  Inputs: web pages, PDF, Word (.docx, .doc) and Excel (.xlsx, .xls) files.
  Folders are searched recursively for them (sorted); every entry not checked is listed
  in the summary with why (hidden or linked folders, FIFOs, other file types).

Options:
  -f, --format text|json|csv|md   report format (default text)
  -o, --out FILE|FOLDER/          write the report to FILE; a FOLDER (existing, or ending in /)
                                  gets one report per input plus summary.csv / summary.md
      --list FILE                 read inputs (URLs or paths) from FILE, one per line, # comments
      --concurrency N             inputs checked at once (default 2)
      --timeout SECONDS           per URL request (default 30)
      --retries N                 retries on network errors / 5xx / 429 (default 2, back-off 1s, 2s, …)
      --max-size MB               largest file or response body read, after decompression (default 50)
      --fail-on error|warning|never
                                  exit 3 when findings reach this severity (default never)
  -q, --quiet                     no progress output
  -h, --help, --version

Exit: 0 checked (whatever was found) · 1 an input could not be read, or --out could not be written
      · 2 usage · 3 --fail-on reached
`;

interface Options {
  format: Format;
  out: string | null;
  lists: string[];
  concurrency: number;
  timeoutMs: number;
  retries: number;
  maxBytes: number;
  failOn: FailOn;
  quiet: boolean;
  inputs: string[];
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        list: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'max-size': { type: 'string' },
        'fail-on': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${v.format}")`);
  const failOn = (v['fail-on'] ?? 'never') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${v['fail-on']}")`);
  const num = (name: string, raw: string | undefined, def: number, min: number, integer: boolean) => {
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min} (got "${raw}")`);
    }
    return n;
  };
  const timeout = num('timeout', v.timeout, 30, 0.001, false);
  return {
    format,
    out: v.out ?? null,
    lists: v.list ?? [],
    concurrency: num('concurrency', v.concurrency, 2, 1, true),
    timeoutMs: Math.round(timeout * 1000),
    retries: num('retries', v.retries, 2, 0, true),
    maxBytes: Math.round(num('max-size', v['max-size'], MAX_BODY_BYTES / 1024 / 1024, 0.000001, false) * 1024 * 1024),
    failOn,
    quiet: Boolean(v.quiet),
    inputs: parsed.positionals,
  };
}

export interface CheckOptions {
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxBytes?: number;
  fetch?: typeof fetch;
  resolve?: Resolver;
}

/** Reads, decodes, parses and checks one input. Never throws: failures become `error`. */
export async function checkInput(input: Input, opts: CheckOptions): Promise<SummaryItem> {
  const { source } = input;
  if (input.kind === 'invalid') return { source, error: input.error };
  if (input.kind === 'skipped') return { source, skipped: input.reason };
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let finalUrl: string | null = null;
  try {
    if (input.kind === 'file') {
      bytes = await readLocalFile(input.path, opts.maxBytes ?? MAX_BODY_BYTES);
    } else {
      const got = await fetchPage(input.url, opts);
      bytes = got.bytes;
      contentType = got.contentType;
      finalUrl = got.url;
      const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
      // A PDF or Office file is recognised by its bytes (a portal's Content-Type is often wrong).
      if (mime && !isPdfInput(null, mime, bytes) && !isDocumentFile(bytes, urlFileName(got.url)) && !/^(text\/html|application\/xhtml\+xml|text\/plain|application\/octet-stream)$/.test(mime)) {
        return { source, error: `not an HTML page (Content-Type ${mime}) · 不是网页` };
      }
    }
  } catch (err) {
    return { source, error: err instanceof FetchError || err instanceof ReadError ? err.message : readErrorMessage(err) };
  }
  // Other formats are read into the same DOM of blocks by their own reader.
  if (isPdfInput(input.kind === 'file' ? input.path : null, contentType, bytes)) {
    const item = await checkPdfBytes(bytes, source);
    return item.report && finalUrl !== null && finalUrl !== source ? { ...item, report: { ...item.report, finalUrl } } : item;
  }
  const name = input.kind === 'file' ? input.path : urlFileName(finalUrl ?? input.url);
  if (isDocumentFile(bytes, name)) return checkDocumentFile(source, bytes, name, finalUrl);
  let html: string;
  try {
    html = decodeHtml(bytes, contentType).text;
  } catch (err) {
    return { source, error: err instanceof NotHtmlError ? err.message : `cannot decode: ${(err as Error).message}` };
  }
  try {
    const { document } = parseHTML(html);
    const run = checkDocument(document as unknown as Document);
    const report = toReport(run, source);
    return { source, report: finalUrl !== null && finalUrl !== source ? { ...report, finalUrl } : report };
  } catch (err) {
    // A crash in the core must not stop a batch; the input counts as not checked.
    return { source, error: `internal error while checking · 校验程序内部错误: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** The file name part of a URL (for its extension). */
function urlFileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

/** PDF / Word / Excel / WPS bytes: read by lib/extract/file.ts, then checked like a page. */
async function checkDocumentFile(source: string, bytes: Uint8Array, name: string, finalUrl: string | null): Promise<SummaryItem> {
  const read = await readDocumentFile(bytes, name);
  if (!read.ok) return { source, error: read.error };
  try {
    const run = checkDocument(read.root, { format: read.format });
    const report = toReport(run, source);
    return { source, report: finalUrl !== null && finalUrl !== source ? { ...report, finalUrl } : report };
  } catch (err) {
    return { source, error: `internal error while checking · 校验程序内部错误: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** Runs `worker` over items with at most `limit` in flight; results keep the input order. */
export async function pool<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

const EXT: Record<Format, string> = { text: 'txt', json: 'json', csv: 'csv', md: 'md' };

/** File name for one input's report inside an --out folder: readable, filesystem-safe, unique. */
export function reportFileName(source: string, format: Format, taken: Set<string>): string {
  let base = source
    .replace(/^https?:\/\//i, '')
    .replace(/\.(s?html?)$/i, '')
    .replace(/^[./\\]+/, '')
    .replace(/[/\\]+/g, '__')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 120);
  if (!base) base = 'page';
  let name = `${base}.${EXT[format]}`;
  for (let n = 2; taken.has(name.toLowerCase()) || /^(summary|findings)\./i.test(name); n++) name = `${base}-${n}.${EXT[format]}`;
  taken.add(name.toLowerCase());
  return name;
}

export function renderOne(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return terminalSafeJson(JSON.stringify(report, null, 2)) + '\n';
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    default:
      return renderText(report);
  }
}

/** What goes to stdout (or --out FILE): one report for one input; for several, all of them and a summary. */
export function renderAll(items: readonly SummaryItem[], format: Format, single: boolean): string {
  const reports = items.flatMap((i) => (i.report ? [i.report] : []));
  if (single) return reports.length ? renderOne(reports[0], format) : '';
  const rows = summarize(items);
  switch (format) {
    case 'json':
      return terminalSafeJson(JSON.stringify(reports, null, 2)) + '\n';
    case 'csv':
      return renderSummaryCsv(rows);
    case 'md':
      return [renderSummaryMarkdown(rows), ...reports.map((r) => renderMarkdown(r, { level: 2 }))].join('\n');
    default:
      return [...reports.map((r) => renderText(r)), renderSummaryText(rows)].join('\n' + '─'.repeat(60) + '\n\n');
  }
}

async function isDirTarget(out: string, resolved: string): Promise<boolean> {
  if (/[/\\]$/.test(out)) return true;
  try {
    return (await stat(resolved)).isDirectory();
  } catch {
    return false;
  }
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let opts: Options;
  try {
    const o = parseOptions(argv);
    if (o === 'help') {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (o === 'version') {
      io.stdout(`${USER_AGENT}\n`);
      return EXIT.ok;
    }
    opts = o;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`用法错误 usage error: ${err.message}\n(npm run check -- --help)\n`);
    return EXIT.usage;
  }

  let inputs: Input[];
  if (opts.inputs.length === 0 && opts.lists.length === 0) {
    inputs = [{ kind: 'file', source: DEFAULT_SAMPLE, path: path.join(PROJECT_ROOT, DEFAULT_SAMPLE) }];
  } else {
    inputs = await expandInputs(opts.inputs, { cwd: io.cwd, lists: opts.lists });
  }
  // One input given as one file or URL gets a bare report; folders and several inputs get an array / summary.
  const single = opts.lists.length === 0 && opts.inputs.length <= 1 && !(await isFolderArg(opts.inputs[0], io.cwd));

  const outPath = opts.out === null ? null : path.resolve(io.cwd, opts.out);
  const outDir = outPath !== null && (await isDirTarget(opts.out!, outPath)) ? outPath : null;
  // Fail before checking anything if the output cannot be created.
  try {
    await mkdir(outDir ?? (outPath ? path.dirname(outPath) : io.cwd), { recursive: true });
  } catch (err) {
    io.stderr(`错误 error: cannot create --out ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} · 无法写入\n`);
    return EXIT.unreadable;
  }
  const taken = new Set<string>();
  // The report must never overwrite what it reports on.
  const inputPaths = await realPaths(inputs);
  if (outPath !== null && !outDir && inputPaths.has(await realOrSelf(outPath))) {
    io.stderr(`用法错误 usage error: --out ${sanitizeText(opts.out!)} is one of the inputs · 输出文件不能是输入文件\n`);
    return EXIT.usage;
  }

  const checkable = inputs.filter((i) => i.kind !== 'skipped').length;
  const progress = new Progress(io, checkable, opts.quiet || checkable < 2);
  const items = await pool(inputs, opts.concurrency, async (input) => {
    const item = await checkInput(input, {
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      retryDelayMs: io.retryDelayMs ?? 1000,
      maxBytes: opts.maxBytes,
      fetch: io.fetch,
      resolve: io.resolve,
    });
    if (item.skipped !== undefined) return item;
    if (item.error !== undefined) progress.fail(item.source, item.error);
    progress.tick(item);
    return item;
  });
  progress.finish();

  try {
    if (outDir) {
      // Names are assigned in input order (not completion order) so they are deterministic.
      for (const p of inputPaths) taken.add(path.basename(p).toLowerCase());
      for (const item of items) {
        if (!item.report) continue;
        await writeFile(path.join(outDir, reportFileName(item.source, opts.format, taken)), renderOne(item.report, opts.format));
      }
      const rows = summarize(items);
      await writeFile(path.join(outDir, 'summary.csv'), renderSummaryCsv(rows));
      await writeFile(path.join(outDir, 'summary.md'), renderSummaryMarkdown(rows));
      if (opts.format === 'json') await writeFile(path.join(outDir, 'summary.json'), terminalSafeJson(JSON.stringify({ totals: summaryTotals(rows), documents: rows }, null, 2)) + '\n');
      if (opts.format === 'text') await writeFile(path.join(outDir, 'summary.txt'), renderSummaryText(rows));
      if (opts.format === 'csv') await writeFile(path.join(outDir, 'findings.csv'), renderFindingsCsv(items.flatMap((i) => (i.report ? [i.report] : []))));
      if (!opts.quiet) io.stderr(`已写入 wrote ${items.filter((i) => i.report).length} reports + summary to ${opts.out}\n`);
    } else {
      const text = renderAll(items, opts.format, single);
      if (outPath) {
        await writeFile(outPath, text);
      } else {
        io.stdout(text);
      }
    }
  } catch (err) {
    io.stderr(`错误 error: cannot write --out ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} · 无法写入\n`);
    return EXIT.unreadable;
  }

  if (items.some((i) => i.error !== undefined)) return EXIT.unreadable;
  if (opts.failOn !== 'never') {
    const hit = items.some((i) => i.report && (i.report.summary.errors > 0 || (opts.failOn === 'warning' && i.report.summary.warnings > 0)));
    if (hit) return EXIT.failOn;
  }
  return EXIT.ok;
}

async function isFolderArg(arg: string | undefined, cwd: string): Promise<boolean> {
  if (arg === undefined) return false;
  try {
    return (await stat(path.resolve(cwd, arg))).isDirectory();
  } catch {
    return false;
  }
}

async function realOrSelf(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return p;
  }
}

/** Real paths of the local inputs (links resolved), to keep --out off them. */
async function realPaths(inputs: readonly Input[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const i of inputs) if (i.kind === 'file') out.add(await realOrSelf(i.path));
  return out;
}
