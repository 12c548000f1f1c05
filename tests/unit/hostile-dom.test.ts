/**
 * Issue 21, browser item 1: a page's DOM must not switch off or hijack the extension's UI — DOM
 * clobbering (elements named like our globals or like document built-ins) and custom elements
 * named like our hosts. The real-browser cases are in tests/e2e/hostile.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { MarkSession, planMarks, uiTagName, UI_ATTR, VerdictBar } from '../../lib/marks';
import { docBody, docElement, docHead } from '../../lib/dom/safe';
import { looksLikeDisclosure } from '../../lib/recognize/detect';
import { extractDocument } from '../../lib/extract';
import { pageAttachments } from '../../lib/ext/attachments';
import { installChecker, installedChecker } from '../../lib/ext/checker-slot';
import type { Checker } from '../../lib/ext/checker';

function page(html: string) {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  window.document.write(html);
  return { doc: window.document as unknown as Document, win: window };
}

const HTML = `<!doctype html><html><head><title>t</title></head><body><table><tr><td id="a">1.00</td><td id="b">2.00</td></tr></table></body></html>`;

/** What [LegacyOverrideBuiltIns] does in a browser: a named element shadows the built-in. */
function clobber(doc: Document, name: string, el: Element): void {
  Object.defineProperty(doc, name, { value: el, configurable: true });
}

describe('document built-ins read past clobbering', () => {
  it('docBody/docElement/docHead return the real elements when the page shadows them', () => {
    const { doc } = page(HTML);
    const img = doc.createElement('img');
    img.setAttribute('name', 'body');
    doc.body.append(img);
    const realBody = doc.body;
    const realHtml = doc.documentElement;
    const realHead = doc.head;
    // One at a time: happy-dom's own body/head getters go through `this.documentElement` (a
    // browser's native getters do not).
    clobber(doc, 'body', img);
    expect(doc.body).toBe(img); // the clobbering took effect
    expect(docBody(doc)).toBe(realBody);
    clobber(doc, 'head', img);
    expect(docHead(doc)).toBe(realHead);
    clobber(doc, 'documentElement', img);
    expect(doc.documentElement).toBe(img);
    expect(docElement(doc)).toBe(realHtml);
  });

  it('marks stylesheet and tooltip go into the real <head>/<html> when the page shadows document.head', () => {
    const { doc } = page(HTML);
    const form = doc.createElement('form');
    doc.body.append(form);
    clobber(doc, 'head', form);
    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: 'm', lines: [] }] });
    const a = doc.getElementById('a')!;
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    a.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    expect(form.children).toHaveLength(0);
    const host = docElement(doc)!.querySelector(`[${UI_ATTR}="tooltip"]`);
    expect(host?.parentElement).toBe(docElement(doc));
    expect(host!.shadowRoot!.textContent).toContain('I-01');
    s.remove();
    expect(docElement(doc)!.querySelector(`[${UI_ATTR}]`)).toBeNull();
  });
});

