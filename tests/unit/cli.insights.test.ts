/**
 * Insights (issue 23 item 5) are off by default: without --insights no X-xx rule runs and the report
 * is the same as before; with it the X-xx rules run and report notices only.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main';
import { ReportSchema, type Report } from '../../lib/report/schema';
import { INSIGHT_RULES, RULES, rulesFor } from '../../lib/checks/registry';
import { isInsight } from '../../lib/checks/insights';

vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'tests/fixtures/lukou-2024.html';

async function report(argv: string[]): Promise<Report> {
  let stdout = '';
  const code = await main(['-q', '-f', 'json', ...argv], { stdout: (s) => void (stdout += s), stderr: () => undefined, stderrIsTTY: false, cwd: ROOT });
  expect(code).toBe(0);
  return ReportSchema.parse(JSON.parse(stdout));
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-insights-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('insights are off by default', () => {
  it('the default rule sets hold no insight; asked for, a 决算 gets X-01 and X-02, a budget none', () => {
    expect(rulesFor('final').some((r) => isInsight(r.meta.id))).toBe(false);
    expect(RULES.some((r) => isInsight(r.meta.id))).toBe(false);
    expect(rulesFor('final', { insights: true }).map((r) => r.meta.id).filter(isInsight)).toEqual(['X-01', 'X-02']);
    expect(rulesFor('budget', { insights: true }).some((r) => isInsight(r.meta.id))).toBe(false);
    expect(INSIGHT_RULES.every((r) => r.meta.severity === 'notice')).toBe(true);
  });

  it('--insights runs the X-xx rules and changes nothing else on the seed (its reasons are all given)', async () => {
    const off = await report([SEED]);
    const on = await report(['--insights', SEED]);
    expect(off.rules.some((r) => isInsight(r.id))).toBe(false);
    expect(on.rules.filter((r) => isInsight(r.id))).toEqual([
      { id: 'X-01', outcome: 'pass' },
      { id: 'X-02', outcome: 'pass' },
    ]);
    expect(on.findings).toEqual(off.findings);
    expect(on.summary.rulesRun).toBe(off.summary.rulesRun + 2);
  });

  it('--insights: the reason for 公务接待费 left out → one X-02 notice on its T9 cells; without the flag nothing', async () => {
    const html = readFileSync(path.join(ROOT, SEED), 'utf8')
      .replace('决算数小于预算数的主要原因是未产生公务接待费用。', '')
      .replace('决算数小于预算数的主要原因是压缩相关费用支出。决算数小于上年数的主要原因是压缩相关费用支出。', '');
    const file = path.join(tmp, 'no-reason.html');
    writeFileSync(file, html);
    const off = await report([file]);
    const on = await report(['--insights', file]);
    expect(off.findings.some((f) => isInsight(f.rule))).toBe(false);
    const xs = on.findings.filter((f) => isInsight(f.rule));
    expect(xs.map((f) => [f.rule, f.severity, f.expected, f.actual, f.cells.map((c) => [c.table, c.text])])).toEqual([
      ['X-02', 'notice', '1.75', '0', [['T9', '1.75'], ['T9', '0']]],
    ]);
    expect(on.summary.errors).toBe(off.summary.errors);
    expect(on.summary.warnings).toBe(off.summary.warnings);
    expect(on.summary.notices).toBe(off.summary.notices + 1);
  });
});
