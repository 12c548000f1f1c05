/**
 * Mutation test for budgets (issue 19 acceptance, as tests/unit/rules/mutation.test.ts for 决算): on
 * the budget page made from dept-budget.pdf, change every single amount cell that takes part in a
 * B-xx identity by +0.10 (元) and require an error-severity finding that references the changed
 * cell; blank cells in an identity set to 0.10 are caught too.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Decimal from 'decimal.js';
import { checkDocument } from '../../../lib/index';
import { BUDGET_RULES } from '../../../lib/checks/registry';
import { traceParticipation } from '../../../lib/checks/helpers';
import type { ParticipationKind } from '../../../lib/checks/helpers';

interface Target {
  el: Element;
  text: string;
  label: string;
  kinds: Set<ParticipationKind>;
  rules: Set<string>;
}

function setText(el: Element, text: string): () => void {
  const saved = el.textContent ?? '';
  el.textContent = text;
  return () => void (el.textContent = saved);
}

describe('mutation: every amount cell in a budget identity, +0.10, is caught as an error (putuo 部门预算)', () => {
  const html = readFileSync(new URL('../../fixtures/budget/putuo-dept-budget-2025.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const check = () => checkDocument(document as unknown as Document, { rules: BUDGET_RULES });

  test('unmodified page: no error', () => {
    expect(check().findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  test('each mutated cell is referenced by an error', { timeout: 240_000 }, () => {
    const targets = new Map<Element, Target>();
    const blanks = new Set<Element>();
    const stop = traceParticipation((cell, kind, rule) => {
      const el = cell.source.el;
      if (!el) return;
      if (cell.value.kind === 'empty') {
        blanks.add(el);
        return;
      }
      if (cell.value.kind !== 'number') return;
      let t = targets.get(el);
      if (!t) targets.set(el, (t = { el, text: cell.text, label: `${cell.table} R${cell.row}C${cell.col} "${cell.text}"`, kinds: new Set(), rules: new Set() }));
      t.kinds.add(kind);
      t.rules.add(rule);
    });
    try {
      check();
    } finally {
      stop();
    }
    expect(targets.size).toBeGreaterThan(150);
    const missed: string[] = [];
    for (const t of targets.values()) {
      const mutated = new Decimal(t.text.replace(/[\s,]/g, '')).plus('0.10').toFixed(2);
      const restore = setText(t.el, mutated);
      try {
        const run = check();
        if (!run.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.cell.source.el === t.el))) missed.push(`${t.label} → ${mutated} [${[...t.kinds].join(',')}; ${[...t.rules].join(',')}]`);
      } finally {
        restore();
      }
    }
    console.log(`budget mutation detection: ${targets.size - missed.length}/${targets.size} cells in a B-xx identity`);
    expect(missed).toEqual([]);

    const sample = [...blanks].filter((_, i) => i % 4 === 0);
    expect(sample.length).toBeGreaterThan(10);
    const missedBlank: string[] = [];
    for (const el of sample) {
      const restore = setText(el, '0.10');
      try {
        if (!check().findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.cell.source.el === el))) missedBlank.push(el.outerHTML.slice(0, 80));
      } finally {
        restore();
      }
    }
    console.log(`budget blank-cell mutation: ${sample.length - missedBlank.length}/${sample.length} sampled of ${blanks.size}`);
    expect(missedBlank).toEqual([]);
  });
});
