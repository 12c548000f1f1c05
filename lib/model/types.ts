/**
 * The typed disclosure model (design.md, "Disclosure model (zod)").
 * Schemas describe the serialisable shape; DOM references are carried as opaque values.
 */
// zod/mini: the same schemas and inferred types at a fraction of the bundle (this module is in the
// content script; full zod was ~60 KiB of it).
import * as z from 'zod/mini';
import type { Amount } from '../money/types';
import type { ParagraphBlock, SourceCell, TableBlock } from '../extract/types';

/** 决算 tables T1–T9 (domain.md) and 预算 tables BT1–BT9 (budget.md): one key space, two families. */
export const FINAL_TABLE_KEYS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;
export const BUDGET_TABLE_KEYS = ['BT1', 'BT2', 'BT3', 'BT4', 'BT5', 'BT6', 'BT7', 'BT8', 'BT9'] as const;
export const TABLE_KEYS = [...FINAL_TABLE_KEYS, ...BUDGET_TABLE_KEYS] as const;
export const TableKeySchema = z.enum(TABLE_KEYS);
export type TableKey = z.infer<typeof TableKeySchema>;
export type FinalTableKey = (typeof FINAL_TABLE_KEYS)[number];
export type BudgetTableKey = (typeof BUDGET_TABLE_KEYS)[number];

/** A budget table key (BT1–BT9)? */
export function isBudgetKey(key: string): key is BudgetTableKey {
  return key.startsWith('BT');
}

/** Common names of the budget tables (budget.md, Shanghai district set). */
export const BUDGET_TABLE_NAMES: Record<BudgetTableKey, { zh: string; en: string }> = {
  BT1: { zh: '财务收支预算总表', en: 'budget income & expenditure summary (BT1)' },
  BT2: { zh: '收入预算总表', en: 'budget income table (BT2)' },
  BT3: { zh: '支出预算总表', en: 'budget expenditure table (BT3)' },
  BT4: { zh: '财政拨款收支预算总表', en: 'budget fiscal appropriation summary (BT4)' },
  BT5: { zh: '一般公共预算支出功能分类预算表', en: 'general public budget expenditure (BT5)' },
  BT6: { zh: '政府性基金预算支出功能分类预算表', en: 'government fund budget expenditure (BT6)' },
  BT7: { zh: '国有资本经营预算支出功能分类预算表', en: 'state capital budget expenditure (BT7)' },
  BT8: { zh: '一般公共预算基本支出部门预算经济分类预算表', en: 'basic expenditure by economic class (BT8)' },
  BT9: { zh: '“三公”经费和机关运行经费预算表', en: '"three public expenses" and running costs budget (BT9)' },
};

export const UnitSchema = z.enum(['万元', '元', '亿元']);
export type Unit = z.infer<typeof UnitSchema>;

/** 类 (3-digit), 款 (5-digit), 项 (7-digit) for function codes; 类 (3) / 款 (5) for economic codes. */
export const CodeLevelSchema = z.enum(['lei', 'kuan', 'xiang']);
export type CodeLevel = z.infer<typeof CodeLevelSchema>;

/**
 * Row kinds. `total` = 合计/本年收入合计/本年支出合计/人员经费合计…; `grand-total` = 总计;
 * `subtotal` = 小计; `of-which` = 其中 rows (parts of the row above, never extra terms);
 * `data` = ordinary item rows (classification rows, income source rows …); `blank` = no name and no values.
 */
export const RowKindSchema = z.enum(['data', 'total', 'grand-total', 'subtotal', 'of-which', 'blank']);
export type RowKind = z.infer<typeof RowKindSchema>;

/**
 * Semantic column keys. Per table (domain.md, "The tables"):
 * - every table: 'code' (classification code), 'name' (项目/科目名称), 'line' (行次)
 * - T1 income panel & expense panel, T4 income panel, T6 panels: 'amount' (决算数)
 * - T2: 'total' 本年收入合计, 'fiscal' 财政拨款收入, 'upper' 上级补助收入, 'business' 事业收入,
 *       'operating' 经营收入, 'affiliated' 附属单位上缴收入, 'other' 其他收入
 * - T3: 'total' 本年支出合计, 'basic' 基本支出, 'project' 项目支出, 'remit' 上缴上级支出,
 *       'operating' 经营支出, 'subsidy' 对附属单位补助支出
 * - T4 expense panel: 'total' 合计, 'general' 一般公共预算财政拨款, 'govfund' 政府性基金预算财政拨款,
 *       'soe' 国有资本经营预算财政拨款
 * - T5: 'total' 合计/小计, 'basic', 'project'
 * - T7/T8: 'opening' 年初结转和结余, 'income' 本年收入, 'total' 本年支出小计/合计, 'basic', 'project',
 *       'closing' 年末结转和结余
 * - T9: 'budget.total', 'budget.abroad', 'budget.car', 'budget.carPurchase', 'budget.carRunning',
 *       'budget.reception', and the same with 'actual.' (决算数); older layouts may add
 *       'budget.meeting'/'budget.training'.
 * Unknown amount columns keep a key 'col<N>' so nothing is lost.
 */
