import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeHtml, normaliseCharset, NotHtmlError, sniffMetaCharset } from '../../cli/decode';

const TEXT = '中共株洲市渌口区委办公室 本年收入合计 896.58 万元';
const page = (head: string) => `<!DOCTYPE html><html><head>${head}<title>t</title></head><body><p>${TEXT}</p></body></html>`;
const bytes = (s: string, enc: string) => new Uint8Array(iconv.encode(s, enc));

describe('charset labels', () => {
  it.each([
    ['gbk', 'gb18030'],
    ['GB2312', 'gb18030'],
    ['gb18030', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['"utf-8"', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['big5', 'big5'],
    ['iso-8859-1', 'windows-1252'],
    ['no-such-charset', null],
    ['', null],
  ])('%s → %s', (label, expected) => {
    expect(normaliseCharset(label)).toBe(expected);
  });

  it('reads the charset parameter of Content-Type', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('GBK');
    expect(charsetFromContentType('text/html;charset="gb2312"')).toBe('gb2312');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});

describe('meta sniffing', () => {
  const sniff = (s: string) => sniffMetaCharset(new Uint8Array(Buffer.from(s, 'latin1')));
  it('finds <meta charset>, http-equiv content and the XML declaration', () => {
    expect(sniff('<head><meta charset="gbk">')).toBe('gbk');
    expect(sniff("<head><meta charset='GB2312' />")).toBe('GB2312');
    expect(sniff('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">')).toBe('gb2312');
    expect(sniff('<?xml version="1.0" encoding="GB18030"?><html>')).toBe('GB18030');
  });
  it('ignores a commented-out meta and anything past the prescan window', () => {
    expect(sniff('<!-- <meta charset="gbk"> --><meta charset="utf-8">')).toBe('utf-8');
    expect(sniff(' '.repeat(3000) + '<meta charset="gbk">')).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('decodes a GBK page declared with <meta charset="gbk">', () => {
    const d = decodeHtml(bytes(page('<meta charset="gbk">'), 'gbk'));
    expect(d.text).toContain(TEXT);
    expect(d).toMatchObject({ encoding: 'gb18030', via: 'meta' });
  });

  it('decodes a GB2312 page declared with http-equiv', () => {
    const d = decodeHtml(bytes(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb2312'));
    expect(d.text).toContain(TEXT);
    expect(d.via).toBe('meta');
  });

  it('decodes GB18030-only characters (beyond GBK)', () => {
    const rare = '𠀀'; // U+20000, four bytes in GB18030
    const d = decodeHtml(bytes(page('<meta charset="gb18030">') + rare, 'gb18030'));
    expect(d.text).toContain(rare);
  });

  it('lets the HTTP header win over the meta (as browsers do)', () => {
    const d = decodeHtml(bytes(page('<meta charset="utf-8">'), 'gbk'), 'text/html; charset=GBK');
    expect(d.text).toContain(TEXT);
    expect(d.via).toBe('http');
  });

  it('lets a BOM win over everything', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(page('<meta charset="gbk">'), 'utf8')]);
    const d = decodeHtml(utf8, 'text/html; charset=gbk');
    expect(d.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(d.text).toContain(TEXT);
    expect(d.via).toBe('bom');
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode(page(''), 'utf-16le')]);
    expect(decodeHtml(utf16).text).toContain(TEXT);
  });

  it('without a declaration: UTF-8 when valid, else GB18030', () => {
    expect(decodeHtml(bytes(page(''), 'utf8'))).toMatchObject({ encoding: 'utf-8', via: 'default' });
    const gbk = decodeHtml(bytes(page(''), 'gbk'));
    expect(gbk.text).toContain(TEXT);
    expect(gbk.via).toBe('fallback');
  });

  it('a GBK page mislabelled as UTF-8 still decodes; a UTF-8 page with one damaged byte stays UTF-8', () => {
    expect(decodeHtml(bytes(page('<meta charset="utf-8">'), 'gbk')).text).toContain(TEXT);
    const damaged = Buffer.from(page('<meta charset="utf-8">') + TEXT.repeat(20), 'utf8');
    damaged[damaged.length - 5] = 0xff;
    const d = decodeHtml(new Uint8Array(damaged));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(TEXT);
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['PDF', new Uint8Array(Buffer.from('%PDF-1.7\n…', 'utf8')), /PDF/],
    ['zip/docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /zip/],
    ['binary with NUL bytes', new Uint8Array([0x3c, 0x68, 0x00, 0x01, 0x02]), /binary/],
  ])('rejects %s input as not an HTML page', (_name, input, message) => {
    expect(() => decodeHtml(input)).toThrow(NotHtmlError);
    expect(() => decodeHtml(input)).toThrow(message);
  });
});
