import type { Disclosure } from '../model/types';
import type { Finding, Rule, RuleResult } from './types';
import type { Relation } from '../localize/relation';

export interface RuleRun {
  findings: Finding[];
  rules: RuleResult[];
  /** Every relation the rules compared (lib/localize's input). */
  relations: Relation[];
}

/** Runs every rule; a rule that throws becomes an internal finding and the others still run. */
export function runRules(disclosure: Disclosure, rules: readonly Rule[]): RuleRun {
  const findings: Finding[] = [];
  const results: RuleResult[] = [];
  const relations: Relation[] = [];
  for (const rule of rules) {
    const { id } = rule.meta;
    let missing: string[] | null = null;
    for (const t of rule.meta.tables) if (!disclosure.tables[t]) (missing ??= []).push(t);
    if (missing) {
      results.push({ id, outcome: 'not-applicable', detail: `missing ${missing.join(', ')}` });
      continue;
    }
    const own: Finding[] = [];
    const related: Relation[] = [];
    let notApplicable: string | null = null;
    try {
      rule.run({
        disclosure,
        report: (f) => {
          const full = { ...f, rule: f.rule ?? id };
          own.push(full);
          return full;
        },
        relate: (r) => void related.push(r),
        notApplicable: (reason) => {
          notApplicable = reason ?? '';
        },
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      findings.push({
        rule: id,
        severity: 'warning',
        message: {
          zh: `规则 ${id} 内部错误，未能完成校验：${reason}`,
          en: `Rule ${id} failed internally and could not complete: ${reason}`,
        },
        expected: null,
        actual: null,
        cells: [],
        spans: [],
        quote: null,
      });
      results.push({ id, outcome: 'internal-error', detail: reason });
      continue;
    }
    findings.push(...own);
    for (const r of related) relations.push(r);
    if (notApplicable !== null && own.length === 0) {
      results.push({ id, outcome: 'not-applicable', detail: notApplicable || undefined });
    } else {
      // Only error/warning findings make a rule fail; notices (尾数差异) are information.
      const failed = own.some((f) => f.severity !== 'notice');
      results.push({ id, outcome: failed ? 'fail' : 'pass' });
    }
  }
  return { findings, rules: results, relations };
}
