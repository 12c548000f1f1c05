/**
 * The PDF viewer's pure parts: places of findings from data-page/data-box, the overlay boxes and the
 * marks on them, the check over a PDF reader (a stand-in here: the seed HTML page with a made-up box
 * on every cell and word, standing for lib/extract/pdf's DOM), routing (viewer address, redirect
 * rules, content types) and the popup's message to a viewer tab.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { readPlace, sentenceBoxes, boxStyle } from '../../lib/viewer/places';
import { buildOverlay } from '../../lib/viewer/overlay';
import { checkPdf, type PdfToDocument } from '../../lib/viewer/check';
import { MarkSession, planMarks } from '../../lib/marks';
import { checkDocument } from '../../lib/index';
import {
  fileFromSearch,
  viewerUrl,
  looksLikePdfUrl,
  isPdfResponse,
  redirectRules,
  nativeRule,
  chromeMajor,
  REDIRECT_RULE_IDS,
} from '../../lib/ext/pdf-route';
import { sendToTab, isToViewer } from '../../lib/ext/tab-message';

const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;

describe('readPlace', () => {
  it.each([
    ['<td data-page="2" data-box="10 20 30 40">x</td>', { page: 2, box: [10, 20, 30, 40] }],
    ['<td data-page="1" data-box=" 1.5  2 3.25 4 ">x</td>', { page: 1, box: [1.5, 2, 3.25, 4] }],
    ['<td data-page="0" data-box="1 2 3 4">x</td>', null],
    ['<td data-page="1" data-box="1 2 3">x</td>', null],
    ['<td data-page="1" data-box="5 2 3 4">x</td>', null],
    ['<td data-page="1" data-box="a b c d">x</td>', null],
    ['<td>x</td>', null],
  ])('%s', (html, want) => {
    const d = doc(`<table><tr>${html}</tr></table>`);
    expect(readPlace(d.querySelector('td')!)).toEqual(want);
  });
});

describe('sentenceBoxes', () => {
  // Two lines: 甲乙丙丁 (x 0–40) and 戊己 (x 0–20), one span each.
  const P = '<p data-page="3"><span data-page="3" data-box="0 10 40 20">甲乙丙丁</span><span data-page="3" data-box="0 30 20 40">戊己</span></p>';
  it('cuts a line in proportion to its characters', () => {
    const p = doc(P).querySelector('p')!;
    expect(sentenceBoxes(p, '甲乙丙丁戊己', 1, 3).map((b) => [b.page, ...b.box])).toEqual([[3, 10, 10, 30, 20]]);
  });
  it('spans lines: the end of the first, the start of the second', () => {
    const p = doc(P).querySelector('p')!;
    expect(sentenceBoxes(p, '甲乙丙丁戊己', 2, 5).map((b) => [...b.box])).toEqual([
      [20, 10, 40, 20],
      [0, 30, 10, 40],
    ]);
  });
  it('whole pieces keep their own box', () => {
    const p = doc(P).querySelector('p')!;
    expect(sentenceBoxes(p, '甲乙丙丁戊己', 0, 6).map((b) => [...b.box])).toEqual([
      [0, 10, 40, 20],
      [0, 30, 20, 40],
    ]);
  });
  it('finds the sentence when the core normalised the text differently', () => {
    const p = doc(P).querySelector('p')!;
    // The core's text has a space the DOM does not: the sentence 丙丁 is looked up instead.
    expect(sentenceBoxes(p, '甲乙 丙丁戊己', 3, 5).map((b) => [...b.box])).toEqual([[20, 10, 40, 20]]);
  });
  it('falls back to the whole paragraph when the sentence is not there', () => {
    const p = doc(P).querySelector('p')!;
    expect(sentenceBoxes(p, '完全不同的文字', 0, 3)).toHaveLength(2);
  });
});

describe('boxStyle', () => {
  it('gives percent offsets of the page', () => {
    expect(boxStyle([59.5, 84.2, 119, 168.4], 595, 842)).toEqual({ left: '10.0000%', top: '10.0000%', width: '10.0000%', height: '10.0000%' });
  });
});

/**
 * Stand-in for lib/extract/pdf: the seed page's DOM with a box on every cell (row/column grid on
 * page 1 + table index) and on every run of paragraph text (one line per text node), as the reader
 * gives for a printed page.
 */
