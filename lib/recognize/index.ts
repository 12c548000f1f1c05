/**
 * lib/recognize — which tables of a document are the standard disclosure tables T1–T9
 * (domain.md, "The tables"), and the document's unit, year and department.
 *
 * Tables are identified by meaning, never by position: the title above the table (or in its first
 * rows), the page's marker (公开01表 / 表一 / 表 1) as a label only, and the header words. A table
 * with no title of its own right after a recognised table (only notes, 续表, page numbers between)
 * is stitched to it when its header repeats or its rows continue the codes / line numbers.
 * A table whose title names a disclosure table but whose columns cannot be mapped is reported in
 * `unrecognised` with the reason, never guessed. Layout and unrelated tables are left alone.
 */
import type { Block, ExtractedDocument, ParagraphBlock, TableBlock } from '../extract/types';
import type { Disclosure, DocumentInfo, DocumentKind, TableKey, TableModel, Unit, UnrecognisedTable } from '../model/types';
import { analyseTable, headerWords, CODE_TEXT, type Layout } from './layout';
import { buildTable, raisePrecision, type TableGroup } from './build';
import { TABLE_SPECS, TITLE_ORDER, titleKeys } from './specs';
import {
  departmentYearFromTitle,
  findDepartment,
  findMarker,
  findUnit,
  findYear,
  isFillerText,
  isNoteText,
  norm,
} from './text';
import { splitSections } from './sections';
import { budgetYear, documentKind, documentScope } from './kind';
import { isBudgetKey } from '../model/types';
import { parseAmount } from '../money';
import { toInt } from '../int';

export { looksLikeDisclosure } from './detect';
export { TABLE_SPECS, titleKeys } from './specs';

/** How far above a table its title may be (paragraphs). */
const TITLE_WINDOW = 8;
/** Paragraphs longer than this are narrative, never a title/unit line. */
const MAX_LINE = 120;
/** Paragraphs after a table that may still be its notes. */
const NOTES_AFTER = 4;

interface Above {
  keys: TableKey[];
  title: string;
  marker: string | null;
  unit: Unit | null;
  department: string | null;
  /** Paragraphs from the title down to the table. */
  paragraphs: ParagraphBlock[];
  /** The title says "（续）" / "续表". */
  continued: boolean;
  /** A title of some other table ("…预算总表", "…一览表") stands above: no header-only guess. */
  foreignTitle: boolean;
}

function readAbove(blocks: Block[], index: number): Above {
  const out: Above = {
    keys: [],
    title: '',
    marker: null,
    unit: null,
    department: null,
    paragraphs: [],
    continued: false,
    foreignTitle: false,
  };
  let seen = 0;
  for (let i = index - 1; i >= 0 && seen < TITLE_WINDOW; i--) {
    const b = blocks[i];
    if (b.kind === 'table') break;
    const text = b.text;
    if (text === '') continue;
    seen++;
    if (text.length > MAX_LINE) break;
    const keys = titleKeys(text);
    if (keys.length > 0) {
      out.keys = keys;
      out.title = cleanTitle(text);
      out.marker = out.marker ?? findMarker(text);
      out.unit = out.unit ?? findUnit(text);
      out.department = out.department ?? findDepartment(text);
      out.continued = /续表|\(续\)|续$/.test(norm(text));
      out.paragraphs.unshift(b);
      // A marker line just above the title ("表一" / "公开01表") belongs to it too.
      const prev = blocks[i - 1];
      if (!out.marker && prev && prev.kind === 'paragraph' && prev.text.length <= 20 && findMarker(prev.text)) {
        out.marker = findMarker(prev.text);
        out.paragraphs.unshift(prev);
      }
      return out;
    }
    const marker = findMarker(text);
    const unit = findUnit(text);
    const dept = findDepartment(text);
    if (marker || unit || dept) {
      out.marker = out.marker ?? marker;
      out.unit = out.unit ?? unit;
      out.department = out.department ?? dept;
      out.paragraphs.unshift(b);
    } else if (FOREIGN_TITLE.test(norm(text))) {
      out.foreignTitle = true;
    }
  }
  // No title: the marker/unit lines found belong to whatever table this is.
  return out;
}

// A short line ending in 表 that is not one of ours: the title of a different table.
const FOREIGN_TITLE = /^.{2,40}表(\(.{1,10}\))?$/;

/** Only blank lines, notes, 续表, page numbers, unit lines between two blocks (a page break). */
function onlyFillerBetween(blocks: Block[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph') return false;
    if (b.text === '') continue;
    if (titleKeys(b.text).length > 0) return false;
    if (!isFillerText(b.text) && !isNoteText(b.text) && !/^\d{1,2}\s*[.．、]/.test(b.text)) return false;
  }
  return true;
}

