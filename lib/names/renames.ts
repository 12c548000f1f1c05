/**
 * Renamed 政府收支分类科目 (functional classification) entries, as data: a narrative that still uses
 * the old name after the rename copied an old template (issue 23 item 1). Final accounts (N-18) and
 * budgets (B-N04) read the same list.
 *
 * `year` is the first budget year in which the new name is in force (财政部《政府收支分类科目》 of
 * that year). Only renames of the same code are listed; codes that were split or moved are not.
 */
export interface Rename {
  /** Function classification code: 3 digits 类, 5 款, 7 项. */
  code: string;
  oldName: string;
  newName: string;
  /** First year the new name applies. */
  year: number;
}

export const RENAMES: readonly Rename[] = [
  { code: '210', oldName: '医疗卫生与计划生育支出', newName: '卫生健康支出', year: 2019 },
  { code: '20805', oldName: '行政事业单位离退休', newName: '行政事业单位养老支出', year: 2020 },
  { code: '212', oldName: '城乡社区事务', newName: '城乡社区支出', year: 2015 },
  { code: '213', oldName: '农林水事务', newName: '农林水支出', year: 2015 },
  { code: '214', oldName: '交通运输', newName: '交通运输支出', year: 2015 },
  { code: '221', oldName: '住房保障', newName: '住房保障支出', year: 2015 },
];

const LEVEL_LEN = { lei: 3, kuan: 5, xiang: 7 } as const;
export type NameLevel = keyof typeof LEVEL_LEN;

const norm = (s: string): string => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * The rename that makes `name` outdated in `year` (at the given level, when known), or null.
 * A name used before its rename year is not outdated.
 */
export function outdatedName(name: string, year: number | null, level?: NameLevel): Rename | null {
  const n = norm(name);
  for (const r of RENAMES) {
    if (norm(r.oldName) !== n) continue;
    if (level && r.code.length !== LEVEL_LEN[level]) continue;
    if (year !== null && year < r.year) continue;
    return r;
  }
  return null;
}

/** The name in force for `code` in `year`, when the list knows a rename of it (else null). */
export function currentName(code: string, year: number): string | null {
  let best: Rename | null = null;
  for (const r of RENAMES) if (r.code === code && r.year <= year && (!best || r.year > best.year)) best = r;
  return best ? best.newName : null;
}