const standIn: PdfToDocument = async (_data, opts) => {
  const html = readFileSync('tests/fixtures/lukou-2024.html', 'utf8');
  const src = parseHTML(html).document;
  const root = src.body as unknown as Element;
  let ti = 0;
  for (const table of root.querySelectorAll('table')) {
    ti++;
    let r = 0;
    for (const tr of table.querySelectorAll('tr')) {
      let c = 0;
      for (const td of tr.querySelectorAll('td,th')) {
        td.setAttribute('data-page', String(ti));
        td.setAttribute('data-box', `${50 + c * 60} ${40 + r * 14} ${110 + c * 60} ${54 + r * 14}`);
        c++;
      }
      r++;
    }
  }
  let line = 0;
  const wrap = (node: Node) => {
    if (node.nodeType === 1 && ['TABLE', 'SCRIPT', 'STYLE'].includes((node as Element).tagName)) return;
    if (node.nodeType === 3) {
      if (!node.textContent?.trim()) return;
      const span = src.createElement('span');
      span.setAttribute('data-page', '30');
      span.setAttribute('data-box', `50 ${(line % 50) * 15} 550 ${(line % 50) * 15 + 12}`);
      line++;
      node.parentNode!.replaceChild(span, node as never);
      span.append(node as never);
      return;
    }
    for (const c of [...node.childNodes]) wrap(c as unknown as Node);
  };
  wrap(root);
  void opts;
  return { root, pages: Array.from({ length: 40 }, () => ({ width: 595, height: 842 })), problem: null };
};

describe('checkPdf over a reader (stand-in)', () => {
  it('gives the HTML page’s findings, each with its cells’ boxes and its sentence’s lines', async () => {
    const d = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
    const res = await checkPdf(standIn, new Uint8Array([1, 2, 3]), { document: d, source: 'x.pdf', yieldTo: () => Promise.resolve() });
    expect(res.problem).toBeNull();
    const direct = checkDocument(parseHTML(readFileSync('tests/fixtures/lukou-2024.html', 'utf8')).document as unknown as Document);
    expect(res.report!.findings.map((f) => [f.rule, f.severity, f.actual])).toEqual(direct.findings.map((f) => [f.rule, f.severity, f.actual]));
    expect(res.report!.findings.length).toBeGreaterThan(0);
    const places = res.places!;
    res.run!.findings.forEach((f, i) => {
      const fp = places.findings[i];
      // Every referenced cell has exactly its own box.
      expect(fp.cells.map((c) => [...places.places.get(c.key)!.box])).toEqual(
        [...new Set(f.cells.map((c) => c.cell.source!.el!))].map((el) => readPlace(el)!.box),
      );
      expect(fp.texts.length > 0).toBe(f.spans.length > 0);
      // The list says "marked" exactly when the finding has a place.
      expect(res.items[i].marked).toBe(fp.cells.length + fp.texts.length > 0);
    });
    expect(res.items.filter((it) => it.marked).length).toBe(res.run!.findings.filter((f) => f.cells.length + f.spans.length > 0).length);
  });

  it('stops at the reader’s problem (no verdict)', async () => {
    const d = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
    const problem = { kind: 'unreadable-text', zh: '此 PDF 的文字无法提取（字体未嵌入编码表）', en: 'The text of this PDF cannot be read' };
    const read: PdfToDocument = async (_b, o) => ({ root: o.document.createElement('body'), pages: [], problem });
    const res = await checkPdf(read, new Uint8Array(), { document: d, source: 'x.pdf' });
    expect(res).toMatchObject({ problem, run: null, report: null, items: [] });
  });

  it('gives the reader its own copy of the bytes (pdf.js detaches what it is given)', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    let got: Uint8Array | null = null;
    const read: PdfToDocument = async (b, o) => {
      got = b;
      return { root: o.document.createElement('body'), pages: [], problem: null };
    };
    await checkPdf(read, bytes, { document: doc(''), source: 's' });
    expect(got).not.toBe(bytes);
    expect([...got!]).toEqual([...bytes]);
  });
});

