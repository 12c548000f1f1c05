/**
 * Extraction in steps (issue 6, found by the hostile e2e suite: a 200k-cell table froze the tab
 * for the whole 5–7 s extraction). extractDocumentSteps must give exactly extractDocument's
 * result, pause regularly on big tables, and the content script's sliced check must yield there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument, extractDocumentSteps } from '../../lib/extract';
import { checkDocumentSliced } from '../../lib/ext/page-check';
import { checkDocument } from '../../lib/index';

const lukou = readFileSync('tests/fixtures/lukou-2024.html', 'utf8');
const doc = (html: string) => parseHTML(html).document as unknown as Document;

function bigTable(rows: number, cols: number): string {
  const row = `<tr><td>项目</td>${'<td>1.00</td>'.repeat(cols - 1)}</tr>`;
  return `<!doctype html><html><head><title>t</title></head><body><p>收入支出决算总表</p><table>${row.repeat(rows)}</table></body></html>`;
}

/** Drain the steps; count the pauses. */
function drain(d: Document) {
  const steps = extractDocumentSteps(d);
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { result: r.value, pauses };
    pauses++;
  }
}

const shape = (x: ReturnType<typeof extractDocument>) =>
  JSON.stringify(x, (k, v) => (k === 'el' ? undefined : v));

describe('extractDocumentSteps', () => {
  it('gives exactly extractDocument\'s result on the seed page', () => {
    const d = doc(lukou);
    const { result } = drain(d);
    expect(shape(result)).toBe(shape(extractDocument(d)));
    expect(result.blocks.length).toBeGreaterThan(100);
  });

  it('pauses regularly inside one big table (walk and cell texts), not only between tables', () => {
    const d = doc(bigTable(300, 20)); // 6000 cells, one table
    const { result, pauses } = drain(d);
    expect(shape(result)).toBe(shape(extractDocument(d)));
    // ≥ 12k nodes walked (cells + texts) and 6000 cell texts read: well over 10 pause points.
    expect(pauses).toBeGreaterThan(10);
  });
});

describe('checkDocumentSliced', () => {
  it('yields to the page during extraction of a big table and still equals checkDocument', async () => {
    const d = doc(bigTable(300, 20));
    let clock = 0;
    const stages: string[] = [];
    let last = '';
    const run = await checkDocumentSliced(d, {
      budgetMs: 1,
      // Each reading of the clock advances it: every pause point is over budget, so it yields.
      now: () => (clock += 1),
      onProgress: (p) => {
        last = p.stage;
      },
      yieldTo: async () => {
        stages.push(last);
      },
    });
    expect(stages.filter((s) => s === 'extract').length).toBeGreaterThan(10);
    const plain = checkDocument(doc(bigTable(300, 20)));
    expect(run.findings.length).toBe(plain.findings.length);
    expect(Object.keys(run.disclosure.tables)).toEqual(Object.keys(plain.disclosure.tables));
  });
});
