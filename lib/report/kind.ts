/** 决算 or 预算, 部门 or 单位 (design.md document.kind / scope) in words, for report headers and summaries. */

const KIND_LABEL = { final: { zh: '决算', en: 'final accounts' }, budget: { zh: '预算', en: 'budget' } } as const;
const SCOPE_LABEL = { department: { zh: '部门', en: 'department' }, unit: { zh: '单位', en: 'unit' } } as const;

export interface KindScope {
  kind: 'final' | 'budget' | null;
  scope: 'department' | 'unit' | null;
}

/** "部门预算 department budget", "决算 final accounts" (scope unknown), "—" (no kind); Chinese only with lang 'zh'. */
export function kindLabel(r: KindScope, lang: 'zh' | 'both' = 'both'): string {
  if (!r.kind) return '—';
  const k = KIND_LABEL[r.kind];
  const s = r.scope ? SCOPE_LABEL[r.scope] : null;
  const zh = `${s?.zh ?? ''}${k.zh}`;
  return lang === 'zh' ? zh : `${zh} ${s ? `${s.en} ` : ''}${k.en}`;
}
