/** Popup grouping: findings by table (T1…T9 order), then by narrative section, then the rest. */
import type { FindingGroup, FindingItem } from './messages';

export interface ItemGroup {
  group: FindingGroup;
  items: FindingItem[];
}

const KIND_ORDER = { table: 0, section: 1, document: 2 } as const;

export function groupItems(items: readonly FindingItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const it of items) {
    const k = `${it.group.kind}:${it.group.key}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { group: it.group, items: [] }));
    g.items.push(it);
  }
  return [...groups.values()].sort((a, b) => {
    const ka = KIND_ORDER[a.group.kind] - KIND_ORDER[b.group.kind];
    if (ka !== 0) return ka;
    if (a.group.kind === 'table') return a.group.key.localeCompare(b.group.key, 'en', { numeric: true });
    return a.items[0].index - b.items[0].index;
  });
}
