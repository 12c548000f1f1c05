/**
 * Insights (issue 23 item 5): information beyond the catalog, off by default. Their rule ids are
 * X-xx; they report only notices, and the popup shows them in a group of their own, out of the
 * error/warning counts and the badge. Kept apart from the rules so the popup can ask without
 * importing any rule.
 */

/** Is this finding's rule an insight (X-xx)? */
export function isInsight(rule: string): boolean {
  return rule.startsWith('X-');
}
