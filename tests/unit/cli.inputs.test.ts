import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandInputs, parseList } from '../../cli/inputs';
import { checkInput, reportFileName } from '../../cli/main';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-inputs-'));
  const mk = (p: string, s = '<p>x</p>') => {
    mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
    writeFileSync(path.join(tmp, p), s);
  };
  mk('site/b.html');
  mk('site/a.HTM');
  mk('site/sub/c.shtml');
  mk('site/sub/readme.txt');
  mk('site/.git/x.html');
  mk('site/node_modules/y.html');
  mk('site/Z.html');
  mk('empty.html', '');
  mkdirSync(path.join(tmp, 'nothing'));
  symlinkSync(path.join(tmp, 'gone-target.html'), path.join(tmp, 'site', 'dangling.html'));
  writeFileSync(path.join(tmp, 'urls.txt'), '\uFEFF# audit\n\nhttp://127.0.0.1/a.html\n  site/b.html  \nhttps://x.example/p?q=1\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('walks folders recursively in code-point order, page extensions only, listing hidden folders, node_modules and other files as skipped', async () => {
    const got = await expandInputs(['site'], { cwd: tmp, lists: [] });
    expect(got.map((i) => [i.kind, i.source])).toEqual([
      ['skipped', 'site/.git/'],
      ['file', 'site/Z.html'],
      ['file', 'site/a.HTM'],
      ['file', 'site/b.html'],
      ['file', 'site/dangling.html'],
      ['skipped', 'site/node_modules/'],
      ['file', 'site/sub/c.shtml'],
      ['skipped', 'site/sub/readme.txt'],
    ]);
  });

  it('keeps the order of the arguments, removes duplicate files, and reports an empty folder', async () => {
    const got = await expandInputs(['site/b.html', 'https://x.example/', 'site/b.html', 'nothing/', 'ftp-is-a-path'], { cwd: tmp, lists: [] });
    expect(got.map((i) => [i.kind, i.source])).toEqual([
      ['file', 'site/b.html'],
      ['url', 'https://x.example/'],
      ['invalid', 'nothing/'],
      ['file', 'ftp-is-a-path'],
    ]);
  });

  it('reads --list files: comments, blank lines, BOM; relative paths from the list folder; a missing list is reported', async () => {
    expect(parseList('# c\n\na.html\nhttp://h/x\n', 'lists/urls.txt')).toEqual(['lists/a.html', 'http://h/x']);
    const got = await expandInputs([], { cwd: tmp, lists: ['urls.txt', 'missing.txt'] });
    expect(got.map((i) => [i.kind, i.source])).toEqual([
      ['invalid', 'missing.txt'],
      ['url', 'http://127.0.0.1/a.html'],
      ['file', 'site/b.html'],
      ['url', 'https://x.example/p?q=1'],
    ]);
  });
});

describe('checkInput failures', () => {
  const opts = { timeoutMs: 1000, retries: 0, retryDelayMs: 1 };
  it.each([
    ['site/dangling.html', /file not found/],
    ['empty.html', /empty file/],
    ['nothing', /is a folder, not a file/],
  ])('%s → unreadable', async (rel, message) => {
    const item = await checkInput({ kind: 'file', source: rel, path: path.join(tmp, rel) }, opts);
    expect(item.report).toBeUndefined();
    expect(item.error).toMatch(message);
  });
});

describe('reportFileName', () => {
  it('is readable, filesystem-safe and unique', () => {
    const taken = new Set<string>();
    expect(reportFileName('pages/湖南/lukou-2024.html', 'json', taken)).toBe('pages__湖南__lukou-2024.json');
    expect(reportFileName('pages/湖南/lukou-2024.htm', 'json', taken)).toBe('pages__湖南__lukou-2024-2.json');
    expect(reportFileName('https://www.gov.cn/a/b.shtml?id=3&x=<y>', 'md', taken)).toBe('www.gov.cn__a__b.shtml_id_3_x_y.md');
    expect(reportFileName('../../summary.html', 'csv', taken)).toBe('summary-2.csv');
    expect(reportFileName('/', 'text', taken)).toBe('page.txt');
  });
});

describe('progress bar fitting', () => {
  it('cuts a long name from the left, counting CJK characters as two cells', async () => {
    const { fitLeft } = await import('../../cli/progress');
    expect(fitLeft('short.html', 20)).toBe('short.html');
    expect(fitLeft('abcdefghij.html', 8)).toBe('…ij.html');
    expect(fitLeft('渌口区委办公室.html', 10)).toBe('…公室.html'); // 1 + 2 + 2 + 5 cells
    expect(fitLeft('渌口区委办公室.html', 9)).toBe('…室.html');
    expect(fitLeft('anything', 1)).toBe('');
  });
});

describe('--out resolution', () => {
  it('an existing folder (no trailing slash) is resolved against the working directory, not the process cwd', async () => {
    const { main } = await import('../../cli/main');
    const { readdirSync } = await import('node:fs');
    mkdirSync(path.join(tmp, 'outdir'));
    let stdout = '';
    const code = await main(['-q', '--format', 'md', '--out', 'outdir', 'site/b.html'], { stdout: (s) => void (stdout += s), stderr: () => {}, stderrIsTTY: false, cwd: tmp });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(path.join(tmp, 'outdir')).sort()).toEqual(['site__b.md', 'summary.csv', 'summary.md']);
  });

  it('an --out that cannot be created fails at once with one line, exit 1', async () => {
    const { main } = await import('../../cli/main');
    let stderr = '';
    const code = await main(['--out', 'site/b.html/report.json', 'site/b.html'], { stdout: () => {}, stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^错误 error: cannot create --out site\/b\.html\/report\.json: E[A-Z]+ · 无法写入\n$/);
  });
});