export const ColumnKeySchema = z.string();
export type ColumnKey = string;

export const ColumnSchema = z.object({
  key: ColumnKeySchema,
  /** Grid column index in the (first) source table. */
  col: z.int(),
  /** Header words joined top-down, e.g. "本年支出/基本支出". */
  header: z.string(),
  numeric: z.boolean(),
});
export type Column = z.infer<typeof ColumnSchema>;

/** A value cell of the model, linked to its grid slot and DOM element. */
export interface ModelCell {
  table: TableKey;
  /** 0-based row in the table's resolved grid (after stitching: row in the concatenated grid). */
  row: number;
  col: number;
  text: string;
  value: Amount;
  source: SourceCell;
}

export const RowSchema = z.object({
  /** 0-based row in the table's resolved grid (concatenated when stitched). */
  row: z.int(),
  kind: RowKindSchema,
  /** Classification code normalised to digits ("2013101"; split 类/款/项 columns joined; "302 / 01" → "30201"). */
  code: z.nullable(z.string()),
  level: z.nullable(CodeLevelSchema),
  /** Item name with numbering kept as printed but trimmed, e.g. "一、一般公共预算财政拨款收入". */
  name: z.string(),
  /** 行次 if printed. */
  line: z.nullable(z.int()),
  /** Value cells by column key (only numeric columns). */
  cells: z.record(z.string(), z.custom<ModelCell>()),
});
export type Row = z.infer<typeof RowSchema>;

/**
 * A panel is one side-by-side group of columns with its own rows:
 * T1 and T4 have 'income' and 'expense'; T6 has 'left', 'middle', 'right' (or 'left','right');
 * all other tables have one panel 'main'.
 */
export const PanelSchema = z.object({
  id: z.string(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
});
export type Panel = z.infer<typeof PanelSchema>;

export const TableModelSchema = z.object({
  key: TableKeySchema,
  /** Title as printed above the table, e.g. "收入支出决算总表". */
  title: z.string(),
  /** Common name from domain.md for this key. */
  name: z.string(),
  /** The page's own label: "公开01表", "表一", "表 1" or null. */
  marker: z.nullable(z.string()),
  unit: z.nullable(UnitSchema),
  /** Source <table> blocks (more than one when stitched across a page break). */
  blocks: z.array(z.custom<TableBlock>()),
  /** Grid size after stitching (header rows of continuation tables dropped). */
  rows: z.int(),
  cols: z.int(),
  panels: z.array(PanelSchema),
  /** True when every numeric cell is empty or zero. */
  allEmpty: z.boolean(),
  /** Paragraph blocks directly around the table (title, unit line, notes "注：", "说明：…本表无数据"). */
  notes: z.array(z.custom<ParagraphBlock>()),
});
export type TableModel = z.infer<typeof TableModelSchema>;

/** A table-shaped block that looked like a disclosure table but could not be read (reported, never guessed). */
export const UnrecognisedTableSchema = z.object({
  blockIndex: z.int(),
  title: z.string(),
  reason: z.string(),
});
export type UnrecognisedTable = z.infer<typeof UnrecognisedTableSchema>;

/** A numbered section of the narrative: 第一部分…, 一、…, （一）…, 1、… */
export interface Section {
  /** Stable id from the numbering path, e.g. "P3/7/1" = 第三部分 / 七、 / （一）. */
  id: string;
  /** 1 = 部分, 2 = 一、, 3 = （一）, 4 = 1、/1. */
  depth: number;
  /** Heading text as printed (without trailing body text when the heading line also holds body). */
  title: string;
  heading: ParagraphBlock;
  /** Body paragraphs directly under this heading (not in subsections). */
  paragraphs: ParagraphBlock[];
  children: Section[];
  /** Index range of blocks [start, end) covered by this section, subsections included. */
  start: number;
  end: number;
}

/** 决算 (final accounts) or 预算 (budget): design.md `document.kind`. */
export type DocumentKind = 'final' | 'budget';
/** 部门 or 单位 where the document says (design.md `document.scope`). */
export type DocumentScope = 'department' | 'unit';
/** The file format the blocks were read from (design.md `document.format`). */
export type DocumentFormat = 'html' | 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls';

export interface DocumentInfo {
  title: string;
  department: string | null;
  year: number | null;
  unit: Unit | null;
  kind: DocumentKind;
  scope: DocumentScope | null;
  format: DocumentFormat;
  /** Tables recognised but not one amount in them: a template or an empty form (no rule runs). */
  template?: boolean;
}

export interface Disclosure {
  info: DocumentInfo;
  tables: Partial<Record<TableKey, TableModel>>;
  unrecognised: UnrecognisedTable[];
  /** Top-level sections (parts or, if the document has no 第N部分, the 一、 level). */
  sections: Section[];
  /** All paragraphs in reading order (narrative and notes). */
  paragraphs: ParagraphBlock[];
  /** Block indices of table-of-contents paragraphs (listed, not content). */
  tocBlocks: number[];
}
