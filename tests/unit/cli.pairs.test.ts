/**
 * B-N16 in a batch (issue 19): a 单位预算 beside its 部门预算 (same department, same year) is paired
 * and compared; the pairs go to the summaries (text, Markdown, summary.json), whether checked in
 * this thread or in workers, and survive --resume.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main';
import { asUnit, DEPT_BUDGET_HTML as DEPT, overBudget } from '../fixtures/budget/pair';

vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd: ROOT });
  return { code, stdout, stderr };
}

let tmp: string;
let same: string;
let over: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-pairs-'));
  same = path.join(tmp, 'same');
  over = path.join(tmp, 'over');
  for (const [dir, unit] of [
    [same, asUnit(DEPT)],
    [over, overBudget(asUnit(DEPT))],
  ] as const) {
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'dept.html'), DEPT);
    writeFileSync(path.join(dir, 'unit.html'), unit);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('B-N16 in a batch', () => {
  it('a unit with the same numbers as its department: one pair, nothing found', async () => {
    const { code, stdout } = await runCli(['--format', 'text', '-q', same]);
    expect(code).toBe(0);
    expect(stdout).toContain('部门预算 department budget');
    expect(stdout).toContain('单位预算 unit budget');
    expect(stdout).toMatch(/单位预算与部门预算 Unit and department budgets \(B-N16\)\n1 对 pairs: 0 错误 errors · 0 警告 warnings\n {2}单位 unit: \S+unit\.html {2}← {2}部门 department: \S+dept\.html\n {6}未发现问题 none found/);
  });

  it('a unit 功能 total above its department’s: one B-N16 error in the text and Markdown summaries, and --fail-on error exits 3', async () => {
    const text = await runCli(['--format', 'text', '-q', '--fail-on', 'error', over]);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('1 对 pairs: 1 错误 errors · 0 警告 warnings');
    expect(text.stdout).toContain('[B-N16] 错误 单位预算 2010301 支出合计 13,029,501.84 元大于部门预算的 12,029,501.84 元');
    const md = await runCli(['--format', 'md', '-q', over]);
    expect(md.stdout).toMatch(/\| \S+unit\.html \| \S+dept\.html \| 错误 error \| 单位预算 2010301 支出合计 13,029,501.84 元大于部门预算的 12,029,501.84 元/);
    // The unit's own report does not carry it: two documents are needed (docs/rules/B-N16.md).
    expect(md.stdout.split('单位预算与部门预算 Unit and department budgets')).toHaveLength(2);
  });

  it('workers give the same output as this thread, and a resumed --out folder pairs the stored documents too', async () => {
    const inThread = await runCli(['--format', 'text', '-q', '--jobs', '0', over]);
    const workers = await runCli(['--format', 'text', '-q', '--jobs', '2', over]);
    expect(workers.stdout).toBe(inThread.stdout);

    const out = path.join(tmp, 'out');
    await runCli(['--format', 'json', '-q', '--jobs', '2', '--out', out + '/', over]);
    const first = readFileSync(path.join(out, 'summary.json'), 'utf8');
    const again = await runCli(['--format', 'json', '-q', '--resume', out, over]);
    expect(again.code).toBe(0);
    const second = readFileSync(path.join(out, 'summary.json'), 'utf8');
    expect(second).toBe(first);
    const pairs = (JSON.parse(second) as { pairs: { unit: string; findings: { rule: string; severity: string; subject: string }[] }[] }).pairs;
    expect(pairs).toHaveLength(1);
    expect(pairs[0].findings.map((f) => [f.rule, f.severity, f.subject])).toEqual([['B-N16', 'error', '2010301']]);
  });
});
