/**
 * The command line (design.md, "Contracts" 1; issue 7 batch checking).
 *   npm run check -- [options] [PATH | FOLDER | URL ...]
 * Exit status: 0 the check ran (whatever it found); 1 an input could not be read (or --out not written);
 * 2 usage error; 3 findings reached --fail-on (and every input was read).
 */
import { mkdir, open, readFile, realpath, rename, writeFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../lib/index';
import { CSV_BOM, FINDINGS_CSV_HEADER } from '../lib/report/csv';
import { compareRows, renderPairsMarkdown, renderPairsText, renderSummaryCsv, renderSummaryMarkdown, renderSummaryText, summaryTotals, type BudgetPair, type SummaryItem, type SummaryRow } from '../lib/report/summary';
import { decodeHtml, NotHtmlError } from './decode';
import { checkPdfBytes, isPdfInput } from './pdf';
import { fetchPage, FetchError, MAX_BODY_BYTES, USER_AGENT, VERSION, type Fetched, type FetchOptions, type Resolver } from './fetch';
import { crawl, type Crawl } from './crawl';
import { readLocalFile, ReadError, readErrorMessage } from './read';
import { sanitizeText, terminalSafeJson } from '../lib/sanitize';
import { expandInputs, type Input } from './inputs';
import { isDocumentFile, readDocumentFile } from './files';
import { Progress } from './progress';
import { runBatch, type BatchItem } from './batch';
import { ResumeIndex } from './resume';
import { IgnoreFileError, readIgnoreFile } from './ignore';
import { checkedRun, FORMATS, type Checked, type Format, type RenderSpec, type ReportLang } from './render';
import { pairBudgets, type BudgetProfile } from '../lib/checks/B-N16';

export { FORMATS, type Format, type ReportLang } from './render';
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Below this many inputs the default is to check in the main thread. */
export const SMALL_BATCH = 8;

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
  -f, --format text|json|csv|md|ndjson
                                  report format (default text); ndjson: one report per line as
                                  each document finishes ({source, error} for one not read)
  -o, --out FILE|FOLDER/          write the report to FILE; a FOLDER (existing, or ending in /)
                                  gets one report per input plus summary.csv / summary.md
      --list FILE                 read inputs (URLs or paths) from FILE, one per line, # comments
  -j, --jobs N                    worker threads checking documents (default: the number of
                                  cores, ${availableParallelism()} here, from ${SMALL_BATCH} inputs on); 0: the main thread
      --unordered                 hand results on as they finish (default: input order)
      --resume FOLDER             write reports to FOLDER and skip inputs whose report is already
                                  there for the same content (sha-256) and checker version
      --concurrency N             inputs read/fetched at once (default 2)
      --crawl URL                 check a portal from its listing page: its pagination (下一页/尾页,
                                  createPageHTML scripts), the articles listed and their PDF/Office
                                  attachments; same site only, robots.txt honoured
      --max N                     documents a crawl hands on at most (default 1000)
      --depth N                   1: the articles only; 2: also their attachments (default 2)
      --delay SECONDS             pause between two requests to one host (default 1)
      --per-host N                requests to one host at once (default 1)
      --timeout SECONDS           per URL request (default 30)
      --retries N                 retries on network errors / 5xx / 429 (default 2, back-off 1s, 2s, …)
      --max-size MB               largest file or response body read, after decompression (default 50)
      --ignore FILE               findings the reviewer dismissed (已核实，不是问题): the file the
                                  extension exports (docs/dismissals.md); they stay in the report,
                                  marked, and leave the counts and --fail-on
      --insights                  also run the insights (分析提示, rules X-xx): 三公 above budget,
                                  an actual 30% off its budget with no reason given; notices only
      --fail-on error|warning|never
                                  exit 3 when findings reach this severity (default never)
      --lang zh|both              zh: Chinese only (text, md, csv); default both, Chinese first
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
  /** Worker threads; null when not given (cores, or none for a handful of inputs). */
  jobs: number | null;
  unordered: boolean;
  resume: string | null;
  crawl: string | null;
  max: number;
  depth: number;
  delay: number;
  perHost: number;
  timeoutMs: number;
  retries: number;
  maxBytes: number;
  failOn: FailOn;
  /** Text, Markdown and CSV in Chinese only ('zh') or Chinese with English (default). */
  lang: ReportLang;
  ignore: string | null;
  /** Run the insights (X-xx notices, off by default). */
  insights: boolean;
  quiet: boolean;
  inputs: string[];
}

