/**
 * The table map, "what was checked" (issue 15): one sentence — tables checked, comparisons made,
 * findings — expandable to each table (recognised or required but not found) with its comparisons
 * and findings (click: the table's first finding on the page), the tables not recognised, and the
 * required parts present or missing. Built from the report by lib/report/coverage, like the exports.
 */
import { useMemo } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import type { ReportLike } from '../../lib/ext/messages';
import type { Report } from '../../lib/report/schema';
import { coverage, coverageLine, mapRowLine } from '../../lib/report/coverage';

export function TableMap(props: { report: ReportLike; lang: Lang; onReveal: (finding: number) => void }) {
  const { report, lang, onReveal } = props;
  const c = useMemo(() => coverage(report as Report), [report]);
  return (
    <details class="table-map" data-section="table-map">
      <summary data-action="table-map">{coverageLine(c, lang)}</summary>
      <ul>
        {c.rows.map((r) => {
          const worst = r.counts.error ? 'error' : r.counts.warning ? 'warning' : r.counts.notice ? 'notice' : 'map-ok';
          return (
            <li key={r.id} class={`map-row ${r.status} ${r.status === 'missing' ? 'error' : worst}`} data-table={r.id} data-status={r.status}>
              <button type="button" data-action="map-jump" disabled={r.first === null} onClick={() => r.first !== null && onReveal(r.first)}>
                {mapRowLine(r, lang)}
              </button>
            </li>
          );
        })}
        {c.unrecognised.map((u, i) => (
          <li key={`u${i}`} class="map-row unrecognised" data-status="unrecognised">
            <span>{t(lang, 'mapUnrecognised', { title: u.title || '—', reason: u.reason })}</span>
          </li>
        ))}
      </ul>
      {c.parts.total > 0 && (
        <p class="map-parts" data-parts={`${c.parts.present}/${c.parts.total}`}>
          {t(lang, 'mapParts', { present: c.parts.present, total: c.parts.total })}
          {c.parts.missing.length > 0 && t(lang, 'mapPartsMissing', { list: c.parts.missing.map((p) => (lang === 'en' ? p.title.split(' · ').pop() : p.title.split(' · ')[0])).join(lang === 'en' ? '; ' : '、') })}
        </p>
      )}
    </details>
  );
}
