/**
 * The one i18n mechanism for every user-facing string of the extension (popup, options, tooltip,
 * badge titles). Chinese is the default; English is the alternative. We don't use browser.i18n
 * because the language is a user setting (options page), not the browser's locale.
 */
export type Lang = 'zh' | 'en';
export const DEFAULT_LANG: Lang = 'zh';

const S = {
  appName: { zh: '决算公开校验', en: 'Disclosure Checker' },
  // verdict / states
  stateIdle: { zh: '尚未校验此页面。', en: 'This page has not been checked yet.' },
  stateConnecting: { zh: '正在连接页面…', en: 'Connecting to the page…' },
  stateDetecting: { zh: '正在识别页面…', en: 'Looking for a disclosure…' },
  stateChecking: { zh: '正在校验…', en: 'Checking…' },
  stateNoDisclosure: { zh: '此页面没有决算公开表格。', en: 'No disclosure on this page.' },
  stateNoDisclosureHint: {
    zh: '未找到部门决算公开的表格（收入支出决算总表等），因此没有进行校验。',
    en: 'No final-accounts disclosure tables (收入支出决算总表 …) were found, so nothing was checked.',
  },
  stateFailed: { zh: '校验失败', en: 'Checking failed' },
  stateUnavailable: {
    zh: '无法在此页面运行（浏览器内部页面或未授权的页面）。',
    en: 'Cannot run on this page (a browser page or one the extension may not access).',
  },
  checkNow: { zh: '校验此页面', en: 'Check this page' },
  recheck: { zh: '重新校验', en: 'Check again' },
  stalePage: { zh: '页面内容已变化，', en: 'The page changed after the check: ' },
  progressStage_extract: { zh: '读取页面', en: 'Reading the page' },
  progressStage_recognize: { zh: '识别表格', en: 'Recognising tables' },
  progressStage_rules: { zh: '执行规则 {done}/{total}', en: 'Running rules {done}/{total}' },
  progressStage_marks: { zh: '标注页面', en: 'Marking the page' },
  // verdict
  verdictErrors: { zh: '{n} 个错误', en: '{n} errors' },
  verdictWarnings: { zh: '{n} 个警告', en: '{n} warnings' },
  verdictNotices: { zh: '{n} 个提示', en: '{n} notices' },
  verdictClean: { zh: '未发现错误', en: 'No errors found' },
  recognised: { zh: '已识别', en: 'Recognised' },
  tablesLabel: { zh: '表格', en: 'Tables' },
  unitLabel: { zh: '单位', en: 'Unit' },
  yearLabel: { zh: '年度', en: 'Year' },
  departmentLabel: { zh: '部门', en: 'Department' },
  kindLabel: { zh: '类型', en: 'Kind' },
  kind_final: { zh: '决算', en: 'final accounts' },
  kind_budget: { zh: '预算', en: 'budget' },
  scope_department: { zh: '部门', en: 'department' },
  scope_unit: { zh: '单位', en: 'unit' },
  unknown: { zh: '未识别', en: 'unknown' },
  unrecognisedTables: { zh: '未能读取的表格：{list}', en: 'Tables that could not be read: {list}' },
  mapUnrecognised: { zh: '未能识别：{title}（{reason}）', en: 'Not recognised: {title} ({reason})' },
  mapParts: { zh: '必备部分：{present}/{total} 具备', en: 'Required parts: {present} of {total} present' },
  mapPartsMissing: { zh: '；缺少：{list}', en: '; missing: {list}' },
  rulesSummary: {
    zh: '规则：{run} 条已执行，{na} 条不适用',
    en: 'Rules: {run} run, {na} not applicable',
  },
  rulesInternal: { zh: '，{n} 条内部错误', en: ', {n} internal errors' },
  // findings list
  findingsTitle: { zh: '问题清单', en: 'Findings' },
  noFindings: { zh: '没有发现问题。', en: 'No findings.' },
  unfoldNotices: { zh: '展开', en: 'show' },
  foldNotices: { zh: '收起', en: 'hide' },
  noFindingsShown: { zh: '没有符合筛选条件的问题。', en: 'No findings match the filter.' },
  groupDocument: { zh: '整篇文档', en: 'Whole document' },
  groupNarrative: { zh: '说明：{title}', en: 'Narrative: {title}' },
  expected: { zh: '应为', en: 'Expected' },
  stated: { zh: '所列', en: 'Stated' },
  difference: { zh: '差额', en: 'Difference' },
  rule: { zh: '规则', en: 'Rule' },
  emptyValue: { zh: '（空）', en: '(empty)' },
  notOnPage: { zh: '（未在页面上标注）', en: '(not marked on the page)' },
  severity_error: { zh: '错误', en: 'Error' },
  severity_warning: { zh: '警告', en: 'Warning' },
  severity_notice: { zh: '提示', en: 'Notice' },
  role_total: { zh: '合计', en: 'total' },
  // controls
  filterLabel: { zh: '显示', en: 'Show' },
  marksToggle: { zh: '在页面上标注', en: 'Marks on the page' },
  copyReport: { zh: '复制报告（Markdown）', en: 'Copy report (Markdown)' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '复制失败', en: 'Copy failed' },
  downloadJson: { zh: '下载 JSON', en: 'Download JSON' },
  downloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  openOptions: { zh: '设置', en: 'Settings' },
  // options
  optionsTitle: { zh: '决算公开校验 · 设置', en: 'Disclosure Checker · Settings' },
  optLanguage: { zh: '界面语言', en: 'Language' },
  optShowNotices: {
    zh: '在页面上标注“提示”（尾数差异等）',
    en: 'Mark notices (rounding differences …) on the page',
  },
  optHosts: { zh: '自动校验的网站', en: 'Sites checked automatically' },
  optHostsHelp: {
    zh: '*.gov.cn 网站始终自动校验。在此添加其他网站（如 www.example.org）；添加时浏览器会请求访问该网站的权限。',
    en: '*.gov.cn sites are always checked automatically. Add other sites here (e.g. www.example.org); the browser asks for access to that site when you add it.',
  },
  optAddHost: { zh: '添加', en: 'Add' },
  optRemoveHost: { zh: '删除', en: 'Remove' },
  optHostInvalid: { zh: '请输入有效的主机名，例如 www.example.org', en: 'Enter a valid host name, e.g. www.example.org' },
  optHostDenied: { zh: '未获得该网站的访问权限，未添加。', en: 'Access to that site was not granted; not added.' },
  optNoHosts: { zh: '（尚未添加）', en: '(none yet)' },
  optSaved: { zh: '已保存', en: 'Saved' },
  optPrivacy: {
    zh: '本扩展不发送任何网络请求：所有校验都在浏览器内完成。',
    en: 'This extension makes no network requests: every check runs inside your browser.',
  },
  // PDF viewer (entrypoints/viewer)
  viewerTitle: { zh: 'PDF 校验', en: 'PDF check' },
  checkLocalFile: { zh: '检查本地文件', en: 'Check a local file' },
  optCheckLocal: {
    zh: '检查本地的 PDF、Word（.docx）或 Excel（.xlsx/.xls）文件：文件只在本机读取，不会上传。',
    en: 'Check a PDF, Word (.docx) or Excel (.xlsx/.xls) file on this computer: it is read here and never uploaded.',
  },
  viewerOpenFile: { zh: '打开本地文件…', en: 'Open a local file…' },
  viewerDropHint: {
    zh: '把 PDF、Word（.docx）或 Excel（.xlsx/.xls）文件拖到这里，或点击“打开本地文件”。文件只在本机读取，不会上传。',
    en: 'Drop a PDF, Word (.docx) or Excel (.xlsx/.xls) file here, or click “Open a local file”. The file is read on this computer and never uploaded.',
  },
  viewerNative: { zh: '在浏览器自带阅读器中打开', en: "Open in the browser's own viewer" },
  viewerLoading: { zh: '正在读取 PDF…', en: 'Reading the PDF…' },
  viewerFetchFailed: { zh: '无法获取此 PDF：{reason}', en: 'Could not fetch this PDF: {reason}' },
  viewerAllowHost: { zh: '允许访问 {host} 并重试', en: 'Allow access to {host} and retry' },
  viewerNotPdf: { zh: '这不是 PDF 文件。', en: 'This is not a PDF file.' },
  viewerOpenFailed: { zh: '无法打开此文件：{reason}', en: 'Could not open this file: {reason}' },
  viewerPages: { zh: '页面', en: 'Pages' },
  viewerPage: { zh: '第 {n} 页', en: 'Page {n}' },
  viewerZoomIn: { zh: '放大', en: 'Zoom in' },
  viewerZoomOut: { zh: '缩小', en: 'Zoom out' },
  viewerFitWidth: { zh: '适合宽度', en: 'Fit width' },
  viewerMarked: { zh: '已在页面上标注 {n} 个问题', en: '{n} findings marked on the pages' },
  optInsights: {
    zh: '显示分析提示（默认关闭）：“三公”经费超预算、决算与预算相差超过30%且未说明原因；仅供参考，不计为错误或警告，重新校验后生效',
    en: 'Show insights (off by default): "three public expenses" above budget, an actual more than 30% off its budget with no reason given; information only, never errors or warnings; applies from the next check',
  },
  insightsFold: { zh: '分析提示 {n} 条（仅供参考，不计入错误、警告和提示数）', en: 'Insights: {n} (information only, not counted as errors, warnings or notices)' },
  optPdfViewer: {
    zh: '在 *.gov.cn 网站上用本扩展的阅读器打开 PDF（并校验）',
    en: 'Open PDFs on *.gov.cn sites in this extension’s viewer (and check them)',
  },
  // attachments of an article page (lib/ext/attachments, popup)
  attachmentsLabel: { zh: '附件：', en: 'Attachments:' },
  attachmentCheck: { zh: '校验', en: 'Check' },
  attachmentCombine: { zh: '与本页合并校验', en: 'Check with this page' },
  attachmentNotInBrowser: {
    zh: '浏览器中不能读取此格式（.doc/.wps/.et），请另存为 .docx/.xlsx 或 PDF，或用命令行检查',
    en: 'This format (.doc/.wps/.et) cannot be read in the browser: save it as .docx/.xlsx or PDF, or use the command line',
  },
  tablesInAttachment: {
    zh: '本页表格在附件中：{list}。可点“与本页合并校验”，把本页正文和附件中的表格作为一份文件校验。',
    en: 'This page’s tables are in an attachment: {list}. “Check with this page” checks this page’s text and the attachment’s tables as one document.',
  },
  combinedTitle: { zh: '合并校验：本页正文（{page}）+ 附件', en: 'Combined check: the page’s text ({page}) + the attachment' },
  combinedPageText: { zh: '网页正文（来自 {url}）', en: 'Page text (from {url})' },
  combinedNoText: { zh: '未能取得网页正文（页面已关闭或已离开），只校验附件。', en: 'Could not get the page’s text (closed or navigated away): the attachment is checked alone.' },
  combinedPdfNote: {
    zh: '合并校验：网页正文 {n} 段与本 PDF 一起校验；正文中的问题列在右侧，未在 PDF 上标注。',
    en: 'Combined check: {n} paragraphs of the page’s text are checked with this PDF; findings in that text are listed on the right, not marked on the PDF.',
  },
  // on-page verdict chip
  barErrors: { zh: '{n} 处错误', en: '{n} error(s)' },
  barWarnings: { zh: '{n} 处警告', en: '{n} warning(s)' },
  barView: { zh: '查看', en: 'View' },
  barHide: { zh: '收起', en: 'Hide' },
  barDismiss: { zh: '关闭（此网站不再显示）', en: 'Close (not shown again on this site)' },
  barMore: { zh: '另有 {n} 处，见工具栏中的本扩展按钮', en: '{n} more: see the extension’s toolbar button' },
  // tooltip
  tipMore: { zh: '另有 {n} 个问题', en: '{n} more findings' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof S;

export function isLang(x: unknown): x is Lang {
  return x === 'zh' || x === 'en';
}

/** Translate a key; `{name}` placeholders are replaced from `vars` (values are plain text). */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = S[key][lang] ?? S[key].zh;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Pick one side of a {zh, en} pair coming from the core (finding messages, rule titles). */
export function pick(lang: Lang, text: { zh: string; en: string }): string {
  return lang === 'en' ? text.en || text.zh : text.zh || text.en;
}

export const ALL_KEYS = Object.keys(S) as MessageKey[];
export const STRINGS: Readonly<Record<MessageKey, { zh: string; en: string }>> = S;
