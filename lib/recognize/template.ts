/**
 * A template or an empty form: disclosure tables recognised, but not one amount in any of them
 * (every value cell blank, a dash or a placeholder). Nothing can be reconciled, so the document is
 * reported as a template and no rule runs: hundreds of "missing value" findings would be noise.
 * Format-independent: it reads the model, not the file.
 */
import type { Disclosure } from '../model/types';

export function isTemplate(d: Disclosure): boolean {
  const tables = Object.values(d.tables);
  if (tables.length === 0) return false;
  for (const t of tables) {
    for (const p of t!.panels) {
      for (const r of p.rows) {
        for (const c of Object.values(r.cells)) if (c.value.kind === 'number') return false;
      }
    }
  }
  return true;
}
