/**
 * The command line with Word and Excel files (issue 18, item 4): in a folder mixed with pages, by
 * URL (Content-Type or bytes), and unreadable ones on their own summary line while the batch goes on.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../cli/main';
import { ReportSchema, type Report } from '../../../lib/report/schema';

vi.setConfig({ testTimeout: 120_000 });

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures');

async function runCli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd, retryDelayMs: 10 });
  return { code, stdout, stderr };
}

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dc-office-'));
  copyFileSync(path.join(FIX, 'lukou-2024/page.html'), path.join(dir, 'a-page.html'));
  copyFileSync(path.join(FIX, 'drafts/lukou-2024.docx'), path.join(dir, 'b-draft.docx'));
  copyFileSync(path.join(FIX, 'drafts/lukou-2024-tables.xlsx'), path.join(dir, 'c-tables.xlsx'));
  writeFileSync(path.join(dir, 'd-broken.docx'), readFileSync(path.join(FIX, 'drafts/lukou-2024.docx')).subarray(0, 5000));
  copyFileSync(path.join(FIX, 'drafts/lukou-2024.doc'), path.join(dir, 'e-draft.wps'));
  // Word's lock file beside an open draft is not a disclosure.
  writeFileSync(path.join(dir, '~$draft.docx'), 'lock');
  server = createServer((req, res) => {
    const send = (file: string, type: string) => {
      res.writeHead(200, { 'content-type': type });
      res.end(readFileSync(path.join(FIX, file)));
    };
    if (req.url === '/tables.xls') return send('drafts/lukou-2024-tables.xls', 'application/vnd.ms-excel');
    // A portal serving a Word file as a generic download under a name without extension.
    if (req.url === '/download?id=7') return send('drafts/lukou-2024.docx', 'application/octet-stream');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI: Word and Excel files beside pages', () => {
  test('a folder of a page, a .docx, an .xlsx, a broken .docx and a .wps: three reports, two clear lines, exit 1', async () => {
    const run = await runCli(['--format', 'json', '.'], dir);
    const reports = (JSON.parse(run.stdout) as unknown[]).map((r) => ReportSchema.parse(r)) as Report[];
    expect(reports.map((r) => r.source)).toEqual(['./a-page.html', './b-draft.docx', './c-tables.xlsx']);
    expect(reports.map((r) => r.document.format)).toEqual(['html', 'docx', 'xlsx']);
    expect(reports[1].findings.length).toBe(reports[0].findings.length);
    expect(reports[2].findings.some((f) => f.message.includes('未提供说明部分（仅表格）'))).toBe(true);
    expect(run.stderr).toMatch(/d-broken\.docx: Word \(\.docx\) 文件已损坏或不完整/);
    expect(run.stderr).toMatch(/e-draft\.wps: WPS 文字格式（\.wps）不受支持/);
    expect(run.stderr).not.toContain('~$draft');
    expect(run.code).toBe(1);
  });
  test('the text summary gives each unreadable file its own line', async () => {
    const run = await runCli(['.'], dir);
    const summary = run.stdout.slice(run.stdout.lastIndexOf('汇总 Summary'));
    expect(summary).toMatch(/5 份文档 documents: 2 无法读取 unreadable/);
    expect(summary.split('\n').filter((l) => l.includes('无法读取 unreadable  —')).length).toBe(2);
  });
  test('by URL: an .xls served as application/vnd.ms-excel and a .docx served as octet-stream', async () => {
    const run = await runCli(['--format', 'json', `${base}/tables.xls`, `${base}/download?id=7`], dir);
    expect(run.stderr).not.toMatch(/错误 error/);
    const reports = (JSON.parse(run.stdout) as unknown[]).map((r) => ReportSchema.parse(r)) as Report[];
    expect(reports.map((r) => r.tables.length)).toEqual([9, 9]);
    expect(reports.map((r) => r.document.format)).toEqual(['xls', 'docx']);
    expect(reports[0].findings.filter((f) => f.rule === 'S-04').length).toBe(1);
    expect(reports[1].findings.filter((f) => f.rule.startsWith('N-')).length).toBeGreaterThan(0);
    expect(run.code).toBe(0);
  });
});
