/** What the CLI finds on a fixture: the same core on linkedom, reduced to comparable marks. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../../lib/index';
import type { Report } from '../../lib/report/schema';
import { PORTAL_HOST, ROOT, normText, type ExpectedMark } from './harness';
import { main } from '../../cli/main';

export interface CliResult {
  report: Report;
  /** One entry per (finding, referenced element). */
  marks: ExpectedMark[];
  /** Findings with at least one element on the page. */
  markedFindings: number[];
  /** Distinct page elements the findings reference. */
  elements: number;
  /** Findings with a sentence span (highlighted with the CSS Custom Highlight API). */
  sentences: number;
  /** Findings whose stated total (role total, error/warning) should carry data-dc-role="total". */
  totals: number;
}

export function cliFindings(file: string, source: string): CliResult {
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const run = checkDocument(document as unknown as Document);
  const report = toReport(run, source);
  const marks: ExpectedMark[] = [];
  const marked = new Set<number>();
  let totals = 0;
  let sentences = 0;
  const all = new Set<Element>();
  run.findings.forEach((f, i) => {
    if (f.spans.some((s) => s.paragraph.el && s.end > s.start)) sentences++;
    const els = new Set<Element>();
    for (const c of f.cells) if (c.cell.source?.el) els.add(c.cell.source.el);
    for (const s of f.spans) if (s.paragraph.el) els.add(s.paragraph.el);
    for (const el of els) all.add(el);
    for (const el of els) marks.push({ finding: i, severity: f.severity, text: normText(el.textContent) });
    if (els.size > 0) marked.add(i);
    if (f.severity !== 'notice' && f.cells.some((c) => c.role === 'total' && c.cell.source?.el)) totals++;
  });
  const key = (m: ExpectedMark) => `${m.finding}|${m.severity}|${m.text}`;
  marks.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return { report, marks, markedFindings: [...marked].sort((a, b) => a - b), totals, elements: all.size, sentences };
}

export function markKey(m: ExpectedMark): string {
  return `${m.finding}|${m.severity}|${m.text}`;
}

/**
 * The CLI (cli/main.ts, in process) run with `args` against the local fixture server under the
 * portal's host name, as the browsers' host-resolver rule makes it: fetches go to 127.0.0.1.
 */
export async function cliOnPortal(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    stderrIsTTY: false,
    cwd: ROOT,
    fetch: (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(PORTAL_HOST, '127.0.0.1'), init),
    resolve: async () => ['127.0.0.1'],
  });
  return { code, out, err };
}