describe('overlay boxes carry the HTML marks', () => {
  it('one box per place on its page layer, marked with data-dc-* like page elements', async () => {
    const window = new Window({ url: 'chrome-extension://x/viewer.html' });
    window.document.write('<!doctype html><html><head></head><body><div id="l1"></div><div id="l30"></div></body></html>');
    const d = window.document as unknown as Document;
    const res = await checkPdf(standIn, new Uint8Array(), { document: d, source: 's', yieldTo: () => Promise.resolve() });
    const layers = new Map<number, HTMLElement>();
    const layerOf = (n: number) => {
      let l = layers.get(n);
      if (!l) {
        l = d.createElement('div');
        d.body.append(l);
        layers.set(n, l);
      }
      return l;
    };
    const ov = buildOverlay(d, res.places!, res.run!.findings, res.pages, layerOf);
    expect(ov.boxes.size).toBe(res.places!.places.size);
    expect(ov.placed).toBe(res.items.filter((i) => i.marked).length);
    const session = new MarkSession(d, {});
    const plan = planMarks(ov.markable, { showNotices: true });
    session.apply(plan);
    const marked = [...d.querySelectorAll('.dc-box[data-dc-severity]')];
    expect(marked.length).toBe(plan.elements.length);
    const sev = res.run!.findings.map((f) => f.severity);
    const rank: Record<string, number> = { error: 3, warning: 2, notice: 1 };
    for (const el of marked) {
      const all = el.getAttribute('data-dc-findings')!.split(' ').map(Number);
      expect(all).toContain(Number(el.getAttribute('data-dc-finding')));
      expect(el.getAttribute('data-dc-severity')).toBe(all.map((i) => sev[i]).sort((a, b) => rank[b] - rank[a])[0]);
      // Sentence boxes hold no text: the whole box is tinted.
      expect(el.getAttribute('data-dc-kind')).toBe(el.classList.contains('dc-box-text') ? 'text-whole' : 'cell');
    }
    // Every finding with a place can be revealed; turning the marks off leaves no attribute behind.
    const first = res.items.find((i) => i.marked)!.index;
    expect(session.reveal(first)).toBe(true);
    session.remove();
    expect(d.querySelectorAll('[data-dc-severity],[data-dc-finding],[data-dc-flash]').length).toBe(0);
  });
});