describe('document methods read past clobbering', () => {
  /** What `<form name="querySelector">`, `<img name="createElement">` … do to a document in a browser's main world. */
  const METHODS = ['querySelector', 'querySelectorAll', 'createElement', 'createTextNode', 'createRange', 'createTreeWalker', 'getElementsByTagName', 'addEventListener', 'removeEventListener', 'defaultView', 'title', 'baseURI', 'readyState'];
  const DISCLOSURE = `<!doctype html><html><head><title>部门决算</title></head><body><article><h1>2024年度部门决算公开</h1>
    <p>一、收入支出决算总表 本部门2024年度收入支出决算总计100.00万元，与上年相比增加10.00万元，增长11.1%，主要原因是业务增加。</p>
    <p>附件：<a href="/files/2024决算报表.xlsx">2024年度部门决算报表.xlsx</a></p>
    <p>收入支出决算总表</p><table><tr><td>项目</td><td>决算数</td></tr><tr><td>一般公共预算财政拨款收入</td><td id="a">1.00</td></tr><tr><td>合计</td><td id="b">2.00</td></tr></table></article></body></html>`;

  function clobbered(names = METHODS) {
    const { doc, win } = page(DISCLOSURE);
    const before = { detect: looksLikeDisclosure(doc), attachments: pageAttachments(doc, 'http://www.example.gov.cn/a.html'), blocks: extractDocument(doc).blocks.length };
    const a = doc.getElementById('a')!;
    const els = names.map((m) => {
      const el = doc.createElement(m.length % 2 ? 'img' : 'form');
      el.setAttribute('name', m);
      doc.body.append(el);
      return el;
    });
    names.forEach((m, i) => clobber(doc, m, els[i]));
    return { doc, win, before, a };
  }

  it('the clobbering takes effect (self-test)', () => {
    const { doc } = clobbered();
    expect(typeof doc.querySelector).toBe('object');
    expect(() => doc.createElement('div')).toThrow();
  });

  it('detection, extraction and the attachments see the same page as without the clobbering', () => {
    const { doc, before } = clobbered();
    expect(before.detect).toBe(true);
    expect(looksLikeDisclosure(doc)).toBe(true);
    expect(extractDocument(doc).blocks.length).toBe(before.blocks);
    expect(pageAttachments(doc, 'http://www.example.gov.cn/a.html')).toEqual(before.attachments);
    expect(before.attachments.attachments.length).toBe(1);
  });

  it('marks, tooltip and verdict chip work; marks off takes everything out', () => {
    // Not createTextNode and querySelectorAll here: happy-dom's own textContent setter and
    // getComputedStyle call them on the document (a browser's native code does not).
    const { doc, win, a } = clobbered(METHODS.filter((m) => m !== 'createTextNode' && m !== 'querySelectorAll'));
    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: '应为 3.00', lines: [['应为', '3.00']] }] });
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    expect(a.getAttribute('data-dc-severity')).toBe('error');
    a.dispatchEvent(new (win as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    const tip = docElement(doc)!.querySelector(`[${UI_ATTR}="tooltip"]`)!;
    expect(tip.shadowRoot!.textContent).toContain('应为 3.00');
    const bar = new VerdictBar(doc, { onReveal: () => {}, onDismiss: () => {} });
    bar.show({ title: '决算公开校验', counts: [['error', '1 处错误']], entries: [], view: '查看', hide: '收起', dismiss: '关闭', more: null });
    expect(docElement(doc)!.querySelector(`[${UI_ATTR}="verdict"]`)!.shadowRoot!.textContent).toContain('1 处错误');
    bar.remove();
    s.remove();
    expect(a.hasAttribute('data-dc-severity')).toBe(false);
    expect(docElement(doc)!.querySelector(`[${UI_ATTR}], #dc-marks-style`)).toBeNull();
  });
});

describe('UI hosts the page cannot define', () => {
  it('the tag names are not dc-tooltip/dc-verdict but carry a per-run random suffix', () => {
    expect(uiTagName('tooltip')).toMatch(/^dc-tooltip-[0-9a-z]{4,}$/);
    expect(uiTagName('verdict')).toMatch(/^dc-verdict-[0-9a-z]{4,}$/);
  });

  it('a page that defines dc-tooltip and dc-verdict custom elements neither constructs nor breaks our hosts', () => {
    const { doc, win } = page(HTML);
    let constructed = 0;
    const Base = win.HTMLElement as unknown as typeof HTMLElement;
    class Hijack extends Base {
      constructor() {
        super();
        constructed++;
        this.attachShadow({ mode: 'closed' });
      }
    }
    win.customElements.define('dc-tooltip', Hijack as never);
    win.customElements.define('dc-verdict', class extends Hijack {} as never);
    expect(doc.createElement('dc-tooltip').shadowRoot).toBeNull(); // the page's class is live (closed root)
    constructed = 0;

    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: '应为 3.00', lines: [['应为', '3.00']] }] });
    const a = doc.getElementById('a')!;
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    a.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    const tip = doc.querySelector(`[${UI_ATTR}="tooltip"]`)!;
    expect(tip.localName).toBe(uiTagName('tooltip'));
    expect(tip.shadowRoot!.textContent).toContain('应为 3.00');

    const bar = new VerdictBar(doc, { onReveal: () => {}, onDismiss: () => {} });
    bar.show({ title: '决算公开校验', counts: [['error', '1 处错误']], entries: [], view: '查看', hide: '收起', dismiss: '关闭', more: null });
    const chip = doc.querySelector(`[${UI_ATTR}="verdict"]`)!;
    expect(chip.localName).toBe(uiTagName('verdict'));
    expect(chip.shadowRoot!.textContent).toContain('1 处错误');
    expect(constructed).toBe(0);
    bar.remove();
    s.remove();
  });
});

describe('checker slot', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__dcChecker;
    delete (globalThis as Record<string, unknown>).__dcCheckerWaiting;
  });

  it('a clobbered window.__dcChecker / __dcCheckerWaiting is not taken for the checker', () => {
    // What <div id="__dcChecker"> and <form name="__dcCheckerWaiting"> give a content script.
    const g = globalThis as Record<string, unknown>;
    g.__dcChecker = { nodeType: 1 };
    g.__dcCheckerWaiting = { nodeType: 1 };
    expect(installedChecker()).toBeNull();
    const fake = { marker: true } as unknown as Checker;
    installChecker(fake);
    expect(installedChecker()).toBe(fake);
  });
});
