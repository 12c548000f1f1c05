/** Office readers: format detection, hard cases, damaged and hostile files (issue 18). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { extractDocument } from '../../../lib/extract';
import type { TableBlock } from '../../../lib/extract/types';
import { MAX_UNPACKED_BYTES } from '../../../lib/extract/file';
import { sniff } from '../../../lib/extract/office/sniff';
import { appendHtml } from '../../../lib/extract/office/html';
import { repairTable } from '../../../lib/extract/office/tables';
import { MAX_SHEET_ROWS, displayText } from '../../../lib/extract/office/xlsx';
import { checkDocument, toReport } from '../../../lib/index';
import { docx, zip, type DocxCell } from './zip';
import { newDocument, read, workbook } from './build';

const FIX = new URL('../../../../shared/fixtures/', import.meta.url);
const fixture = (p: string) => new Uint8Array(readFileSync(new URL(p, FIX)));

function tables(root: Element): TableBlock[] {
  return extractDocument(root).blocks.filter((b): b is TableBlock => b.kind === 'table');
}
function gridText(t: TableBlock): string[] {
  return t.grid.map((row) => row.map((s) => (s.isCopy ? '^' : s.cell.text)).join('|'));
}

describe('format detection by bytes, name only where the bytes cannot say', () => {
  test.each([
    ['drafts/lukou-2024.docx', 'x.bin', 'docx'],
    ['drafts/lukou-2024.doc', 'x.bin', 'doc'],
    ['drafts/lukou-2024-tables.xlsx', 'x.bin', 'xlsx'],
    ['drafts/lukou-2024-tables.xls', 'x.bin', 'xls'],
    ['pdf/lukou-2024-printed.pdf', 'x.bin', 'pdf'],
    ['lukou-2024/page.html', 'x.html', 'html'],
    // A .docx named .xlsx is still a .docx; a Word 97 file named .wps is WPS (same container).
    ['drafts/lukou-2024.docx', 'report.xlsx', 'docx'],
    ['drafts/lukou-2024.doc', 'draft.wps', 'wps'],
    ['drafts/lukou-2024-tables.xls', 'tables.et', 'et'],
  ])('%s named %s → %s', (file, name, want) => {
    expect(sniff(fixture(file), name)).toBe(want);
  });
});

describe('one dispatcher for every format', () => {
  test('a PDF goes to lib/extract/pdf and comes back as the same blocks', async () => {
    const cMapUrl = fileURLToPath(new URL('../../../node_modules/pdfjs-dist/cmaps/', import.meta.url));
    const r = await read(fixture('pdf/lukou-2024-printed.pdf'), 'printed.pdf', { cMapUrl });
    expect([r.format, r.fatal, r.problem]).toEqual(['pdf', false, null]);
    const rep = toReport(checkDocument(r.root, { format: r.format }), 'printed.pdf');
    expect(rep.tables.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    expect(rep.document.format).toBe('pdf');
  }, 120_000);
  test('a damaged PDF is a clear problem', async () => {
    const r = await read(new TextEncoder().encode('%PDF-1.7\n1 0 obj <<'), 'broken.pdf');
    expect([r.format, r.fatal]).toEqual(['pdf', true]);
    expect(r.problem!.zh).toContain('PDF');
  });
});

describe('library HTML → the caller\'s document (a whitelist, never innerHTML)', () => {
  test('scripts, images, handlers and links do not come through; spans and entities do', () => {
    const doc = newDocument();
    const root = doc.createElement('article');
    appendHtml(
      '<p onclick="x()">A &amp; B &lt;b&gt;</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接</a>' +
        '<table><tr><td colspan="2" rowspan="3" style="x">合计</td><td colspan="abc">1</td></tr></table><iframe src="x"><p>in</p></iframe>',
      root,
    );
    expect(Array.from(root.querySelectorAll('*')).map((e) => e.localName)).toEqual(['p', 'table', 'tr', 'td', 'td']);
    expect(root.textContent).toBe('A & B <b>链接合计1');
    expect(root.firstElementChild!.attributes.length).toBe(0);
    const [td1, td2] = Array.from(root.getElementsByTagName('td'));
    expect([td1.getAttribute('colspan'), td1.getAttribute('rowspan'), td1.getAttribute('style'), td1.attributes.length]).toEqual(['2', '3', null, 2]);
    expect(td2.attributes.length).toBe(0);
  });
});

describe('Word table debris repaired (tables.ts)', () => {
  test('a merge that runs into the 栏次 row (pushing it past the table) ends above it; padding columns go', () => {
    const doc = newDocument();
    const root = doc.createElement('div');
    // As LibreOffice wrote lukou-2024.docx: header cells merged down over the 栏次 and 合计 rows,
    // which Word then shows to the right of the grid, and empty padding cells on the right.
    appendHtml(
      '<table><tr><td colspan="2">项目</td><td colspan="3">本年支出</td><td colspan="2"></td><td></td><td></td></tr>' +
        '<tr><td rowspan="3">编码</td><td rowspan="3">科目名称</td><td rowspan="3">小计</td><td rowspan="3">基本支出</td><td rowspan="3">项目支出</td><td colspan="2"></td><td></td><td></td></tr>' +
        '<tr><td colspan="2">栏次</td><td>1</td><td>2</td><td>3</td></tr>' +
        '<tr><td colspan="2">合计</td><td>30.00</td><td>20.00</td><td></td></tr>' +
        '<tr><td>201</td><td>一般公共服务支出</td><td>30.00</td><td>20.00</td><td>10.00</td><td colspan="4"></td></tr></table>',
      root,
    );
    repairTable(root.firstElementChild!);
    expect(gridText(tables(root)[0])).toEqual([
      '项目|^|本年支出|^|^',
      '编码|科目名称|小计|基本支出|项目支出',
      '栏次|^|1|2|3',
      '合计|^|30.00|20.00|',
      '201|一般公共服务支出|30.00|20.00|10.00',
    ]);
  });
  test('a table whose rows all fit is left exactly as it is', () => {
    const doc = newDocument();
    const root = doc.createElement('div');
    const html = '<table><tr><td rowspan="2">项目</td><td colspan="2">金额</td></tr><tr><td>上年</td><td>本年</td></tr><tr><td>合计</td><td>1</td><td></td></tr></table>';
    appendHtml(html, root);
    repairTable(root.firstElementChild!);
    expect(root.innerHTML).toBe(html);
  });
});

const c = (text: string, span?: number): DocxCell => ({ text, span });
const row = (...t: string[]) => t.map((x) => c(x));
function splitT5(last: string): Uint8Array {
  const head = [[c('项目', 2), c('本年支出', 3)], row('功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出'), [c('栏次', 2), c('1'), c('2'), c('3')], [c('合计', 2), c('300.00'), c('200.00'), c('100.00')]];
  const part1 = [row('201', '一般公共服务支出', '100.00', '100.00', ''), row('20101', '人大事务', '100.00', '100.00', ''), row('2010101', '行政运行', '100.00', '100.00', '')];
  const part2 = [row('208', '社会保障和就业支出', '200.00', '100.00', '100.00'), row('20805', '行政事业单位养老支出', '200.00', '100.00', '100.00'), row('2080505', '机关事业单位基本养老保险缴费支出', last, '100.00', '100.00')];
  return docx(['一般公共预算财政拨款支出决算表', '公开05表', '单位：万元', [...head, ...part1], { pageBreak: true }, part2, '注：本表反映部门本年度一般公共预算财政拨款支出情况。']);
}

describe('.docx: a table split over two Word tables is one table', () => {
  test('consistent: stitched into one T5 of 10 rows, its identities hold', async () => {
    const r = await read(splitT5('200.00'), 'split.docx');
    const rep = toReport(checkDocument(r.root), 'split.docx');
    expect(rep.tables.map((t) => [t.id, t.rows, t.cols])).toEqual([['T5', 10, 5]]);
    expect(rep.findings.filter((f) => f.rule.startsWith('I-'))).toEqual([]);
    expect(rep.rules.filter((x) => x.id === 'I-07' || x.id === 'I-18').map((x) => x.outcome)).toEqual(['pass', 'pass']);
  });
  test('an error in the second Word table names the cell there', async () => {
    const r = await read(splitT5('190.00'), 'split.docx');
    const run = checkDocument(r.root);
    const rep = toReport(run, 'split.docx');
    const i18 = rep.findings.find((f) => f.rule === 'I-18')!;
    expect([i18.severity, i18.expected, i18.actual]).toEqual(['error', '200.00', '190.00']);
    expect(i18.cells[0]).toMatchObject({ table: 'T5', row: 9, col: 2, text: '190.00', role: 'total' });
    // The finding's cell is the element in the second Word table, so marks land on it.
    const el = run.findings.find((f) => f.rule === 'I-18')!.cells[0].cell.source!.el!;
    const wordTables = Array.from(r.root.getElementsByTagName('table'));
    expect(wordTables.length).toBe(2);
    expect(wordTables[1].contains(el)).toBe(true);
  });
});

describe('.xlsx / .xls: numbers as Excel displays them', () => {
  const cells = [
    { t: 'n', v: 880.8100000000001, z: '#,##0.00' },
    { t: 'n', v: 1234.5, z: '#,##0.00' },
    { t: 's', v: '1,234.50' },
    { t: 'n', v: 0, z: '#,##0.00' },
    { t: 'n', v: 12.5, z: '0.00%' },
    { t: 's', v: '' },
  ];
  test('displayText: the formatted text, never the binary float; blank stays blank', () => {
    expect(cells.map((cell) => displayText(cell as XLSX.CellObject))).toEqual(['880.81', '1,234.50', '1,234.50', '0.00', '1250.00%', '']);
    expect(displayText(undefined)).toBe('');
  });
  test.each(['xlsx', 'biff8'] as const)('a sheet mixing numbers stored as text and as numbers (%s) checks like the page', async (bookType) => {
    const n = (v: number) => ({ t: 'n', v, z: '#,##0.00' });
    const bytes = workbook(
      [
        {
          name: '05',
          rows: [
            ['一般公共预算财政拨款支出决算表'],
            ['公开05表', null, null, null, '单位：万元'],
            ['项目', null, '本年支出'],
            ['功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出'],
            ['栏次', null, 1, 2, 3],
            // Float noise in the stored total, the parts half as text with separators.
            ['合计', null, n(1300.0000000000002), '1,200.00', n(100)],
            [201, '一般公共服务支出', '1,300.00', n(1200), n(100)],
            [20101, '人大事务', n(1300), n(1200), '100.00'],
            [2010101, '行政运行', n(1300), '1,200.00', n(100)],
          ],
          merges: [
            { s: { r: 2, c: 0 }, e: { r: 2, c: 1 } },
            { s: { r: 2, c: 2 }, e: { r: 2, c: 4 } },
            { s: { r: 4, c: 0 }, e: { r: 4, c: 1 } },
            { s: { r: 5, c: 0 }, e: { r: 5, c: 1 } },
          ],
        },
      ],
      bookType,
    );
    const r = await read(bytes, bookType === 'xlsx' ? 'mixed.xlsx' : 'mixed.xls');
    expect(r.fatal).toBe(false);
    const [t] = tables(r.root);
    expect(gridText(t)).toEqual([
      '项目|^|本年支出|^|^',
      '功能分类科目编码|科目名称|小计|基本支出|项目支出',
      '栏次|^|1|2|3',
      '合计|^|1,300.00|1,200.00|100.00',
      '201|一般公共服务支出|1,300.00|1,200.00|100.00',
      '20101|人大事务|1,300.00|1,200.00|100.00',
      '2010101|行政运行|1,300.00|1,200.00|100.00',
    ]);
    // Title and unit rows are paragraphs above the grid.
    const paras = extractDocument(r.root).blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(paras).toEqual(['一般公共预算财政拨款支出决算表', '公开05表 单位：万元']);
    const rep = toReport(checkDocument(r.root), 'mixed');
    expect(rep.tables.map((x) => x.id)).toEqual(['T5']);
    expect(rep.findings.filter((f) => f.rule.startsWith('I-'))).toEqual([]);
    expect(rep.rules.find((x) => x.id === 'I-18')?.outcome).toBe('pass');
  });
  test('a workbook with a cover and a notes sheet: the tables are found, the cover is no table', async () => {
    const src = fixture('drafts/lukou-2024-tables.xlsx');
    const wb = XLSX.read(src, { type: 'array', cellNF: true, cellStyles: false });
    const cover = XLSX.utils.aoa_to_sheet([['中共株洲市渌口区委办公室'], ['2024年度部门决算报表'], [], ['编制日期：2025年3月']]);
    const notes = XLSX.utils.aoa_to_sheet([['填表说明'], ['1. 本套报表金额单位为万元。'], ['2. 本套报表金额单位转换时可能存在尾数误差。']]);
    const out = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(out, cover, '封面');
    for (const name of wb.SheetNames) XLSX.utils.book_append_sheet(out, wb.Sheets[name], name);
    XLSX.utils.book_append_sheet(out, notes, '说明');
    const bytes = new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await read(bytes, 'with-cover.xlsx');
    expect(tables(r.root).length).toBe(9);
    expect(r.root.querySelector('section[data-dc-sheet="封面"] table')).toBeNull();
    const rep = toReport(checkDocument(r.root), 'with-cover.xlsx');
    expect(rep.tables.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    expect(rep.unrecognised).toEqual([]);
    expect(rep.findings.filter((f) => f.message.includes('未提供说明部分（仅表格）')).length).toBe(1);
  });
  test('a sheet longer than the row limit is read up to it and said so', async () => {
    const rows: unknown[][] = [['项目', '金额']];
    for (let i = 0; i < MAX_SHEET_ROWS + 500; i++) rows.push([`项${i}`, i]);
    const r = await read(workbook([{ name: '长表', rows }]), 'long.xlsx');
    expect(r.fatal).toBe(false);
    expect(r.problem?.zh).toContain('只读取了部分内容');
    expect(r.root.getElementsByTagName('tr').length).toBe(MAX_SHEET_ROWS);
  });
});

describe('a 50 MB workbook: refused from the zip directory, in bounded memory', () => {
  test('nothing is inflated or parsed; memory stays near the file\'s own size', async () => {
    const rowXml = '<row><c t="inlineStr"><is><t>一般公共服务支出</t></is></c><c><v>880.81</v></c><c><v>742.39</v></c><c><v>10</v></c></row>';
    const count = Math.ceil((50 * 1024 * 1024) / rowXml.length);
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml.repeat(count)}</sheetData></worksheet>`;
    const bytes = zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="大表" sheetId="1"/></sheets></workbook>',
      'xl/worksheets/sheet1.xml': sheet,
    });
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    const r = await read(bytes, 'big.xlsx');
    const grew = process.memoryUsage().heapUsed - before;
    expect(r.fatal).toBe(true);
    expect(r.problem?.zh).toContain('解压后过大');
    expect(r.root.childNodes.length).toBe(0);
    // The 50 MB sheet was never decoded into a string (that alone would be ~100 MB of heap).
    expect(grew).toBeLessThan(32 * 1024 * 1024);
    expect(MAX_UNPACKED_BYTES).toBeLessThan(bytes.length);
  });
});

describe('unreadable files: a clear message, never a crash', () => {
  const encryptedOoxml = () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
  };
  const encryptedDoc = () => {
    const cfb = XLSX.CFB.read(fixture('drafts/lukou-2024.doc'), { type: 'array' });
    const entry = XLSX.CFB.find(cfb, '/WordDocument')!;
    const content = new Uint8Array(entry.content as ArrayLike<number>);
    content[0x0b] |= 0x01; // FIB flags: fEncrypted (0x0100)
    entry.content = content as unknown as typeof entry.content;
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
  };
  const docxBytes = () => fixture('drafts/lukou-2024.docx');
  test.each([
    ['password-protected .xlsx', () => encryptedOoxml(), 'book.xlsx', '密码保护'],
    ['password-protected .docx', () => encryptedOoxml(), 'draft.docx', '密码保护'],
    ['password-protected .doc', () => encryptedDoc(), 'draft.doc', '密码保护'],
    ['a truncated .docx (corrupt zip)', () => docxBytes().slice(0, 20_000), 'draft.docx', '已损坏'],
    ['a .docx with its document part damaged', () => zip({ 'word/document.xml': '<w:document><w:body><w:p>', '[Content_Types].xml': '<Types/>' }), 'draft.docx', '已损坏'],
    ['random bytes named .xlsx', () => new Uint8Array(5000).map((_, i) => (i * 7919) % 251), 'book.xlsx', '无法识别'],
    ['a zip that is neither Word nor Excel', () => zip({ 'a.txt': 'hello' }), 'x.zip', '既不是 Word 也不是 Excel'],
    ['an empty file', () => new Uint8Array(0), 'draft.docx', '文件为空'],
    ['a .wps file', () => fixture('drafts/lukou-2024.doc'), 'draft.wps', '不受支持'],
    ['an .et file', () => fixture('drafts/lukou-2024-tables.xls'), 'tables.et', '不受支持'],
  ])('%s', async (_what, make, name, says) => {
    const r = await read(make(), name);
    expect(r.fatal).toBe(true);
    expect(r.problem!.zh).toContain(says);
    expect(r.problem!.en.length).toBeGreaterThan(10);
    expect(r.root.childNodes.length).toBe(0);
  });
  test('a file over the size limit is refused unread', async () => {
    const r = await read(docxBytes(), 'draft.docx', { maxBytes: 1000 });
    expect([r.fatal, r.problem?.zh]).toEqual([true, expect.stringContaining('文件过大')]);
  });
  test('.doc without the Node reader (the browser) asks for .docx or PDF', async () => {
    const r = await read(fixture('drafts/lukou-2024.doc'), 'draft.doc', { readWord97: undefined });
    expect([r.format, r.fatal]).toEqual(['doc', true]);
    expect(r.problem!.zh).toContain('请提供 .docx 或 PDF');
  });
});
