import { describe, expect, it } from 'vitest';
import { DISMISSALS_KEY, loadDismissals, mergeImport, updateDismissals, type StorageArea } from '../../lib/ext/dismissals';
import { dismissalOf, emptyFile, withDismissals, DISMISSALS_FORMAT } from '../../lib/report/dismiss';

function fakeArea(init: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data = { ...init };
  return { data, get: async (k) => (k in data ? { [k]: data[k] } : {}), set: async (o) => void Object.assign(data, o) };
}
const F = { rule: 'I-01', cells: [{ label: '公开01表 · 本年收入合计 · 决算数', text: '896.58' }], quote: null, message: 'm' };
const G = { rule: 'N-19', cells: [], quote: '与上年相比，增加10.42万元。', message: 'm' };
const AT = '2026-12-07T00:00:00Z';

describe('extension dismissals storage', () => {
  it('reads nothing, or a damaged value, as no dismissals', async () => {
    expect(await loadDismissals(fakeArea())).toEqual(emptyFile());
    expect(await loadDismissals(fakeArea({ [DISMISSALS_KEY]: { format: 'x' } }))).toEqual(emptyFile());
    const broken: StorageArea = { get: () => Promise.reject(new Error('no storage')), set: () => Promise.resolve() };
    expect(await loadDismissals(broken)).toEqual(emptyFile());
  });

  it('adds and removes through updateDismissals, stored as the file format', async () => {
    const area = fakeArea();
    await updateDismissals(area, (f) => withDismissals(f, [dismissalOf(F, 'https://a.gov.cn/1.html', '注', AT)]));
    expect(area.data[DISMISSALS_KEY]).toMatchObject({ format: DISMISSALS_FORMAT, version: 1, dismissals: [{ rule: 'I-01', note: '注' }] });
    expect((await loadDismissals(area)).dismissals).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{', '不是 JSON'],
    ['JSON of another kind', '{"findings":[]}', 'disclosure-checker/dismissals'],
  ])('refuses an import that is %s', (_, text, zh) => {
    const r = mergeImport(emptyFile(), text);
    expect('error' in r && r.error.zh).toContain(zh);
  });

  it('merges an import: new entries added, the same finding of the same document replaced', () => {
    const mine = withDismissals(emptyFile(), [dismissalOf(F, 'https://a.gov.cn/1.html', '旧', AT)]);
    const theirs = withDismissals(emptyFile(), [dismissalOf(F, 'https://a.gov.cn/1.html', '新', AT), dismissalOf(G, null, '', AT)]);
    const r = mergeImport(mine, JSON.stringify(theirs));
    if ('error' in r) throw new Error('refused');
    expect(r.count).toBe(2);
    expect(r.file.dismissals.map((d) => [d.rule, d.note ?? ''])).toEqual([['I-01', '新'], ['N-19', '']]);
  });
});
