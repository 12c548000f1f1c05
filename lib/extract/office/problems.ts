/** Messages for files that cannot be read as a disclosure (Chinese first, English available). */

export interface Problem {
  zh: string;
  en: string;
}

/** A file that cannot be read at all: the dispatcher returns it as `problem` with an empty root. */
export class FileProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.zh} · ${problem.en}`);
    this.name = 'FileProblem';
  }
}

export const PROBLEMS = {
  tooLarge: (bytes: number, limit: number): Problem => ({
    zh: `文件过大（${mb(bytes)}，上限 ${mb(limit)}），未读取`,
    en: `file too large (${mb(bytes)}, limit ${mb(limit)}); not read`,
  }),
  unpacksTooLarge: (what: string, bytes: number, limit: number): Problem => ({
    zh: `${what} 解压后过大（${mb(bytes)}，上限 ${mb(limit)}），未读取`,
    en: `the ${what} file unpacks to too much data (${mb(bytes)}, limit ${mb(limit)}); not read`,
  }),
  empty: { zh: '文件为空', en: 'the file is empty' },
  encrypted: {
    zh: '文件有密码保护（已加密），无法读取；请另存为不加密的文件后再检查',
    en: 'the file is password-protected (encrypted) and cannot be read; save an unencrypted copy and check that',
  },
  corrupt: (what: string, detail: string): Problem => ({
    zh: `${what} 文件已损坏或不完整，无法读取（${detail}）`,
    en: `the ${what} file is damaged or incomplete and cannot be read (${detail})`,
  }),
  wps: {
    zh: 'WPS 文字格式（.wps）不受支持：这是 WPS 的私有格式，没有可靠的公开解析库；请在 WPS 中另存为 .docx 或 PDF 后再检查',
    en: 'WPS Writer files (.wps) are not supported: a proprietary format with no reliable open reader; save as .docx or PDF in WPS and check that',
  },
  et: {
    zh: 'WPS 表格格式（.et）不受支持：这是 WPS 的私有格式，没有可靠的公开解析库；请在 WPS 中另存为 .xlsx 或 PDF 后再检查',
    en: 'WPS Spreadsheets files (.et) are not supported: a proprietary format with no reliable open reader; save as .xlsx or PDF in WPS and check that',
  },
  docInBrowser: {
    zh: 'Word 97–2003 文档（.doc）只能用命令行检查；在浏览器中请提供 .docx 或 PDF',
    en: 'Word 97–2003 documents (.doc) can only be checked with the command line; in the browser, please provide the .docx or PDF',
  },
  unknown: (name: string): Problem => ({
    zh: `无法识别的文件类型（${name}）：支持网页（.html）、PDF、Word（.docx/.doc）和 Excel（.xlsx/.xls）`,
    en: `unrecognised file type (${name}): supported are web pages (.html), PDF, Word (.docx/.doc) and Excel (.xlsx/.xls)`,
  }),
  truncated: (what: string): Problem => ({
    zh: `文件过大，只读取了部分内容（${what}），结果不完整`,
    en: `the file is too large; only part of it was read (${what}), so the result is incomplete`,
  }),
  noTables: { zh: '文件中没有找到表格或文字', en: 'no tables or text found in the file' },
};

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** A short, safe description of an exception thrown by a reader library. */
export function describe(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.replace(/\s+/g, ' ').slice(0, 160);
}
