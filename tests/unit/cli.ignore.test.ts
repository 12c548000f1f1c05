/**
 * `--ignore FILE` (issue 23 item 6, docs/dismissals.md): dismissed findings stay in the report,
 * marked, and leave the counts and --fail-on; a file that is not a dismissals file is a usage error.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main';
import { ReportSchema, type Report } from '../../lib/report/schema';
import { dismissalOf, emptyFile, withDismissals } from '../../lib/report/dismiss';

vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'tests/fixtures/lukou-2024.html';

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd: ROOT });
  return { code, stdout, stderr };
}

let tmp: string;
let base: Report;
const AT = '2026-12-07T13:00:00.000Z';
beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-ignore-'));
  base = ReportSchema.parse(JSON.parse((await runCli(['-q', '-f', 'json', SEED])).stdout));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, body: unknown): string => {
  const p = path.join(tmp, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

describe('CLI --ignore', () => {
  it('marks the dismissed findings, keeps every finding, and counts only the others', async () => {
    const sha = createHash('sha256').update(readFileSync(path.join(ROOT, SEED))).digest('hex');
    const err = base.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    const warn = base.findings.findIndex((f) => f.severity === 'warning');
    const other = base.findings.findIndex((f, i) => i !== err && i !== warn);
    expect(Math.min(err, warn, other)).toBeGreaterThanOrEqual(0);
    const file = withDismissals(emptyFile(), [
      dismissalOf(base.findings[err], `sha256:${sha}`, '已与财务核对', AT), // this file, by its content
      dismissalOf(base.findings[warn], null, '', AT), // any document
      dismissalOf(base.findings[other], 'https://elsewhere.gov.cn/x.html', '', AT), // another document: not applied
    ]);
    const ign = write('ignore.json', file);
    const r = ReportSchema.parse(JSON.parse((await runCli(['-q', '-f', 'json', '--ignore', ign, SEED])).stdout));
    expect(r.findings.length).toBe(base.findings.length);
    expect(r.findings.flatMap((f, i) => (f.dismissed ? [i] : []))).toEqual([err, warn].sort((a, b) => a - b));
    expect(r.findings[err].dismissed).toEqual({ note: '已与财务核对', at: AT });
    expect(r.summary).toMatchObject({ errors: base.summary.errors - 1, warnings: base.summary.warnings - 1, notices: base.summary.notices, dismissed: 2 });

    const text = (await runCli(['-q', '--ignore', ign, SEED])).stdout;
    expect(text).toContain('已忽略 Dismissed (2)');
    expect(text).toContain('说明 note: 已与财务核对');
    const md = (await runCli(['-q', '-f', 'md', '--ignore', ign, SEED])).stdout;
    expect(md).toContain('已忽略 Dismissed (2)');
    const csv = (await runCli(['-q', '-f', 'csv', '--ignore', ign, SEED])).stdout;
    expect(csv.split('\r\n')[0].endsWith(',dismissed')).toBe(true);
    expect(csv.split('\r\n').filter((l) => l.endsWith(',已与财务核对'))).toHaveLength(1);
  });

  it('--fail-on counts only what is not dismissed', async () => {
    const errors = base.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const all = write('all-errors.json', withDismissals(emptyFile(), errors.map((f) => dismissalOf(f, null, '', AT))));
    expect((await runCli(['-q', '-f', 'json', '--fail-on', 'error', SEED])).code).toBe(3);
    expect((await runCli(['-q', '-f', 'json', '--fail-on', 'error', '--ignore', all, SEED])).code).toBe(0);
    expect((await runCli(['-q', '-f', 'json', '--fail-on', 'warning', '--ignore', all, SEED])).code).toBe(base.summary.warnings > 0 ? 3 : 0);
  });

  it.each([
    ['not JSON', '{oops', 'not JSON'],
    ['another JSON file', { findings: [] }, 'not a dismissals file'],
    ['a later version', { format: 'disclosure-checker/dismissals', version: 2, dismissals: [] }, 'not a dismissals file'],
    ['an entry without its cells', { format: 'disclosure-checker/dismissals', version: 1, dismissals: [{ rule: 'I-01', quote: null }] }, 'not a dismissals file'],
  ])('refuses %s as a usage error, checking nothing', async (_, body, msg) => {
    const r = await runCli(['-q', '--ignore', write('bad.json', body), SEED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(msg);
  });

  it('refuses a missing file as a usage error', async () => {
    const r = await runCli(['-q', '--ignore', path.join(tmp, 'missing.json'), SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });
});
