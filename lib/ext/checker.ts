/**
 * The checker: everything a check needs beyond detection (the lib core, report, marks). The content
 * script loads it only once a page looks like a disclosure or the user asks (entrypoints/checker.ts
 * is injected then), so the ≈ 220 KiB of rules, decimal.js and messages are neither compiled nor run
 * on the portal pages that are not disclosures.
 */
import { toReport } from '../report/build';
import { ALL_RULES } from '../checks/registry';
import type { CheckRun } from '../run';
import { checkDocumentSliced, buildItems, yieldToPage, unreadFrames } from './page-check';
import { MarkSession, VerdictBar, planMarks, toMarkable, type MarkableCause } from '../marks';
import { verdictContent } from './verdict';
import { StaleWatch } from './stale-watch';
import { findByKey } from '../report/order';
import { findingWords } from './tooltip-entries';
import type { Cause } from '../localize';
import { applyDismissals, documentAddress, readDismissals } from '../report/dismiss';
import type { Report } from '../report/schema';
import { extractDocument } from '../extract';
import { budgetProfile } from '../checks/B-N16';
import { withPair } from './budget-pair';
import type { PairPeer } from './budget-tabs';

/** The paragraphs' text under `root`, as a check reads them (tables left out): a combined check's page half. */
function pageParagraphs(root: Element): string[] {
  const out: string[] = [];
  for (const b of extractDocument(root).blocks) if (b.kind === 'paragraph' && b.text) out.push(b.text);
  return out;
}

/** The elements each cause names, and the findings it explains, for the marks. */
function toMarkableCauses(causes: readonly Cause[]): MarkableCause[] {
  return causes.map((c) => {
    const changes = c.alternatives.flat();
    const cells: Element[] = [];
    const texts: Element[] = [];
    for (const ch of changes) {
      const el = ch.x.kind === 'cell' ? ch.x.cell.source.el : ch.x.num.paragraph.el;
      if (el) (ch.x.kind === 'cell' ? cells : texts).push(el);
    }
    return { id: c.id, confidence: c.confidence, cells, texts, findings: c.explains };
  });
}

/** The report with the reviewer's stored dismissals (storage value as read) applied for this address. */
function dismiss(report: Report, stored: unknown, href: string): Report {
  return applyDismissals(report, readDismissals(stored), [documentAddress(href)]);
}

export const checker = {
  checkDocumentSliced,
  yieldToPage,
  toReport,
  buildItems: (run: CheckRun) => buildItems(run, ALL_RULES),
  MarkSession,
  planMarks,
  toMarkable,
  VerdictBar,
  verdictContent,
  findByKey,
  toMarkableCauses,
  unreadFrames,
  StaleWatch,
  dismiss,
  findingWords,
  pageParagraphs,
  /** This page's budget profile for B-N16 across tabs (null: no budget, or no department/year). */
  budgetProfile: (run: CheckRun) => budgetProfile(run.disclosure),
  /** The run with the B-N16 findings against the department page open beside it (lib/ext/budget-pair). */
  withPair: (run: CheckRun, peer: PairPeer | null) => withPair(run, budgetProfile(run.disclosure), peer),
};
export type Checker = typeof checker;
