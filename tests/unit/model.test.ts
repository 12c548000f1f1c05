/**
 * lib/model: every model built from the fixtures and variants passes the zod schemas and the
 * structural invariants rules rely on (cells linked to their own row/column, no DOM cell counted
 * twice, rows in grid order).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { recognize } from '../../lib/recognize';
import { validateDisclosure } from '../../lib/model/validate';
import type { Disclosure } from '../../lib/model/types';

const FIX = path.join(__dirname, '..', 'fixtures');
const FILES = [
  'lukou-2024.html',
  'putuo-2025.html',
  ...fs
    .readdirSync(path.join(FIX, 'variants'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `variants/${f}`),
];

function load(file: string): Disclosure {
  const { document } = parseHTML(fs.readFileSync(path.join(FIX, file), 'utf8'));
  return recognize(extractDocument(document as unknown as Document));
}

describe('disclosure model', () => {
  it('covers the fixtures and all generated variants', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(9);
  });

  it.each(FILES)('%s: valid against the schemas', (file) => {
    const d = load(file);
    expect(validateDisclosure(d)).toEqual([]);
  });

  it.each(FILES)('%s: no source cell is used twice, rows in grid order', (file) => {
    const d = load(file);
    for (const m of Object.values(d.tables)) {
      const seen = new Set<unknown>();
      for (const p of m!.panels) {
        let last = -1;
        for (const r of p.rows) {
          expect(r.row).toBeGreaterThan(last);
          last = r.row;
          for (const c of Object.values(r.cells)) {
            expect(seen.has(c.source), `${m!.key} r${c.row} c${c.col} counted twice`).toBe(false);
            seen.add(c.source);
          }
        }
      }
    }
  });

  it('reports schema problems instead of passing them', () => {
    const d = load('putuo-2025.html');
    const t2 = d.tables.T2!;
    const bad: Disclosure = {
      ...d,
      tables: { T2: { ...t2, key: 'T3', rows: 1.5 } as never },
    };
    const issues = validateDisclosure(bad);
    expect(issues.some((i) => i.startsWith('T2.rows'))).toBe(true);
    expect(issues).toContain('T2: model says T3');
    expect(issues.some((i) => /outside the grid/.test(i))).toBe(true);
  });
});
