/** A crash inside the core on one page must not stop a batch: that input is reported, the rest are checked. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

vi.mock('../../lib/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/index')>();
  return {
    ...real,
    checkDocument: (root: Document) => {
      if ((root as Document).title === 'boom') throw new Error('simulated bug');
      return real.checkDocument(root);
    },
  };
});

const { main } = await import('../../cli/main');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-crash-'));
  writeFileSync(path.join(tmp, 'a-boom.html'), '<html><head><title>boom</title></head><body><p>x</p></body></html>');
  writeFileSync(path.join(tmp, 'b-fine.html'), '<html><head><title>fine</title></head><body><p>新闻</p></body></html>');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('reports the crashed input on one line, checks the others, exits 1', async () => {
  let stdout = '';
  let stderr = '';
  // --jobs 0: the mock lives in this thread (worker threads load the real core).
  const code = await main(['--format', 'json', '-q', '--jobs', '0', tmp], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd: tmp });
  expect(code).toBe(1);
  const reports = JSON.parse(stdout) as { source: string; tables: unknown[] }[];
  expect(reports.map((r) => path.basename(r.source))).toEqual(['b-fine.html']);
  expect(stderr.trim()).toMatch(/^错误 error: .*a-boom\.html: internal error while checking · 校验程序内部错误: simulated bug$/);
});
