/** Toolbar badge for a page state: error count, coloured by the worst severity found. */
import type { PageState } from './messages';
import { COLORS } from '../marks/style';
import { isInsight } from '../checks/insights';

export const CLEAN_COLOR = '#2e7d32';
export const BUSY_COLOR = '#777777';

export function badgeFor(state: PageState): { text: string; color: string } | null {
  if (state.status === 'checking') return { text: '…', color: BUSY_COLOR };
  if (state.status === 'failed') return { text: '!', color: BUSY_COLOR };
  if (state.status !== 'done' || !state.report) return null;
  const s = state.report.summary;
  // Insights (X-xx) are information: they never colour the badge.
  const notices = s.notices - state.report.findings.filter((f) => isInsight(f.rule) && f.severity === 'notice' && !f.dismissed).length;
  const color =
    s.errors > 0 ? COLORS.error.line : s.warnings > 0 ? COLORS.warning.line : notices > 0 ? COLORS.notice.line : CLEAN_COLOR;
  return { text: String(s.errors), color };
}
