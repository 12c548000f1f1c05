/**
 * A page-derived string in the popup (issue 21): controls made visible, isolated (<bdi>) so nothing
 * in it can reorder the line around it, and cut at DISPLAY_CAP characters with the full text on
 * demand ("全文" toggles it; a span, not a button, because it often sits inside a finding's button).
 */
import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { displayText, sanitizeText } from '../../lib/sanitize';

export function Capped(props: { text: string | null | undefined; lang: Lang }) {
  const [full, setFull] = useState(false);
  const raw = props.text ?? '';
  const { text, cut } = displayText(raw);
  if (cut === 0) return <bdi>{text}</bdi>;
  const toggle = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
    setFull(!full);
  };
  const label = props.lang === 'en' ? (full ? ' less' : ` full text (+${cut} chars)`) : full ? ' 收起' : ` 全文（另 ${cut} 字）`;
  return (
    <>
      <bdi>{full ? sanitizeText(raw) : text}</bdi>
      <span
        class="more-text"
        role="button"
        tabIndex={0}
        data-action="full-text"
        onClick={toggle}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && toggle(e)}
      >
        {label}
      </span>
    </>
  );
}