/** The title as printed, without its marker, numbering and unit tail. */
function cleanTitle(text: string): string {
  let t = text.replace(/[\s\u3000]+/g, ' ').trim();
  const marker = findMarker(t);
  if (marker) t = t.replace(marker, ' ');
  t = t.replace(/(?:金额)?单位\s*[：:].*$/, '');
  t = t.replace(/[（(]\s*[)）]/g, ''); // "（公开01表）" once the marker is gone
  t = t.replace(/^[\s:：、.．\-—]+|[\s:：、.．\-—（(]+$/g, '');
  t = t.replace(/^(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]\s*/, '');
  return t.replace(/\s+/g, ' ').trim();
}

function signatureKeys(layout: Layout): TableKey[] {
  // "Some header word matches" = one multiline test over the words joined by newlines: words are
  // norm() text (no whitespace, so no newline inside), and the signature patterns use only ^, $
  // and literal words, which match within one line exactly as within one word.
  const words = headerWords(layout).join('\n');
  const out: TableKey[] = [];
  for (const key of TITLE_ORDER) {
    const sig = TABLE_SPECS[key].signature;
    if (sig.length > 0 && sig.every((re) => perLine(re).test(words))) out.push(key);
  }
  return out;
}

const PER_LINE = new Map<RegExp, RegExp>();

/** The pattern with ^/$ at line boundaries (the signature patterns carry no g/y flag). */
function perLine(re: RegExp): RegExp {
  let m = PER_LINE.get(re);
  if (!m) PER_LINE.set(re, (m = new RegExp(re.source, re.flags.includes('m') ? re.flags : `${re.flags}m`)));
  return m;
}

/** Is `next` the rest of `prev` (a table broken by a page break)? */
function continues(prev: Layout[], next: Layout, key: TableKey): boolean {
  const first = prev[0];
  if (next.block.cols !== first.block.cols) return false;
  // Header repeated: the continuation's header rows equal the first block's.
  if (next.headerSignature.length > 0) {
    const sig = new Set(first.headerSignature);
    return next.headerSignature.every((s) => sig.has(s));
  }
  // No header: the rows must look like the body of the first block.
  const last = prev[prev.length - 1];
  const codeCol = first.roles.indexOf('code');
  const lineCol = first.roles.indexOf('line');
  const firstBody = next.block.grid[next.bodyStart];
  if (!firstBody) return false;
  if (codeCol >= 0) {
    const t = firstBody[codeCol]?.cell.text.trim() ?? '';
    if (CODE_TEXT.test(t)) return true;
  }
  if (lineCol >= 0) {
    const prevLine = lastLine(last, lineCol);
    const t = firstBody[lineCol]?.cell.text.trim() ?? '';
    if (prevLine !== null && /^\d{1,3}$/.test(t) && toInt(t) === prevLine + 1) return true;
  }
  // T6-like code+name+amount groups: a code in any code column.
  if (key === 'T6' && next.roles.some((r, c) => r === 'code' && CODE_TEXT.test(firstBody[c]?.cell.text.trim() ?? ''))) {
    return true;
  }
  // Rows that read like the first block's body (a label, then amounts in its value columns), e.g. a
  // continuation starting with its 合计 row.
  let numbers = 0;
  for (let c = 0; c < first.roles.length; c++) {
    if (first.roles[c] !== 'value') continue;
    const s = firstBody[c];
    if (!s || s.isCopy) continue;
    const a = parseAmount(s.cell.text);
    if (a.kind === 'nan') return false;
    if (a.kind === 'number') numbers++;
  }
  return numbers > 0;
}

function lastLine(layout: Layout, lineCol: number): number | null {
  const g = layout.block.grid;
  for (let r = g.length - 1; r >= layout.bodyStart; r--) {
    const t = g[r][lineCol]?.cell.text.trim() ?? '';
    if (/^\d{1,3}$/.test(t)) return toInt(t);
  }
  return null;
}

function notesAfter(blocks: Block[], lastIndex: number): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  let inNote = false;
  let seen = 0;
  for (let i = lastIndex + 1; i < blocks.length && seen < NOTES_AFTER; i++) {
    const b = blocks[i];
    if (b.kind === 'table') break;
    if (b.text === '') continue;
    seen++;
    if (titleKeys(b.text).length > 0) break;
    if (isNoteText(b.text) || (inNote && /^\d{1,2}\s*[.．、]/.test(b.text))) {
      out.push(b);
      inNote = true;
      continue;
    }
    break;
  }
  return out;
}

