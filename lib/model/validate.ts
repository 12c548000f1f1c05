/**
 * Boundary validation of a built disclosure with the zod schemas of ./types. Not on the hot path
 * (the content script trusts lib/recognize); used by tests and available to tools that load models
 * from elsewhere. Returns human-readable issues, empty when the model is valid.
 */
import { TableKeySchema, TableModelSchema, UnrecognisedTableSchema, UnitSchema } from './types';
import type { Disclosure } from './types';

export function validateDisclosure(d: Disclosure): string[] {
  const issues: string[] = [];
  for (const [key, model] of Object.entries(d.tables)) {
    if (!TableKeySchema.safeParse(key).success) issues.push(`tables: bad key ${key}`);
    if (!model) continue;
    const r = TableModelSchema.safeParse(model);
    if (!r.success) for (const i of r.error.issues) issues.push(`${key}.${i.path.join('.')}: ${i.message}`);
    if (model.key !== key) issues.push(`${key}: model says ${model.key}`);
    for (const p of model.panels) {
      const cols = new Map(p.columns.map((c) => [c.key, c]));
      if (cols.size !== p.columns.length) issues.push(`${key}.${p.id}: duplicate column keys`);
      for (const row of p.rows) {
        if (row.row < 0 || row.row >= model.rows) issues.push(`${key}.${p.id}: row ${row.row} outside the grid`);
        for (const [ck, cell] of Object.entries(row.cells)) {
          const col = cols.get(ck);
          if (!col || !col.numeric) issues.push(`${key}.${p.id} r${row.row}: cell for non-numeric or unknown column ${ck}`);
          else if (col.col !== cell.col) issues.push(`${key}.${p.id} r${row.row}.${ck}: col ${cell.col} ≠ column ${col.col}`);
          if (cell.row !== row.row) issues.push(`${key}.${p.id} r${row.row}.${ck}: cell row ${cell.row}`);
          if (cell.table !== key) issues.push(`${key}.${p.id} r${row.row}.${ck}: cell table ${cell.table}`);
        }
      }
    }
  }
  for (const u of d.unrecognised) {
    const r = UnrecognisedTableSchema.safeParse(u);
    if (!r.success) issues.push(`unrecognised[${u.blockIndex}]: ${r.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (d.info.unit !== null && !UnitSchema.safeParse(d.info.unit).success) issues.push(`info.unit: ${d.info.unit}`);
  return issues;
}
