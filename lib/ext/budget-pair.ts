/**
 * B-N16 across two open tabs (issue 19): a 单位预算 page gains the findings of comparing it with
 * its 部门预算 page open in another tab. The background pairs the tabs' profiles (budget-tabs.ts);
 * here, in the unit page's checker, the comparison becomes ordinary findings of this page — the BT3
 * cell of each code over its department's, the sentence of a prior-year figure copied from it — so
 * the popup, the counts, the badge and the marks treat them like every other finding.
 */
import Decimal from 'decimal.js';
import { compareBudgets, meta as BN16, type BudgetProfile } from '../checks/B-N16';
import { cellOf, codeIndex, panel, valueRows } from '../checks/helpers';
import { budgetText, headlines, HEAD_LABEL, type HeadKey } from '../claims/budget';
import type { CheckRun } from '../run';
import type { Finding, TextSpan } from '../checks/types';
import type { Relation } from '../localize/relation';
import { pairKey, PEER_LIMITS, type PairPeer } from './budget-tabs';

/** The department page as the messages name it: its title, else its address. */
function peerName(peer: PairPeer): { zh: string; en: string } {
  const title = peer.title.replace(/\s+/g, ' ').trim().slice(0, PEER_LIMITS.title);
  const url = peer.url.slice(0, PEER_LIMITS.url);
  return title ? { zh: `部门预算页面「${title}」（${url}）`, en: `the department budget page "${title}" (${url})` } : { zh: `部门预算页面 ${url}`, en: `the department budget page ${url}` };
}

/** "≤ 12,029,501.84" → "12,029,501.84": the bound's value alone (the report's words say 应不超过). */
const bare = (s: string | null): string | null => (s === null ? null : s.replace(/^≤\s*/, ''));

const HEAD_BY_ZH = new Map(Object.entries(HEAD_LABEL).map(([k, l]) => [l.zh, k as HeadKey]));

/**
 * The base run (this page's own check) with the B-N16 findings against `peer` appended and the
 * rule's outcome set; the run itself when there is no peer or this page is no unit budget of the
 * peer's department and year. Findings are appended: the causes' finding indices stay valid.
 */
export function withPair(run: CheckRun, unit: BudgetProfile | null, peer: PairPeer | null): CheckRun {
  if (!peer || !unit || unit.scope !== 'unit' || peer.profile.scope !== 'department' || pairKey(unit) !== pairKey(peer.profile)) return run;
  const d = run.disclosure;
  const bt3 = panel(d.tables.BT3);
  const byCode = bt3 ? codeIndex(bt3, valueRows(bt3)) : new Map();
  const heads = headlines(budgetText(d));
  const name = peerName(peer);
  const findings: Finding[] = [];
  const relations: Relation[] = [];
  for (const pf of compareBudgets(unit, peer.profile)) {
    const message = { zh: `${pf.message.zh}。对照：${name.zh}`, en: `${pf.message.en}. Compared with ${name.en}` };
    const f: Finding = { rule: BN16.id, severity: pf.severity, message, expected: bare(pf.expected), actual: pf.actual, cells: [], spans: [], quote: null };
    const cell = pf.severity === 'error' ? cellOf(byCode.get(pf.subject), 'total') : undefined;
    if (cell && cell.value.kind === 'number') {
      f.cells.push({ cell, role: 'part' });
      // unit ≤ department: one-sided, against a value that is not on this page (the basis reads "bound").
      relations.push({ rule: BN16.id, op: 'le', terms: [{ x: { kind: 'cell', cell }, coef: new Decimal(1), role: 'part' }], tolerance: new Decimal(pf.expected ? pf.expected.replace(/[≤,\s]/g, '') : 0), verdict: 'error', finding: f });
    }
    const key = pf.severity === 'warning' ? HEAD_BY_ZH.get(pf.subject) : undefined;
    const hit = key ? heads[key]?.hit : undefined;
    if (hit) {
      const span: TextSpan = { paragraph: hit.bs.paragraph, start: hit.bs.sentence.start, end: hit.bs.sentence.end };
      f.spans.push(span);
      f.quote = hit.bs.paragraph.text.slice(span.start, span.end);
    }
    findings.push(f);
  }
  const outcome = findings.length > 0 ? 'fail' : 'pass';
  const rules = run.rules.map((r) => (r.id === BN16.id ? { id: r.id, outcome } as const : r));
  if (!rules.some((r) => r.id === BN16.id)) rules.push({ id: BN16.id, outcome });
  return { ...run, findings: [...run.findings, ...findings], rules, relations: [...run.relations, ...relations] };
}