export function recognize(doc: ExtractedDocument): Disclosure {
  const steps = recognizeSteps(doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * recognize as resumable steps: pauses before each table is laid out and before each is built (cold,
 * the first page's recognition is tens of ms; the content script yields to the page between steps).
 */
export function* recognizeSteps(doc: ExtractedDocument): Generator<void, Disclosure, void> {
  const blocks = doc.blocks;
  const paragraphs = blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');

  interface Pending extends TableGroup {
    above: Above;
  }
  const groups: Pending[] = [];
  const unrecognised: UnrecognisedTable[] = [];
  // 决算 or 预算 first: a document's tables are read with its own family of specs only.
  const kind = documentKind(doc);
  const ofKind = (keys: TableKey[]): TableKey[] => keys.filter((k) => isBudgetKey(k) === (kind === 'budget'));

  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const block = b as TableBlock;
    if (block.rows === 0 || block.cols < 2) continue;
    // (added by lib/extract owner) The extractor clipped this absurd table: it is incomplete, never guess.
    if (block.clipped && block.clipped.droppedCells > 0) {
      const reason = `table too large or malformed: ${block.clipped.droppedCells} cells beyond ${block.clipped.maxCols} columns could not be read`;
      unrecognised.push({ blockIndex: block.index, title: readAbove(blocks, block.index).title, reason });
      continue;
    }
    yield;
    const layout = analyseTable(block);
    if (layout.listOfTables) continue; // a contents list, not a disclosure table
    const above = readAbove(blocks, block.index);
    let keys = layout.title?.keys ?? [];
    let title = layout.title ? cleanTitle(layout.title.text) : '';
    if (keys.length === 0 && block.caption) {
      keys = titleKeys(block.caption);
      if (keys.length > 0) title = cleanTitle(block.caption);
    }
    if (keys.length === 0) {
      keys = above.keys;
      title = above.title;
    }
    // A title of the other family (a 预算 table in a 决算 document or the reverse): not ours, no guess.
    const otherFamily = keys.length > 0 && ofKind(keys).length === 0;
    keys = ofKind(keys);
    const prev = groups[groups.length - 1];
    const prevBlock = prev?.layouts[prev.layouts.length - 1].block.index ?? -1;
    const prevIsAdjacent =
      prev !== undefined &&
      prevBlock === lastTableIndexBefore(blocks, block.index) &&
      (onlyFillerBetween(blocks, prevBlock, block.index) || above.continued);

    // A continuation: no title of its own (or "…（续）"), right after the previous table.
    const continued = above.continued || (layout.title !== null && /续/.test(norm(layout.title.text)));
    if (prev && prevIsAdjacent && (keys.length === 0 || (continued && keys.includes(prev.key)))) {
      if (continues(prev.layouts, layout, prev.key)) {
        prev.layouts.push(layout);
        continue;
      }
      if (keys.length === 0 && looksLikeBody(layout) && layout.block.cols !== prev.layouts[0].block.cols) {
        unrecognised.push({
          blockIndex: block.index,
          title: '',
          reason: `looks like a continuation of ${prev.key} but has ${layout.block.cols} columns, expected ${prev.layouts[0].block.cols}`,
        });
        continue;
      }
    }

    if (keys.length > 1) {
      const sig = new Set(signatureKeys(layout));
      keys = [keys.find((k) => sig.has(k)) ?? keys[0]];
    }
    if (keys.length === 0) {
      // No title anywhere: only an unmistakable header signature identifies the table.
      if (above.foreignTitle || otherFamily) continue;
      const sig = ofKind(signatureKeys(layout));
      if (sig.length === 0) continue;
      keys = [sig[0]];
      title = '';
    }
    const key = keys[0];
    const g: Pending = {
      key,
      title,
      marker: layout.marker ?? above.marker,
      unit: layout.unit ?? above.unit,
      layouts: [layout],
      notes: [],
      above,
    };
    groups.push(g);
  }

  // Document info.
  const info = documentInfo(doc, paragraphs, groups, kind);

  const tables: Partial<Record<TableKey, TableModel>> = {};
  const tableBlocks = new Set<number>();
  const precisions: [TableModel, number][] = [];
  let docPrecision = 0;
  for (const g of groups) {
    const lastBlock = g.layouts[g.layouts.length - 1].block.index;
    g.notes = [...g.above.paragraphs, ...notesAfter(blocks, lastBlock)];
    g.unit = g.unit ?? info.unit;
    yield;
    const res = buildTable(g);
    if (!res.ok) {
      unrecognised.push({ blockIndex: g.layouts[0].block.index, title: g.title, reason: `${g.key}: ${res.reason}` });
      continue;
    }
    // The first readable table with a key wins; a later one is reported (never merged or guessed).
    const taken = tables[g.key];
    if (taken) {
      unrecognised.push({
        blockIndex: g.layouts[0].block.index,
        title: g.title,
        reason: `second table titled like ${g.key} (already recognised at block ${taken.blocks[0].index})`,
      });
      continue;
    }
    tables[g.key] = res.model;
    precisions.push([res.model, res.precision]);
    if (res.precision > docPrecision) docPrecision = res.precision;
    for (const l of g.layouts) tableBlocks.add(l.block.index);
    for (const p of g.notes) tableBlocks.add(p.index);
  }
  // A budget prints BT1–BT8 in 元 (whole 元 in some years) and BT9 in 万元: an integer 元 table hides
  // its 分 and is never raised to the 万元 tables' two decimals — only among tables of one unit.
  const byUnit = new Map<string | null, number>();
  if (kind === 'budget') for (const [model, p] of precisions) byUnit.set(model.unit, Math.max(p, byUnit.get(model.unit) ?? 0));
  for (const [model, p] of precisions) {
    const target = kind === 'budget' ? (byUnit.get(model.unit) ?? 0) : docPrecision;
    if (p === 0 && target > 0) raisePrecision(model, target);
  }
  unrecognised.sort((a, b) => a.blockIndex - b.blockIndex);

  yield;
  const { sections, tocBlocks } = splitSections(blocks, tableBlocks);
  return { info, tables, unrecognised, sections, paragraphs, tocBlocks };
}

function lastTableIndexBefore(blocks: Block[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (blocks[i].kind === 'table') return i;
  return -1;
}

/** Body rows without a header: codes or numbers right from the first row. */
function looksLikeBody(layout: Layout): boolean {
  return layout.headerSignature.length === 0 && layout.bodyStart < layout.block.grid.length;
}

function documentInfo(
  doc: ExtractedDocument,
  paragraphs: ParagraphBlock[],
  groups: { layouts: Layout[]; above: Above; unit: Unit | null }[],
  kind: DocumentKind,
): DocumentInfo {
  let department: string | null = null;
  for (const g of groups) {
    department = g.layouts[0].department ?? g.above.department;
    if (department) break;
  }
  const fromTitle = departmentYearFromTitle(doc.title);
  let year = fromTitle.year;
  if (!department) department = fromTitle.department;
  if (!department || !year) {
    for (const p of paragraphs.slice(0, 60)) {
      // Both patterns need 决算: most lines are ruled out without running them.
      if (p.text.length > MAX_LINE || !p.text.includes('决算')) continue;
      const dy = departmentYearFromTitle(p.text);
      if (!department && dy.department) department = dy.department;
      if (!year) year = dy.year ?? findYear(p.text);
      if (department && year) break;
    }
  }
  if (kind === 'budget' && !year) year = budgetYear(doc, paragraphs.slice(0, 60));

  // Unit: the most common among the tables' own unit lines; else the first unit line on the page.
  const counts = new Map<Unit, number>();
  for (const g of groups) if (g.unit) counts.set(g.unit, (counts.get(g.unit) ?? 0) + 1);
  let unit: Unit | null = null;
  let best = 0;
  counts.forEach((n, u) => {
    if (n > best) {
      unit = u;
      best = n;
    }
  });
  if (!unit) {
    for (const p of paragraphs) {
      if (p.text.length > MAX_LINE) continue;
      unit = findUnit(p.text);
      if (unit) break;
    }
  }
  const scope = kind === 'budget' ? (documentScope(doc) ?? scopeOf(doc.title, paragraphs)) : scopeOf(doc.title, paragraphs);
  return { title: doc.title, department, year, unit, kind, scope, format: 'html' };
}

/** 部门 or 单位 as the title (or an early heading line) says: "…部门决算" / "…单位决算". */
function scopeOf(title: string, paragraphs: ParagraphBlock[]): DocumentInfo['scope'] {
  const lines = [title];
  for (const p of paragraphs.slice(0, 20)) if (p.text.length <= MAX_LINE) lines.push(p.text);
  for (const l of lines) {
    if (/单位(?:决算|预算)/.test(l)) return 'unit';
    if (/部门(?:决算|预算)/.test(l)) return 'department';
  }
  return null;
}
