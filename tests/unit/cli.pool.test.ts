/**
 * Batch at scale (issue 22): the worker pool gives the same ordered output with 1 and N workers
 * (and in the main thread); --unordered gives the same set; --format ndjson streams one line per
 * document; a run killed halfway and resumed gives the same summary as an uninterrupted run.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main, type CliIO } from '../../cli/main';
import { INDEX_FILE } from '../../cli/resume';

// Whole-page checks several times per test on a shared 2-core machine.
vi.setConfig({ testTimeout: 400_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function runCli(argv: string[], extra: Partial<CliIO> = {}) {
  const writes: string[] = [];
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void writes.push(s),
    stderr: (s) => void (stderr += s),
    stderrIsTTY: false,
    cwd: tmp,
    retryDelayMs: 10,
    ...extra,
  });
  return { code, stdout: writes.join(''), writes, stderr };
}

let tmp: string;
/** 6 inputs (5 readable, a PDF saved as .html) and a text file that is skipped. */
const SOURCES = [
  ...['news-article.html', 'attachment.html', 'shanghai/putuo-clean.html', 'shanghai/putuo-gbk.shtml', 'shanghai/putuo-t1-income-total.html', 'shanghai/putuo-t9-total.htm'].map((f) => `tests/fixtures/batch/${f}`),
];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-pool-'));
  mkdirSync(path.join(tmp, 'docs'));
  SOURCES.forEach((s, i) => copyFileSync(path.join(ROOT, s), path.join(tmp, 'docs', `d${String(i).padStart(2, '0')}-${path.basename(s)}`)));
  writeFileSync(path.join(tmp, 'docs', 'zz-notes.txt'), 'not a page');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('worker pool', () => {
  it('ordered output is identical with 1 and N workers and in the main thread; the CSV summary also unordered', async () => {
    const one = await runCli(['--format', 'json', '--jobs', '1', 'docs']);
    const three = await runCli(['--format', 'json', '--jobs', '3', '--concurrency', '4', 'docs']);
    const inThread = await runCli(['--format', 'json', '--jobs', '0', 'docs']);
    expect(one.code).toBe(1); // the PDF saved as .html
    expect(JSON.parse(one.stdout)).toHaveLength(5);
    expect(three.stdout).toBe(one.stdout);
    expect(inThread.stdout).toBe(one.stdout);
    const csv1 = await runCli(['--format', 'csv', '--jobs', '1', 'docs']);
    const csv2 = await runCli(['--format', 'csv', '--jobs', '2', '--unordered', 'docs']);
    expect(csv2.stdout).toBe(csv1.stdout); // the summary is sorted worst first, whatever the order of completion
  });

  it('--format ndjson: one line per input as each finishes, in input order; --unordered gives the same lines', async () => {
    const run = await runCli(['--format', 'ndjson', '--jobs', '2', 'docs']);
    const lines = run.stdout.trimEnd().split('\n');
    // 6 documents + the skipped notes file, each written on its own.
    expect(lines).toHaveLength(7);
    expect(run.writes).toHaveLength(7);
    const parsed = lines.map((l) => JSON.parse(l) as { source: string; error?: string; skipped?: string; tables?: unknown[] });
    expect(parsed.map((p) => path.basename(p.source))).toEqual([...SOURCES.map((s, i) => `d${String(i).padStart(2, '0')}-${path.basename(s)}`), 'zz-notes.txt']);
    expect(parsed[1]).toEqual({ source: 'docs/d01-attachment.html', error: '此 PDF 文件已损坏或不完整，无法读取 · This PDF is damaged or incomplete and cannot be read' });
    expect(parsed[6]).toEqual({ source: 'docs/zz-notes.txt', skipped: '.txt not a page type checked · 不是可校验的文件类型' });
    expect(parsed[2].tables!.length).toBeGreaterThan(0);
    const unordered = await runCli(['--format', 'ndjson', '--jobs', '2', '--unordered', 'docs']);
    expect(unordered.stdout.trimEnd().split('\n').sort()).toEqual([...lines].sort());
  });
});

describe('--resume', () => {
  const summaryFiles = ['summary.csv', 'summary.md', 'summary.json'];

  it('a run killed halfway and resumed gives the same summary as an uninterrupted run; nothing is checked twice', async () => {
    // Uninterrupted reference.
    const full = await runCli(['--format', 'json', '--jobs', '2', '-q', '--out', 'full/', 'docs']);
    expect(full.code).toBe(1);

    // The real command in a child process, killed (SIGKILL) once about half the reports are indexed.
    const dir = path.join(tmp, 'resumed');
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'cli/check.ts'), '--format', 'json', '--jobs', '1', '-q', '--resume', 'resumed', 'docs'], {
      cwd: tmp,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const indexed = () => (existsSync(path.join(dir, INDEX_FILE)) ? readFileSync(path.join(dir, INDEX_FILE), 'utf8').split('\n').filter(Boolean).length : 0);
    for (let i = 0; i < 1200 && indexed() < 2; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const before = indexed();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(5); // really halfway: 5 readable documents in all
    expect(existsSync(path.join(dir, 'summary.csv'))).toBe(false);

    // Resumed in this process: only the rest is checked.
    const resumed = await runCli(['--format', 'json', '--jobs', '2', '-q', '--resume', 'resumed', 'docs']);
    expect(resumed.code).toBe(1);
    const index = readFileSync(path.join(dir, INDEX_FILE), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: string });
    expect(index).toHaveLength(5);
    expect(new Set(index.map((e) => e.source)).size).toBe(5);
    for (const f of summaryFiles) expect([f, readFileSync(path.join(dir, f), 'utf8')]).toEqual([f, readFileSync(path.join(tmp, 'full', f), 'utf8').replaceAll('full/', 'resumed/')]);
    // The same report files as the uninterrupted run, no half-written ones.
    expect(readdirSync(dir).filter((f) => !f.startsWith('.')).sort()).toEqual(readdirSync(path.join(tmp, 'full')).sort());
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    // A third run checks nothing again; a changed file is checked again.
    const again = await runCli(['--format', 'json', '--jobs', '0', '-q', '--resume', 'resumed', 'docs']);
    expect(again.code).toBe(1);
    expect(readFileSync(path.join(dir, INDEX_FILE), 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
    writeFileSync(path.join(tmp, 'docs', 'd00-news-article.html'), '<html><body><p>已更新 updated</p></body></html>');
    await runCli(['--format', 'json', '--jobs', '0', '-q', '--resume', 'resumed', 'docs']);
    expect(readFileSync(path.join(dir, INDEX_FILE), 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    copyFileSync(path.join(ROOT, SOURCES[0]), path.join(tmp, 'docs', 'd00-news-article.html'));
  });
});
