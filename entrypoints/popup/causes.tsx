/**
 * The popup's causes (issue 14), first: each names the one value to fix — the culprit cell or the
 * stated number, with the value the reconciliations give — and folds the findings it explains under
 * it. Self-contained (its own strings) so the rest of the popup can change around it.
 */
import type { Lang } from '../../lib/i18n';
import type { ReportLike } from '../../lib/ext/messages';
import { Capped } from './capped';

type Cause = NonNullable<ReportLike['causes']>[number];

const TEXT = {
  zh: {
    title: (n: number) => `根因（${n}）：改正这些数字，相关发现随之消除`,
    unique: '应改正',
    ambiguous: '多种可能',
    explains: (n: number) => `解释 ${n} 项发现`,
    jump: '跳转到该单元格',
  },
  en: {
    title: (n: number) => `Causes (${n}): fix these values and the findings they explain go away`,
    unique: 'Fix',
    ambiguous: 'Ambiguous',
    explains: (n: number) => `explains ${n} finding${n === 1 ? '' : 's'}`,
    jump: 'Jump to the cell',
  },
} as const;

export function CauseList(props: {
  report: ReportLike;
  lang: Lang;
  onRevealCause: (id: string) => void;
  onRevealFinding: (index: number) => void;
}) {
  const { report, lang, onRevealCause, onRevealFinding } = props;
  const causes = (report.causes ?? []).filter((c) => c.confidence !== 'none');
  if (causes.length === 0) return null;
  const tx = TEXT[lang === 'en' ? 'en' : 'zh'];
  return (
    <section class="causes" data-causes={causes.length}>
      <h2>{tx.title(causes.length)}</h2>
      <ul>
        {causes.map((c) => (
          <CauseRow key={c.id} cause={c} report={report} lang={lang} onReveal={() => onRevealCause(c.id)} onRevealFinding={onRevealFinding} />
        ))}
      </ul>
    </section>
  );
}

function CauseRow(props: { cause: Cause; report: ReportLike; lang: Lang; onReveal: () => void; onRevealFinding: (index: number) => void }) {
  const { cause: c, report, lang, onReveal, onRevealFinding } = props;
  const tx = TEXT[lang === 'en' ? 'en' : 'zh'];
  const message = lang === 'en' ? c.messageEn || c.message : c.message;
  return (
    <li class={`cause ${c.confidence}`} data-cause={c.id}>
      <button type="button" class="cause-jump" data-cause={c.id} title={tx.jump} onClick={onReveal}>
        <span class="head">
          <span class={`sev ${c.confidence === 'unique' ? 'error' : 'warning'}`}>{c.confidence === 'unique' ? tx.unique : tx.ambiguous}</span>
          <span class="rule">{c.id}</span>
        </span>
        <span class="msg"><Capped text={message} lang={lang} /></span>
        {c.quote && <span class="quote">“<Capped text={c.quote} lang={lang} />”</span>}
      </button>
      {c.explains.length > 0 && (
        <details class="explained">
          <summary>{tx.explains(c.explains.length)}</summary>
          <ul>
            {c.explains.map((i) => {
              const f = report.findings[i];
              if (!f) return null;
              return (
                <li key={i}>
                  <button type="button" class={`explained-finding ${f.severity}`} data-finding={i} onClick={() => onRevealFinding(i)}>
                    <span class="rule">{f.rule}</span> <Capped text={lang === 'en' ? f.messageEn || f.message : f.message} lang={lang} />
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </li>
  );
}