describe('routing a PDF to the viewer', () => {
  const base = 'chrome-extension://abc/viewer.html';
  it.each([
    ['?file=https%3A%2F%2Fwww.x.gov.cn%2Fa%2Fb.pdf%3Fa%3D1%26b%3D2', 'https://www.x.gov.cn/a/b.pdf?a=1&b=2'],
    // As the redirect rule writes it: raw, query and all.
    ['?file=http://www.x.gov.cn/a/b.pdf?a=1&b=2', 'http://www.x.gov.cn/a/b.pdf?a=1&b=2'],
    ['?file=javascript:alert(1)', null],
    ['?file=file:///etc/passwd', null],
    ['?file=', null],
    ['', null],
    ['?other=1', null],
  ])('fileFromSearch(%s)', (search, want) => {
    expect(fileFromSearch(search)).toBe(want);
  });
  it('viewerUrl round-trips through fileFromSearch', () => {
    const url = 'https://czj.x.gov.cn/files/决算 2024.pdf?id=7&t=a b';
    const v = new URL(viewerUrl(base, url));
    expect(fileFromSearch(v.search)).toBe(new URL(url).href);
  });
  it.each([
    ['https://x.gov.cn/a.pdf', 'application/pdf', true],
    ['https://x.gov.cn/a', 'application/pdf; charset=binary', true],
    ['https://x.gov.cn/a', 'APPLICATION/PDF', true],
    ['https://x.gov.cn/a.PDF?x=1', 'application/octet-stream', true],
    ['https://x.gov.cn/a.html', 'application/octet-stream', false],
    ['https://x.gov.cn/a.pdf', 'text/html', false],
    ['https://x.gov.cn/a.pdf', null, false],
  ])('isPdfResponse(%s, %s)', (url, type, want) => {
    expect(isPdfResponse(url, type)).toBe(want);
  });
  it('looksLikePdfUrl goes by the path only', () => {
    expect(looksLikePdfUrl('https://a.gov.cn/x/y.pdf?z=1')).toBe(true);
    expect(looksLikePdfUrl('https://a.gov.cn/x/y?f=y.pdf')).toBe(false);
    expect(looksLikePdfUrl('ftp://a.gov.cn/y.pdf')).toBe(false);
  });

  // RE2 (declarativeNetRequest) and JavaScript agree on these patterns (no look-around, no back-references).
  const re = (rules: ReturnType<typeof redirectRules>, i: number) => new RegExp(rules[i].condition.regexFilter!);
  it.each([
    ['http://www.lukou.gov.cn/a/b', true],
    ['https://gov.cn/x', true],
    ['http://www.putuo.gov.cn:8080/doc?id=1', true],
    ['https://www.gov.cn.evil.com/a.pdf', false],
    ['https://notgov.cn/a.pdf', false],
    ['https://evil.com/?u=https://x.gov.cn/a.pdf', false],
  ])('the content-type rule covers *.gov.cn only: %s', (url, want) => {
    const rules = redirectRules(base, true);
    expect(re(rules, 0).test(url)).toBe(want);
  });
  it('with response headers: by content type (PDF; or binary from a .pdf address); without: by .pdf address', () => {
    const withHeaders = redirectRules(base, true);
    expect(withHeaders.map((r) => r.id)).toEqual(REDIRECT_RULE_IDS);
    expect(withHeaders[0].condition.responseHeaders![0].values).toContain('application/pdf*');
    expect(re(withHeaders, 1).test('https://a.gov.cn/x/y.pdf')).toBe(true);
    expect(re(withHeaders, 1).test('https://a.gov.cn/x/y.pdf?download=1')).toBe(true);
    expect(re(withHeaders, 1).test('https://a.gov.cn/x/y.html')).toBe(false);
    const old = redirectRules(base, false);
    expect(old).toHaveLength(1);
    expect(old[0].condition.responseHeaders).toBeUndefined();
    expect(re(old, 0).test('https://a.gov.cn/x/y.PDF')).toBe(true);
    expect(re(old, 0).test('https://a.gov.cn/x/y')).toBe(false);
    for (const r of [...withHeaders, ...old]) {
      expect(r.condition.resourceTypes).toEqual(['main_frame']);
      expect(r.action.redirect!.regexSubstitution).toBe(`${base}?file=\\0`);
    }
  });
  it('the native-viewer rule lets one tab through, above the redirect', () => {
    const r = nativeRule(42);
    expect(r.condition.tabIds).toEqual([42]);
    expect(r.action.type).toBe('allow');
    expect(r.priority).toBeGreaterThan(redirectRules(base, true)[0].priority);
  });
  it('chromeMajor', () => {
    expect(chromeMajor('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36')).toBe(127);
    expect(chromeMajor('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(0);
  });
});

describe('the popup reaches the viewer in a tab', () => {
  it('a content script answers first', async () => {
    const runtimeSend = vi.fn(async () => 'viewer');
    expect(await sendToTab({ tabsSend: async () => 'content', runtimeSend }, 3, { type: 'dc:get-state' })).toBe('content');
    expect(runtimeSend).not.toHaveBeenCalled();
  });
  it('no content script: asks the viewer of that tab', async () => {
    const runtimeSend = vi.fn(async (m: unknown) => (isToViewer(m, 3) ? 'viewer' : undefined));
    const tabsSend = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await sendToTab({ tabsSend, runtimeSend }, 3, { type: 'dc:get-state' })).toBe('viewer');
    expect(runtimeSend).toHaveBeenCalledWith({ type: 'dc:to-viewer', tabId: 3, msg: { type: 'dc:get-state' } });
    expect(await sendToTab({ tabsSend, runtimeSend }, 4, { type: 'dc:get-state' })).toBeUndefined();
  });
  it('a viewer answers only for its own tab', () => {
    expect(isToViewer({ type: 'dc:to-viewer', tabId: 3, msg: {} }, 3)).toBe(true);
    expect(isToViewer({ type: 'dc:to-viewer', tabId: 3, msg: {} }, 4)).toBe(false);
    expect(isToViewer({ type: 'dc:to-viewer', tabId: 3, msg: {} }, null)).toBe(false);
    expect(isToViewer({ type: 'dc:state', tabId: 3 }, 3)).toBe(false);
  });
});
