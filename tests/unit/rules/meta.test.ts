/**
 * Conventions of the rule catalog (style.md, ESLint-style meta-test): every registered rule has its
 * file, its docs page and its tests; the table identities I-01…I-26 are all registered, each with
 * its own test file and an up-to-date generated docs page.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUDGET_RULES, RULES } from '../../../lib/checks/registry';
import type { RuleDoc } from '../../../lib/checks/helpers';
import { collect, DOCS_DIR, renderRuleDoc, ROOT, testFileOf } from '../../../scripts/gen-rule-docs';

const FIX = 'run `npx tsx scripts/gen-rule-docs.ts`';

describe('rule catalog conventions', () => {
  test('ids are unique and well-formed', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^[INS]-\d\d$/);
  });

  test('I-01 … I-26 are all registered, each from its own file lib/checks/<id>.ts', async () => {
    const want = Array.from({ length: 26 }, (_, i) => `I-${String(i + 1).padStart(2, '0')}`);
    expect(RULES.map((r) => r.meta.id).filter((id) => id.startsWith('I-'))).toEqual(want);
    const files = readdirSync(join(ROOT, 'lib', 'checks')).filter((f) => /^I-\d\d\.ts$/.test(f));
    expect(files.map((f) => f.slice(0, 4)).sort(), 'an I-xx file that is not registered').toEqual(want);
  });

  test('every registered rule: file exports meta (same id), doc and the registered rule', async () => {
    for (const r of RULES) {
      const file = join(ROOT, 'lib', 'checks', `${r.meta.id}.ts`);
      expect(existsSync(file), `lib/checks/${r.meta.id}.ts missing`).toBe(true);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      expect((mod.meta as { id: string }).id, `${r.meta.id}: meta.id must match the file name`).toBe(r.meta.id);
      expect(mod.rule, `${r.meta.id}: the registered rule must be the file's \`rule\` export`).toBe(r);
      expect(mod.doc, `${r.meta.id}: export a \`doc\` (rationale, relation, pass, fail, limits)`).toBeTruthy();
      const doc = mod.doc as RuleDoc;
      expect(r.meta.title.zh && r.meta.title.en && doc.rationale.zh && doc.rationale.en, `${r.meta.id}: bilingual title and rationale`).toBeTruthy();
    }
  });

  test('every registered rule has a docs page; table identities\' pages are up to date', async () => {
    for (const { meta, doc } of await collect()) {
      const path = join(DOCS_DIR, `${meta.id}.md`);
      expect(existsSync(path), `docs/rules/${meta.id}.md missing: ${FIX}`).toBe(true);
      if (meta.id.startsWith('I-'))
        expect(readFileSync(path, 'utf8'), `docs/rules/${meta.id}.md out of date: ${FIX}`).toBe(renderRuleDoc(meta, doc));
    }
    expect(existsSync(join(DOCS_DIR, 'index.md')), `docs/rules/index.md missing: ${FIX}`).toBe(true);
    // The index lists every rule, one line each.
    const index = readFileSync(join(DOCS_DIR, 'index.md'), 'utf8');
    for (const r of RULES) expect(index, `docs/rules/index.md lacks ${r.meta.id}: ${FIX}`).toContain(`[${r.meta.id}](${r.meta.id}.md)`);
  });

  test('every registered rule has tests; each table identity has its own tests/unit/rules/<id>.test.ts naming it', () => {
    for (const r of RULES) {
      const file = testFileOf(r.meta.id);
      expect(file, `${r.meta.id}: no tests (add tests/unit/rules/${r.meta.id}.test.ts)`).not.toBeNull();
      if (r.meta.id.startsWith('I-')) {
        expect(file).toBe(`tests/unit/rules/${r.meta.id}.test.ts`);
        expect(readFileSync(join(ROOT, file!), 'utf8'), `${file} must exercise ${r.meta.id}`).toContain(`checks/${r.meta.id}'`);
      }
    }
  });

  test('budget identities B-01 … B-21: registered, own file, own tests naming them, docs up to date', async () => {
    const want = Array.from({ length: 21 }, (_, i) => `B-${String(i + 1).padStart(2, '0')}`);
    expect(BUDGET_RULES.map((r) => r.meta.id).filter((id) => /^B-\d\d$/.test(id))).toEqual(want);
    for (const r of BUDGET_RULES) {
      const file = join(ROOT, 'lib', 'checks', `${r.meta.id}.ts`);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      expect(mod.rule, `${r.meta.id}: the registered rule must be the file's \`rule\` export`).toBe(r);
      expect(testFileOf(r.meta.id)).toBe(`tests/unit/rules/${r.meta.id}.test.ts`);
      expect(readFileSync(join(ROOT, `tests/unit/rules/${r.meta.id}.test.ts`), 'utf8')).toContain(`checks/${r.meta.id}'`);
    }
    for (const { meta, doc } of await collect()) {
      if (!meta.id.startsWith('B-')) continue;
      expect(readFileSync(join(DOCS_DIR, `${meta.id}.md`), 'utf8'), `docs/rules/${meta.id}.md out of date: ${FIX}`).toBe(renderRuleDoc(meta, doc));
    }
  });
});
