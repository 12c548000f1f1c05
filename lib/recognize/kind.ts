/**
 * Which document is this (budget.md, "Telling a budget from a final account"): 决算 (final) or 预算
 * (budget), and 部门 (department) or 单位 (unit).
 *
 * The word 决算 decides: it appears 0 times in real budget documents and 80–160 times in final
 * accounts, while 预算 appears in both (一般公共预算, 年初预算). So the kind is read from the title
 * and the table names — a table title holding 决算 names a final-account table, one ending in
 * 预算表 / 预算总表 / 收支总表 a budget table — and only then from the document's own title.
 */
import type { Block, ExtractedDocument } from '../extract/types';
import { titleKeys } from './specs';
import { isBudgetKey } from '../model/types';
import type { DocumentKind, DocumentScope } from '../model/types';
import { norm } from './text';
import { toInt } from '../int';

/** Lines longer than this are narrative, never a title. */
const MAX_LINE = 120;
/** Rows of each table read for in-table titles (Excel exports). */
const TABLE_ROWS = 4;

/** Short lines that may be titles: paragraphs, table captions and the first rows of each table. */
function* titleLines(blocks: Block[]): Generator<string> {
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      if (b.text.length > 0 && b.text.length <= MAX_LINE) yield b.text;
      continue;
    }
    if (b.caption) yield b.caption;
    for (let r = 0; r < b.grid.length && r < TABLE_ROWS; r++) {
      let line = '';
      for (const s of b.grid[r]) if (!s.isCopy && s.cell.text !== '') line += `${s.cell.text} `;
      if (line.length > 0 && line.length <= MAX_LINE) yield line;
    }
  }
}

export function documentKind(doc: ExtractedDocument): DocumentKind {
  let final = 0;
  let budget = 0;
  for (const line of titleLines(doc.blocks)) {
    const keys = titleKeys(line);
    if (keys.length === 0) continue;
    if (isBudgetKey(keys[0])) budget++;
    else final++;
  }
  // The document's own title weighs two table titles: a news item about 决算 work that shows one
  // budget table is not a budget disclosure, a budget with nine tables is one whatever its file name.
  const t = norm(doc.title);
  if (t.includes('决算')) final += 2;
  else if (/预算(公开)?$|(部门|单位)预算/.test(t)) budget += 2;
  return budget > final ? 'budget' : 'final';
}

// "部门预算经济分类" is a fixed name (printed in 单位 documents too); the glossary names both.
const FIXED_NAMES = /部门预算经济分类|部门经济分类/g;
// The cover: "…2025年区级部门预算", "…单位决算", "预算主管部门：X" / "预算单位：X".
const COVER_DEPT = /(部门|部门\(单位\))(决算|预算)(公开)?$|^预算主管部门：/;
const COVER_UNIT = /单位(决算|预算)(公开)?$|^预算单位：/;
// The tables' label lines: "编制部门：X" vs "编制单位：X".
const LABEL_DEPT = /(?:^|\s)编制部门\s*[：:]/;
const LABEL_UNIT = /(?:^|\s)编制单位\s*[：:]/;

/**
 * 部门 or 单位 as the document says it (budget.md traps: "部门预算经济分类" in a 单位 BT8 title, the
 * glossary naming both). The cover line decides; else the tables' 编制部门 / 编制单位 labels by
 * majority; else null.
 */
export function documentScope(doc: ExtractedDocument): DocumentScope | null {
  const cover = [doc.title];
  let dept = 0;
  let unit = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' || b.text.length === 0 || b.text.length > MAX_LINE) continue;
    cover.push(b.text);
    if (LABEL_DEPT.test(b.text)) dept++;
    if (LABEL_UNIT.test(b.text)) unit++;
  }
  for (const line of cover.slice(0, 30)) {
    const t = norm(line).replace(FIXED_NAMES, '');
    // "上海市普陀区2025年区级部门预算 预算主管部门：X" may be one line: test both ends.
    const d = COVER_DEPT.test(t) || /预算主管部门：/.test(t);
    const u = COVER_UNIT.test(t) || /(^|[^管])预算单位：/.test(t);
    if (d !== u) return d ? 'department' : 'unit';
  }
  if (dept !== unit) return dept > unit ? 'department' : 'unit';
  return null;
}

// "上海市普陀区2025年区级部门预算", "2025年部门预算编制说明", "2025年单位预算".
const BUDGET_YEAR = /((?:19|20)\d{2})\s*年度?\s*(?:区级|市级|县级|省级)?\s*(?:部门|单位)?\s*预算(?:公开|编制说明)?\s*$/;

/** The budget year from the title or a cover/heading line. */
export function budgetYear(doc: ExtractedDocument, lines: { text: string }[]): number | null {
  for (const t of [doc.title, ...lines.map((l) => l.text)]) {
    if (t.length > MAX_LINE || !t.includes('预算')) continue;
    const m = BUDGET_YEAR.exec(t.trim());
    if (m) return toInt(m[1]);
  }
  return null;
}
