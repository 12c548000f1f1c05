/**
 * Options: the reviewer's dismissals (issue 23 item 6) — how many are kept, export them as one JSON
 * file (docs/dismissals.md; the CLI's --ignore reads the same file), import a team's file (merged:
 * the imported entries win), clear them. Its own strings so the rest of the page can change around it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n';
import { DISMISSALS_KEY, loadDismissals, mergeImport, type StorageArea } from '../../lib/ext/dismissals';
import { emptyFile, type DismissalFile } from '../../lib/report/dismiss';

const TEXT = {
  zh: {
    title: '已忽略的发现（已核实，不是问题）',
    count: (n: number) => `共 ${n} 条。可导出为一个 JSON 文件供同事导入，命令行用 --ignore 读取同一文件。`,
    exportFile: '导出',
    importFile: '导入…',
    clear: '全部清除',
    imported: (n: number) => `已导入 ${n} 条`,
    cleared: '已清除',
    failed: '导入失败：',
  },
  en: {
    title: 'Dismissed findings (checked: not a problem)',
    count: (n: number) => `${n} kept. Export them as one JSON file for colleagues to import; the CLI reads the same file with --ignore.`,
    exportFile: 'Export',
    importFile: 'Import…',
    clear: 'Clear all',
    imported: (n: number) => `${n} imported`,
    cleared: 'Cleared',
    failed: 'Import failed: ',
  },
} as const;

const area = (): StorageArea => browser.storage.local as unknown as StorageArea;

export function DismissalsSection(props: { lang: Lang }) {
  const { lang } = props;
  const en = lang === 'en';
  const s = TEXT[en ? 'en' : 'zh'];
  const [file, setFile] = useState<DismissalFile>(emptyFile());
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void loadDismissals(area()).then(setFile);
    const onChanged = (changes: Record<string, unknown>, where: string) => {
      if (where === 'local' && changes[DISMISSALS_KEY]) void loadDismissals(area()).then(setFile);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const store = async (next: DismissalFile) => {
    await area().set({ [DISMISSALS_KEY]: next });
    setFile(next);
  };

  const exportFile = () => {
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'disclosure-check-dismissals.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };

  const importFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    const merged = mergeImport(await loadDismissals(area()), await f.text());
    if ('error' in merged) return setNote(s.failed + (en ? merged.error.en : merged.error.zh));
    await store(merged.file);
    setNote(s.imported(merged.count));
  };

  return (
    <section data-section="dismissals">
      <h2>{s.title}</h2>
      <p class="hint" data-dismissals-count={file.dismissals.length}>{s.count(file.dismissals.length)}</p>
      <button type="button" data-action="export-dismissals" onClick={exportFile}>{s.exportFile}</button>{' '}
      <label class="file-button">
        {s.importFile}
        <input type="file" accept=".json,application/json" data-action="import-dismissals" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
      </label>{' '}
      <button type="button" data-action="clear-dismissals" disabled={file.dismissals.length === 0} onClick={() => void store(emptyFile()).then(() => setNote(s.cleared))}>
        {s.clear}
      </button>
      {note && <p class="hint" role="status" data-dismissals-note>{note}</p>}
    </section>
  );
}
