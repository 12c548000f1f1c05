/**
 * Narrative mutation test (issue 16 acceptance): on the seed page, change every percentage the
 * claim rules reconcile — by one whole point (1.18% → 2.18%, 100% → 101%), or by a tenth of it from
 * 100% up (1477.08% → 1624.79%: over a base of 0.48万元 one point is inside what rounding of the
 * operands allows) — re-run the claim rules, and require an error or warning stating the changed
 * percentage. The page is parsed once; each mutation edits a text node in place and restores it.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Decimal from 'decimal.js';
import { checkDocument } from '../../../lib/index';
import { CLAIM_RULES } from '../../../lib/checks/registry';
import { analyse, numKey } from '../../../lib/claims/index';

function textNodes(el: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out.push(c as Text);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

describe.each(['lukou-2024', 'putuo-2025'])('narrative mutation: every reconciled percentage, changed, is caught (%s)', (name) => {
  const html = readFileSync(new URL(`../../fixtures/${name}.html`, import.meta.url), 'utf8');
  const { document } = parseHTML(html);

  test('each changed percentage is reported on its sentence', { timeout: 240_000 }, () => {
    const run0 = checkDocument(document as unknown as Document, { rules: CLAIM_RULES });
    const a = analyse(run0.disclosure);
    const before = new Set(run0.findings.map((f) => `${f.rule}|${f.quote}|${f.actual}`));
    // Every percentage a rule reconciled (found and checked), with the text node that prints it.
    const targets: { node: Text; at: number; text: string; sentence: string }[] = [];
    for (const it of a.sentences) {
      for (const n of it.nums) {
        if (n.kind !== 'percent' || !a.reconciled.has(numKey(it.paragraph, n))) continue;
        const el = it.paragraph.el;
        if (!el) continue;
        const nodes = textNodes(el);
        const node = nodes.find((x) => x.data.includes(n.text));
        if (!node || node.data.indexOf(n.text) !== node.data.lastIndexOf(n.text)) continue;
        targets.push({ node, at: node.data.indexOf(n.text), text: n.text, sentence: it.sentence.text });
      }
    }
    expect(targets.length).toBeGreaterThan(10);
    const missed: string[] = [];
    for (const t of targets) {
      const m = t.text.match(/^([0-9.]+)(\s*[%％])$/)!;
      const dec = m[1].includes('.') ? m[1].length - m[1].indexOf('.') - 1 : 0;
      const v = new Decimal(m[1]);
      const changed = (v.gte(100) && !v.eq(100) ? v.mul('1.1') : v.plus(1)).toFixed(dec) + m[2];
      const saved = t.node.data;
      t.node.data = saved.slice(0, t.at) + changed + saved.slice(t.at + t.text.length);
      try {
        const run = checkDocument(document as unknown as Document, { rules: CLAIM_RULES });
        const hit = run.findings.some(
          (f) => f.severity !== 'notice' && (f.actual ?? '').replace(/\s+/g, '') === changed.replace(/\s+/g, '') && !before.has(`${f.rule}|${f.quote}|${f.actual}`),
        );
        if (!hit) missed.push(`${t.text} → ${changed} in “${t.sentence}”`);
      } finally {
        t.node.data = saved;
      }
    }
    console.log(`narrative mutation (${name}): ${targets.length - missed.length}/${targets.length} percentages caught`);
    expect(missed).toEqual([]);
  });
});