const LANGS: readonly ReportLang[] = ['zh', 'both'];

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
        jobs: { type: 'string', short: 'j' },
        unordered: { type: 'boolean' },
        resume: { type: 'string' },
        crawl: { type: 'string' },
        max: { type: 'string' },
        depth: { type: 'string' },
        delay: { type: 'string' },
        'per-host': { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'max-size': { type: 'string' },
        'fail-on': { type: 'string' },
        lang: { type: 'string' },
        ignore: { type: 'string' },
        insights: { type: 'boolean' },
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
  const lang = (v.lang ?? 'both') as ReportLang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')} (got "${v.lang}")`);
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
    jobs: v.jobs === undefined ? null : num('jobs', v.jobs, 0, 0, true),
    unordered: Boolean(v.unordered),
    resume: v.resume ?? null,
    crawl: v.crawl ?? null,
    max: num('max', v.max, 1000, 1, true),
    depth: num('depth', v.depth, 2, 1, true),
    delay: num('delay', v.delay, 1, 0, false),
    perHost: num('per-host', v['per-host'], 1, 1, true),
    timeoutMs: Math.round(timeout * 1000),
    retries: num('retries', v.retries, 2, 0, true),
    maxBytes: Math.round(num('max-size', v['max-size'], MAX_BODY_BYTES / 1024 / 1024, 0.000001, false) * 1024 * 1024),
    failOn,
    lang,
    ignore: v.ignore ?? null,
    insights: Boolean(v.insights),
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
  /** Run the insights (X-xx) too. */
  insights?: boolean;
  /** The fetcher for URL inputs (a crawl's polite one); default fetchPage. */
  fetchUrl?: (url: string, opts: FetchOptions) => Promise<Fetched>;
}

/** The bytes of one input, ready to check (or why there are none). */
export type ReadResult =
  | { ok: true; source: string; bytes: Uint8Array; contentType: string | null; finalUrl: string | null; filePath: string | null }
  | { ok: false; item: SummaryItem };

/** Reads or fetches one input (I/O only; the main thread does this so workers only compute). Never throws. */
export async function readInput(input: Input, opts: CheckOptions): Promise<ReadResult> {
  const { source } = input;
  if (input.kind === 'invalid') return { ok: false, item: { source, error: input.error } };
  if (input.kind === 'skipped') return { ok: false, item: { source, skipped: input.reason } };
  try {
    if (input.kind === 'file') {
      return { ok: true, source, bytes: await readLocalFile(input.path, opts.maxBytes ?? MAX_BODY_BYTES), contentType: null, finalUrl: null, filePath: input.path };
    }
    const got: Fetched = input.kind === 'fetched' ? { bytes: input.bytes, contentType: input.contentType, url: input.finalUrl } : await (opts.fetchUrl ?? fetchPage)(input.url, opts);
    const mime = (got.contentType ?? '').split(';')[0].trim().toLowerCase();
    // A PDF or Office file is recognised by its bytes (a portal's Content-Type is often wrong).
    if (mime && !isPdfInput(null, mime, got.bytes) && !isDocumentFile(got.bytes, urlFileName(got.url)) && !/^(text\/html|application\/xhtml\+xml|text\/plain|application\/octet-stream)$/.test(mime)) {
      return { ok: false, item: { source, error: `not an HTML page (Content-Type ${mime}) · 不是网页` } };
    }
    return { ok: true, source, bytes: got.bytes, contentType: got.contentType, finalUrl: got.url, filePath: null };
  } catch (err) {
    return { ok: false, item: { source, error: err instanceof FetchError || err instanceof ReadError ? err.message : readErrorMessage(err) } };
  }
}

/** Where the bytes came from, for the format dispatch and the report. */
export interface ReadMeta {
  contentType: string | null;
  finalUrl: string | null;
  filePath: string | null;
  /** Run the insights (X-xx) too (off by default). */
  insights?: boolean;
}

