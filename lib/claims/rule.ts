/**
 * Shared run loop of the narrative-claim rules (N-xx): each rule file declares its meta and any
 * rule-specific checks; the claims it owns are checked by ClaimChecker.
 */
import type { Rule, RuleContext, RuleMeta } from '../checks/types';
import { defineRule } from '../checks/types';
import type { Analysis } from './index';
import { analyse } from './index';
import { ClaimChecker } from './checks';

export interface ClaimRuleOptions {
  /** Compare stated amounts with their table cells (default true). */
  table?: (a: Analysis) => boolean;
  /** Rule-specific checks after the common ones. */
  extra?: (k: ClaimChecker, ctx: RuleContext) => void;
  /** Skip the common checks (rules that only have their own logic). */
  own?: boolean;
}

export function claimRule(meta: RuleMeta, opts: ClaimRuleOptions = {}): Rule {
  return defineRule({
    meta,
    run(ctx) {
      const a = analyse(ctx.disclosure);
      a.ran.add(meta.id);
      let reported = 0;
      const k = new ClaimChecker(a, meta.id, (f) => {
        reported++;
        return ctx.report(f);
      });
      k.relate = ctx.relate;
      if (!opts.own) k.runAll({ table: opts.table ? opts.table(a) : true });
      opts.extra?.(k, ctx);
      if (reported === 0 && !opts.own && !k.touched && k.mine().length === 0) ctx.notApplicable('no narrative statement for this rule');
    },
  });
}
