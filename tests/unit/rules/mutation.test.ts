/**
 * Mutation test (issue 3 acceptance): on the seed page, change every single amount cell that takes
 * part in a table identity by +0.10, re-run checkDocument, and require an error-severity finding
 * that references the changed cell. The page is parsed once; each mutation edits the cell's text
 * nodes in place and restores them.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Decimal from 'decimal.js';
import { checkDocument } from '../../../lib/index';
import { RULES } from '../../../lib/checks/registry';
import { traceParticipation } from '../../../lib/checks/helpers';
import type { ParticipationKind } from '../../../lib/checks/helpers';

const TABLE_RULES = RULES.filter((r) => /^I-\d\d$/.test(r.meta.id));

interface Target {
  el: Element;
  text: string;
  label: string;
  kinds: Set<ParticipationKind>;
  rules: Set<string>;
}

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

/** Replace the element's visible text with `text`, returning a function that restores it. */
function setText(el: Element, text: string): () => void {
  const nodes = textNodes(el);
  const saved = nodes.map((n) => n.data);
  const host = nodes.find((n) => /\d/.test(n.data)) ?? nodes[0];
  if (!host) {
    const added = el.ownerDocument.createTextNode(text);
    el.appendChild(added);
    return () => void el.removeChild(added);
  }
  for (const n of nodes) n.data = n === host ? text : n.data.replace(/[\d.,，．\-－]/g, '');
  return () => nodes.forEach((n, i) => (n.data = saved[i]));
}

describe('mutation: every amount cell in an identity, +0.10, is caught as an error (lukou-2024)', () => {
  const html = readFileSync(new URL('../../fixtures/lukou-2024.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);

  test('unmodified page: every applicable identity runs and none reports an error', () => {
    const run = checkDocument(document, { rules: TABLE_RULES });
    expect(run.findings.filter((f) => f.severity === 'error').map((f) => f.message.zh)).toEqual([]);
    const outcomes = Object.fromEntries(run.rules.map((r) => [r.id, r.outcome]));
    for (const r of TABLE_RULES) expect(['pass', 'not-applicable'], r.meta.id).toContain(outcomes[r.meta.id]);
    expect(outcomes['I-11']).toBe('not-applicable');
    expect(run.rules.filter((r) => r.outcome === 'pass').length).toBe(25);
  });

  test('each mutated cell is referenced by an error; 100% for cells in an equality identity', { timeout: 240_000 }, () => {
    const targets = new Map<Element, Target>();
    const stop = traceParticipation((cell, kind, rule) => {
      const el = cell.source.el;
      if (!el || cell.value.kind !== 'number') return;
      let t = targets.get(el);
      if (!t) {
        t = { el, text: cell.text, label: `${cell.table} R${cell.row}C${cell.col} "${cell.text}"`, kinds: new Set(), rules: new Set() };
        targets.set(el, t);
      }
      t.kinds.add(kind);
      t.rules.add(rule);
    });
    try {
      checkDocument(document, { rules: TABLE_RULES });
    } finally {
      stop();
    }
    expect(targets.size).toBeGreaterThan(100);

    const missed: string[] = [];
    let detected = 0;
    let equalityTotal = 0;
    let equalityDetected = 0;
    for (const t of targets.values()) {
      const cell = t.text.replace(/[\s\u3000,，]/g, '');
      const decimals = Math.max(2, cell.includes('.') ? cell.length - cell.indexOf('.') - 1 : 0);
      const mutated = new Decimal(cell).plus('0.10').toFixed(decimals);
      const restore = setText(t.el, mutated);
      let hit = false;
      try {
        const run = checkDocument(document, { rules: TABLE_RULES });
        hit = run.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.cell.source.el === t.el));
      } finally {
        restore();
      }
      const equality = t.kinds.has('equality');
      if (equality) equalityTotal++;
      if (hit) {
        detected++;
        if (equality) equalityDetected++;
      } else missed.push(`${t.label} → ${mutated} [${[...t.kinds].join(',')}; ${[...t.rules].join(',')}]`);
    }
    const rate = (detected / targets.size) * 100;
    const eqRate = (equalityDetected / equalityTotal) * 100;
    console.log(
      `mutation detection (lukou-2024): ${detected}/${targets.size} = ${rate.toFixed(1)}% of cells in an identity; ` +
        `${equalityDetected}/${equalityTotal} = ${eqRate.toFixed(1)}% of cells in an equality identity`,
    );
    if (missed.length > 0) console.log(`missed:\n${missed.join('\n')}`);
    expect(missed.filter((m) => m.includes('equality'))).toEqual([]);
    expect(equalityDetected).toBe(equalityTotal);
  });

  test('blank cells in an identity (every 8th), set to 0.10, are caught too', { timeout: 120_000 }, () => {
    const blanks: Element[] = [];
    const seen = new Set<Element>();
    const stop = traceParticipation((cell) => {
      const el = cell.source.el;
      if (!el || cell.value.kind !== 'empty' || seen.has(el)) return;
      seen.add(el);
      blanks.push(el);
    });
    try {
      checkDocument(document, { rules: TABLE_RULES });
    } finally {
      stop();
    }
    const sample = blanks.filter((_, i) => i % 8 === 0);
    expect(sample.length).toBeGreaterThan(20);
    const missed: string[] = [];
    for (const el of sample) {
      const restore = setText(el, '0.10');
      try {
        const run = checkDocument(document, { rules: TABLE_RULES });
        if (!run.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.cell.source.el === el))) missed.push(el.outerHTML.slice(0, 80));
      } finally {
        restore();
      }
    }
    console.log(`blank-cell mutation (lukou-2024): ${sample.length - missed.length}/${sample.length} sampled of ${blanks.length}`);
    expect(missed).toEqual([]);
  });

  test('restoring mutations leaves the page as it was: still no error', () => {
    const run = checkDocument(document, { rules: TABLE_RULES });
    expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