/** Dispatches by format, decodes, parses and checks bytes already read (CPU only: what a worker does). Never throws. */
export async function checkBytes(source: string, bytes: Uint8Array, meta: ReadMeta): Promise<Checked> {
  const { contentType, finalUrl, filePath } = meta;
  const insights = Boolean(meta.insights);
  // Other formats are read into the same DOM of blocks by their own reader.
  if (isPdfInput(filePath, contentType, bytes)) {
    const item = await checkPdfBytes(bytes, source, { insights });
    return item.report && finalUrl !== null && finalUrl !== source ? { ...item, report: { ...item.report, finalUrl } } : item;
  }
  const name = filePath ?? urlFileName(finalUrl ?? source);
  if (isDocumentFile(bytes, name)) return checkDocumentFile(source, bytes, name, finalUrl, insights);
  let html: string;
  try {
    html = decodeHtml(bytes, contentType).text;
  } catch (err) {
    return { source, error: err instanceof NotHtmlError ? err.message : `cannot decode: ${(err as Error).message}` };
  }
  try {
    const { document } = parseHTML(html);
    return checkedRun(checkDocument(document as unknown as Document, { insights }), source, finalUrl);
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
async function checkDocumentFile(source: string, bytes: Uint8Array, name: string, finalUrl: string | null, insights: boolean): Promise<Checked> {
  const read = await readDocumentFile(bytes, name);
  if (!read.ok) return { source, error: read.error };
  try {
    return checkedRun(checkDocument(read.root, { format: read.format, insights }), source, finalUrl);
  } catch (err) {
    return { source, error: `internal error while checking · 校验程序内部错误: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** Reads, decodes, parses and checks one input in this thread. Never throws: failures become `error`. */
export async function checkInput(input: Input, opts: CheckOptions): Promise<SummaryItem> {
  const got = await readInput(input, opts);
  return got.ok ? checkBytes(got.source, got.bytes, { ...got, insights: opts.insights }) : got.item;
}

const EXT: Record<Format, string> = { text: 'txt', json: 'json', csv: 'csv', md: 'md', ndjson: 'json' };

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

  let ignore: Awaited<ReturnType<typeof readIgnoreFile>> | null = null;
  if (opts.ignore !== null) {
    try {
      ignore = await readIgnoreFile(path.resolve(io.cwd, opts.ignore));
    } catch (err) {
      if (!(err instanceof IgnoreFileError)) throw err;
      io.stderr(`用法错误 usage error: ${sanitizeText(err.message)}\n`);
      return EXIT.usage;
    }
  }

  let inputs: Input[];
  let crawled: Crawl | null = null;
  if (opts.crawl !== null) {
    if (opts.inputs.length > 0 || opts.lists.length > 0) {
      io.stderr('用法错误 usage error: --crawl takes no other inputs · --crawl 不能与其他输入同时使用\n');
      return EXIT.usage;
    }
    crawled = crawl(opts.crawl, {
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      retryDelayMs: io.retryDelayMs ?? 1000,
      maxBytes: opts.maxBytes,
      fetch: io.fetch,
      resolve: io.resolve,
      depth: opts.depth,
      max: opts.max,
      delayMs: Math.round(opts.delay * 1000),
      perHost: opts.perHost,
      log: (line) => io.stderr(sanitizeText(line) + '\n'),
    });
    inputs = [];
  } else if (opts.inputs.length === 0 && opts.lists.length === 0) {
    inputs = [{ kind: 'file', source: DEFAULT_SAMPLE, path: path.join(PROJECT_ROOT, DEFAULT_SAMPLE) }];
  } else {
    inputs = await expandInputs(opts.inputs, { cwd: io.cwd, lists: opts.lists });
  }
  // One input given as one file or URL gets a bare report; folders and several inputs get an array / summary.
  const single = crawled === null && opts.lists.length === 0 && opts.inputs.length <= 1 && !(await isFolderArg(opts.inputs[0], io.cwd));

  if (opts.resume !== null) {
    // --resume FOLDER is the --out folder (they may both be given, naming the same folder).
    if (opts.out !== null && path.resolve(io.cwd, opts.out) !== path.resolve(io.cwd, opts.resume)) {
      io.stderr(`用法错误 usage error: --resume and --out name different folders · 两个文件夹不一致\n`);
      return EXIT.usage;
    }
    opts.out = opts.resume.replace(/[/\\]*$/, '/');
  }
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
  const progress = new Progress(io, crawled ? null : checkable, opts.quiet || (!crawled && checkable < 2));
  const write = outDir ? null : outPath ? await fileWriter(outPath) : { write: async (t: string) => io.stdout(t), close: async () => undefined };
  const sink = new Sink(opts.format, single, outDir, write, taken, opts.lang);
  // Reports are rendered where they were checked; a single ndjson input is one line like a batch's.
  const render: RenderSpec = { format: opts.format, lang: opts.lang, mode: outDir || (single && opts.format !== 'ndjson') ? 'doc' : 'stream' };
  const resume = outDir && opts.resume ? await ResumeIndex.open(outDir, `${VERSION}|${opts.format}${opts.lang === 'zh' ? '|zh' : ''}${ignore ? `|ignore:${ignore.digest}` : ''}${opts.insights ? '|insights' : ''}`) : null;
  if (outDir) for (const p of inputPaths) taken.add(path.basename(p).toLowerCase());
  if (resume) for (const f of resume.files()) taken.add(f.toLowerCase());
  let unreadable = false;
  let failOnHit = false;
  try {
    await runBatch(
      crawled ? crawled.inputs : inputs,
      {
        fetchUrl: crawled?.fetch,
        insights: opts.insights,
        timeoutMs: opts.timeoutMs,
        retries: opts.retries,
        retryDelayMs: io.retryDelayMs ?? 1000,
        maxBytes: opts.maxBytes,
        fetch: io.fetch,
        resolve: io.resolve,
        // Starting a worker costs more than checking a handful of pages: by default a few inputs
        // are checked in this thread, larger batches and crawls on every core.
        jobs: opts.jobs ?? (crawled || checkable >= SMALL_BATCH ? availableParallelism() : 0),
        concurrency: opts.concurrency,
        ordered: !opts.unordered,
        // The content hash: the resume key, and a document key dismissals may name.
        hash: resume !== null || ignore !== null,
        reuse: resume ? async (input, hash) => resume.lookup(input.source, hash) : undefined,
        render,
        ignore: ignore?.file ?? null,
      },
      async (item) => {
        if (item.skipped === undefined) {
          if (item.error !== undefined) {
            unreadable = true;
            progress.fail(item.source, item.error);
          }
          progress.tick(item.source);
        }
        const row = item.reused ?? item.row;
        if (opts.failOn !== 'never' && (row.errors > 0 || (opts.failOn === 'warning' && row.warnings > 0))) failOnHit = true;
        const file = await sink.add(item, row);
        if (resume && file && item.hash && !item.reused) await resume.record(item.source, item.hash, file, row, item.profile);
      },
    );
    progress.finish();
    const pairs = await sink.finish();
    for (const f of pairs.flatMap((p) => p.findings)) if (opts.failOn !== 'never' && (f.severity === 'error' || (opts.failOn === 'warning' && f.severity === 'warning'))) failOnHit = true;
    await write?.close();
    if (outDir && !opts.quiet) io.stderr(`已写入 wrote ${sink.reportCount} reports + summary to ${sanitizeText(opts.out ?? opts.resume ?? '')}\n`);
  } catch (err) {
    progress.finish();
    io.stderr(`错误 error: cannot write --out ${sanitizeText(opts.out ?? '')}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} · 无法写入\n`);
    return EXIT.unreadable;
  }

  if (unreadable) return EXIT.unreadable;
  if (failOnHit) return EXIT.failOn;
  return EXIT.ok;
}

/** Appends to a file as results arrive (the file is created empty first). */
async function fileWriter(file: string): Promise<{ write(t: string): Promise<void>; close(): Promise<void> }> {
  const fh = await open(file, 'w');
  return { write: async (t) => void (await fh.write(t)), close: () => fh.close() };
}

/**
 * Where results go, as they arrive: one report file each in an --out folder (summaries at the
 * end from the rows), or a stream on stdout / --out FILE. Only summary rows are kept, so memory
 * stays flat; Markdown to one file keeps the rendered reports because its summary comes first.
 */
class Sink {
  private rows: SummaryRow[] = [];
  private first = true;
  private held: string[] = [];
  private singleText: string | null = null;
  private singleSeen = false;
  /** 单位/部门 budget profiles met so far (small), paired at the end (B-N16). */
  private profiles: { source: string; profile: BudgetProfile }[] = [];
  /** Report files in input order (for findings.csv). */
  private files: string[] = [];
  reportCount = 0;

  constructor(
    private format: Format,
    private single: boolean,
    private outDir: string | null,
    private out: { write(t: string): Promise<void> } | null,
    private taken: Set<string>,
    private lang: ReportLang = 'both',
  ) {}

  /** Takes one result; returns the report file written in an --out folder (or reused), if any. */
  async add(item: BatchItem, row: SummaryRow): Promise<string | null> {
    this.rows.push(row);
    if (item.profile) this.profiles.push({ source: item.source, profile: item.profile });
    if (item.reused) {
      this.reportCount++;
      this.files.push(item.reusedFile);
      return item.reusedFile;
    }
    if (this.outDir) {
      if (item.text === null) return null;
      const name = reportFileName(item.source, this.format, this.taken);
      // Written under a temporary name and renamed, so a killed run never leaves half a report.
      const tmp = path.join(this.outDir, `.${name}.part`);
      await writeFile(tmp, item.text);
      await rename(tmp, path.join(this.outDir, name));
      this.files.push(name);
      this.reportCount++;
      return name;
    }
    const out = this.out!;
    if (this.single) {
      if (!this.singleSeen) this.singleText = item.text;
      this.singleSeen = true;
      return null;
    }
    const text = item.text;
    if (text === null) return null;
    switch (this.format) {
      case 'ndjson':
        await out.write(text);
        break;
      case 'json':
        await out.write((this.first ? '[\n' : ',\n') + text);
        this.first = false;
        break;
      case 'text':
        await out.write((this.first ? '' : TEXT_SEPARATOR) + text);
        this.first = false;
        break;
      case 'md':
        this.held.push(text);
        break;
      default:
        break; // csv: the summary only
    }
    return null;
  }

  /** Writes the summaries; returns the unit–department pairs found (B-N16). */
  async finish(): Promise<BudgetPair[]> {
    const rows = this.rows.sort(compareRows);
    const pairs = pairBudgets(this.profiles);
    if (this.outDir) {
      const dir = this.outDir;
      await writeFile(path.join(dir, 'summary.csv'), renderSummaryCsv(rows));
      await writeFile(path.join(dir, 'summary.md'), renderSummaryMarkdown(rows) + renderPairsMarkdown(pairs));
      if (this.format === 'json' || this.format === 'ndjson') {
        const json = { totals: summaryTotals(rows), documents: rows, ...(pairs.length ? { pairs } : {}) };
        await writeFile(path.join(dir, 'summary.json'), terminalSafeJson(JSON.stringify(json, null, 2)) + '\n');
      }
      if (this.format === 'text') await writeFile(path.join(dir, 'summary.txt'), renderSummaryText(rows) + renderPairsText(pairs));
      if (this.format === 'csv') await concatFindings(dir, this.files, this.lang);
      return pairs;
    }
    const out = this.out!;
    if (this.single) {
      if (this.singleText !== null) await out.write(this.singleText);
      return pairs;
    }
    switch (this.format) {
      case 'json':
        await out.write(this.first ? '[]\n' : '\n]\n');
        break;
      case 'text':
        await out.write((this.first ? '' : TEXT_SEPARATOR) + renderSummaryText(rows) + renderPairsText(pairs));
        break;
      case 'md':
        await out.write([renderSummaryMarkdown(rows) + renderPairsMarkdown(pairs), ...this.held].join('\n'));
        break;
      case 'csv':
        await out.write(renderSummaryCsv(rows));
        break;
      default:
        break; // ndjson: the lines are the output
    }
    return pairs;
  }
}

const TEXT_SEPARATOR = '\n' + '─'.repeat(60) + '\n\n';

/** findings.csv from the per-report CSV files, one at a time (their header and BOM dropped). */
async function concatFindings(dir: string, files: readonly string[], lang: ReportLang): Promise<void> {
  const fh = await open(path.join(dir, 'findings.csv'), 'w');
  try {
    await fh.write(CSV_BOM + FINDINGS_CSV_HEADER.filter((h) => lang !== 'zh' || h !== 'message_en').join(',') + '\r\n');
    for (const f of files) {
      let text: string;
      try {
        text = await readFile(path.join(dir, f), 'utf8');
      } catch {
        continue;
      }
      const body = text.replace(/^\uFEFF/, '');
      const at = body.indexOf('\r\n');
      if (at >= 0) await fh.write(body.slice(at + 2));
    }
  } finally {
    await fh.close();
  }
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
