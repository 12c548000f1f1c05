/**
 * The reviewer's dismissals in extension storage (storage.local: they never leave the browser
 * unless the reviewer exports them). One value, the file format of lib/report/dismiss.ts, so the
 * export is the stored value and an import is a merge.
 */
import type { DismissalFile } from '../report/dismiss';
import { emptyFile, readDismissals, withDismissals } from '../report/dismiss';

export const DISMISSALS_KEY = 'findingDismissals';

/** The part of browser.storage.local used here (a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The stored dismissals; a missing or damaged value reads as none. */
export async function loadDismissals(area: StorageArea): Promise<DismissalFile> {
  try {
    return readDismissals((await area.get(DISMISSALS_KEY))[DISMISSALS_KEY]) ?? emptyFile();
  } catch {
    return emptyFile();
  }
}

/** Read, change, write back. */
export async function updateDismissals(area: StorageArea, change: (f: DismissalFile) => DismissalFile): Promise<DismissalFile> {
  const next = change(await loadDismissals(area));
  await area.set({ [DISMISSALS_KEY]: next });
  return next;
}

/** An imported file's text merged into the stored dismissals (imported entries win), or why not. */
export function mergeImport(current: DismissalFile, text: string): { file: DismissalFile; count: number } | { error: { zh: string; en: string } } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: { zh: '不是 JSON 文件', en: 'not a JSON file' } };
  }
  const got = readDismissals(raw);
  if (!got) return { error: { zh: '不是本扩展导出的“已忽略”文件（format 应为 disclosure-checker/dismissals，version 1）', en: 'not a dismissals file of this extension (format disclosure-checker/dismissals, version 1)' } };
  return { file: withDismissals(current, got.dismissals), count: got.dismissals.length };
}
