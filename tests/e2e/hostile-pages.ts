/**
 * Generated hostile pages for tests/e2e/hostile.test.ts (issue 6). Pure string builders, no I/O
 * besides reading the lukou fixture, so the same HTML can be checked by the CLI's core on linkedom.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

export const LUKOU_FILE = join(ROOT, 'tests/fixtures/lukou-2024.html');
const lukou = () => readFileSync(LUKOU_FILE, 'utf8');

/** Markup-looking strings, written escaped so the page itself shows them as text. */
export const IMG_TEXT = '<img src=x onerror="window.__pwned=1">';
export const SCRIPT_TEXT = '<script>window.__pwned=1</script>';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const doc = (title: string, body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** The lukou page with its first disclosure table (收入支出决算总表, T1) replaced through `edit`. */
export function lukouWithT1(edit: (tableHtml: string) => string): string {
  const html = lukou();
  const start = html.indexOf('<table class="MsoNormalTable"');
  const end = html.indexOf('</table>', start) + '</table>'.length;
  return html.slice(0, start) + edit(html.slice(start, end)) + html.slice(end);
}

/** Insert a script at the very start of <head> (runs before the content script's document_idle). */
export function withHeadScript(html: string, js: string): string {
  return html.replace(/<head([^>]*)>/i, (m) => `${m}<script>${js}</script>`);
}

/** A standalone disclosure-looking table (title line, 公开01表, 单位) whose spans are absurd. */
export function absurdSpansPage(): string {
  const rows: string[] = [];
  rows.push('<tr><td colspan="10000">收入</td><td colspan="0" rowspan="10000">支出</td></tr>');
  rows.push('<tr><td rowspan="0">项目</td><td colspan="99999999999">决算数</td><td rowspan="-5">项目</td><td>决算数</td></tr>');
  const items = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '事业收入', '其他收入'];
  for (let i = 0; i < items.length; i++) {
    rows.push(`<tr><td>${items[i]}</td><td colspan="${i % 2 ? 0 : 10000}">${(i + 1) * 10}.00</td><td rowspan="${i % 2 ? 10000 : 0}">支出${i}</td><td>1.00</td></tr>`);
  }
  rows.push('<tr><td colspan="0">本年收入合计</td><td rowspan="0">100.00</td><td colspan="10000">本年支出合计</td><td>4.00</td></tr>');
  return doc(
    '2024年度部门决算公开',
    `<h1>某某局2024年度部门决算</h1><p>公开01表</p><p>收入支出决算总表</p><p>单位：万元</p>
<table border="1">${rows.join('')}</table><p>说明：以上为本部门决算。</p>`,
  );
}

/** 收入支出决算总表 with `rows` × `cols` number cells (200k cells by default). */
export function hugeTablePage(rows = 2000, cols = 100): string {
  const head = `<tr>${Array.from({ length: cols }, (_, c) => `<th>${c === 0 ? '项目' : `决算数${c}`}</th>`).join('')}</tr>`;
  const body: string[] = [];
  const row = `<tr><td>支出项目</td>${'<td>1.00</td>'.repeat(cols - 1)}</tr>`;
  for (let r = 1; r < rows; r++) body.push(row);
  return doc(
    '2024年度部门决算',
    `<p>公开01表</p><p>收入支出决算总表</p><p>单位：万元</p><table border="1" id="huge" style="table-layout:fixed;width:3000px">${head}${body.join('')}</table>`,
  );
}

/** A disclosure table inside tables nested `depth` deep, plus a nest of data-in-data tables. */
export function nestedPage(depth = 50): string {
  const inner = `<p>公开01表</p><p>收入支出决算总表</p><p>单位：万元</p><table border="1" id="inner">
<tr><td>收入</td><td>决算数</td><td>支出</td><td>决算数</td></tr>
<tr><td>一般公共预算财政拨款收入</td><td>10.00</td><td>一般公共服务支出</td><td>10.00</td></tr>
<tr><td>本年收入合计</td><td>10.00</td><td>本年支出合计</td><td>10.00</td></tr></table>`;
  let layout = inner;
  for (let i = 0; i < depth; i++) layout = `<table class="layout"><tr><td>${layout}</td></tr></table>`;
  // Data tables nested inside data cells: each level has numbers beside the next level.
  let data = '<table><tr><td>0</td><td>深</td></tr></table>';
  for (let i = 1; i < depth; i++) data = `<table border="1"><tr><td>决算数</td><td>${i}.00</td></tr><tr><td>合计</td><td>${data}</td></tr></table>`;
  return doc('2024年度部门决算', `${layout}<p>附：</p>${data}`);
}

/** The lukou page with its markup broken: closing tags dropped, stray ends, unclosed inline tags, junk. */
export function malformedPage(): string {
  let html = lukou();
  let n = 0;
  // Drop every other </td> and every </tr> and </p> (the parser must infer them).
  html = html.replace(/<\/td>/gi, (m) => (n++ % 2 ? '' : m)).replace(/<\/tr>/gi, '').replace(/<\/p>/gi, '');
  // Stray and unbalanced tags, a bogus comment, a broken entity, a table-less cell.
  html = html.replace(/<body([^>]*)>/i, (m) => `${m}</table></td><td>孤立单元格 1.00</td><b><i>未闭合<tr><td>9.99 &#xZZ; &nbsp</span></div><p <<>>`);
  html = html.replace(/<\/body>/i, '<table><tr><td>末尾未闭合表格<td>1.00');
  return html;
}

/**
 * The lukou page with markup-looking text in a table title line, a number cell of 一般公共预算财政
 * 拨款基本支出决算明细表 (an I-20 "not a number" finding quotes it) and a narrative sentence with a
 * finding (N-15 quotes it). All escaped: the page shows them as text; nothing may turn them into HTML.
 */
export function markupTextPage(): string {
  let html = lukou();
  html = html.replace('一般公共预算财政拨款基本支出决算明细表', `一般公共预算财政拨款基本支出决算明细表${esc(IMG_TEXT)}`);
  html = html.replace('机关2023年度政府采购', `机关${esc(SCRIPT_TEXT)}2023年度政府采购`);
  html = html.replace(/(> {2}伙食补助费<\/span><\/p><\/td><td[^>]*><p[^>]*><span[^>]*>)&nbsp;/, (_m, a: string) => a + esc(IMG_TEXT));
  return html;
}

/** Runs in the page before anything else: the built-ins the core uses, broken in the main world. */
export const SABOTAGE_JS = `(function(){
  var boom = function(){ throw new Error('sabotaged by the page'); };
  Array.prototype.map = boom; Array.prototype.forEach = boom; Array.prototype.filter = boom;
  Array.prototype.indexOf = boom; Array.prototype.slice = boom;
  JSON.stringify = boom; JSON.parse = boom;
  Element.prototype.querySelectorAll = boom; Element.prototype.querySelector = boom;
  Element.prototype.getAttribute = boom; Element.prototype.getElementsByTagName = boom;
  Document.prototype.querySelectorAll = boom; Document.prototype.getElementsByTagName = boom;
  Object.defineProperty(Node.prototype, 'textContent', { get: boom, set: boom, configurable: true });
  String.prototype.trim = boom; Object.keys = boom; Map.prototype.get = boom;
})();`;

/** Removes table rows (lukou's marked cells among them) on a timer while the check runs and after. */
export const REMOVE_ROWS_JS = `(function(){
  var removed = 0;
  function tick(){
    // One row per tick from the end, every 5 ms, until none is left; then the page flags it is done.
    var rows = document.getElementsByTagName('tr');
    if (rows.length > 0) { rows[rows.length - 1].remove(); removed++; }
    if (removed === 1) window.__firstRemoval = performance.now();
    window.__lastRemoval = performance.now();
    if (document.getElementsByTagName('tr').length > 0) setTimeout(tick, 5);
    else window.__removed = removed;
  }
  // Start when the extension's check starts (its performance mark is visible to the page), so the
  // removals land inside the check (extraction and rules yield to the page) and after the marks.
  var started = false;
  new PerformanceObserver(function(list){
    var es = list.getEntries();
    for (var i = 0; i < es.length; i++) if (es[i].name === 'dc:check:start' && !started) { started = true; tick(); }
  }).observe({ type: 'mark', buffered: true });
})();`;

/** Posts extension-shaped messages and CustomEvents at the page, before and during the check. */
export const FAKE_MESSAGES_JS = `(function(){
  var fakes = [
    {type:'dc:set-marks', on:false}, {type:'dc:run'}, {type:'dc:reveal', finding:0},
    {type:'dc:get-state'}, {type:'dc:inject', tabId:1}, {type:'dc:sync-hosts'},
    {type:'dc:state', state:{status:'done', url:location.href, progress:null, error:null, marksOn:false, report:null, items:[], trigger:'user'}},
    'dc:run', null, 42, {type:'dc:set-marks', on:'no'}
  ];
  var names = ['dc:run','dc:set-marks','dc:reveal','dc:state','message'];
  var sent = 0;
  function burst(){
    for (var i = 0; i < fakes.length; i++) { window.postMessage(fakes[i], '*'); sent++; }
    for (var j = 0; j < names.length; j++) {
      var ev = new CustomEvent(names[j], {detail:{type:'dc:set-marks', on:false}, bubbles:true});
      document.dispatchEvent(ev); window.dispatchEvent(ev); sent++;
    }
    try { chrome.runtime.sendMessage({type:'dc:set-marks', on:false}); window.__runtimeReachable = true; } catch (e) { window.__runtimeReachable = false; }
    window.__fakesSent = sent;
  }
  burst();
  setInterval(burst, 40);
})();`;

/**
 * A page whose main thread never goes quiet: a MessageChannel loop that reposts itself forever,
 * 2 ms of work per turn, each turn's time recorded (window.__busy). A background-priority task
 * never gets a turn on such a page; the check must still run (its pauses give up waiting after a
 * bound) while the page's loop keeps going.
 */
export const BUSY_LOOP_JS = `(function(){
  window.__busy = [];
  var ch = new MessageChannel();
  ch.port1.onmessage = function(){
    var now = performance.now(), end = now + 2;
    window.__busy[window.__busy.length] = now;
    while (performance.now() < end) {}
    ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
})();`;

/**
 * Runs in the page (pass to page.evaluate with the name of a global array of timestamps the page
 * recorded, e.g. '__busy' or '__ticks'): how often the page's own loop ran while the check ran
 * (`dc:check:start` → `dc:check:end`) and its longest stop then. No check marks → no turns.
 */
export function stopsDuringCheck(name: string): { max: number; turns: number; all: number; check: number } {
  const t = (window as unknown as Record<string, number[]>)[name];
  const start = performance.getEntriesByName('dc:check:start')[0]?.startTime ?? Infinity;
  const end = performance.getEntriesByName('dc:check:end')[0]?.startTime ?? -Infinity;
  let max = 0;
  let turns = 0;
  for (let i = 1; i < t.length; i++) {
    if (t[i] > start && t[i - 1] < end) {
      max = Math.max(max, t[i] - t[i - 1]);
      turns++;
    }
  }
  return { max, turns, all: t.length, check: end - start };
}

/**
 * Runs in the page's <head>: custom elements named like the extension's old UI hosts, whose
 * constructors count themselves (window.__hijacked) and take the element over with a closed root.
 */
export const HIJACK_ELEMENTS_JS = `(function(){
  window.__hijacked = 0;
  function make(){
    return class extends HTMLElement {
      constructor(){ super(); window.__hijacked++; this.attachShadow({mode:'closed'}); }
      connectedCallback(){ window.__hijacked++; }
    };
  }
  customElements.define('dc-tooltip', make());
  customElements.define('dc-verdict', make());
  customElements.define('dc-tip', make());
})();`;

/**
 * Elements named like the extension's globals and like document built-ins (DOM clobbering):
 * `window.__dcContent`, `window.__dcChecker`, `document.body`, `document.head`, `document.documentElement`,
 * and the document methods the extension calls (CLOBBERED_METHODS).
 */
export const CLOBBERED_METHODS = [
  'querySelector',
  'querySelectorAll',
  'createElement',
  'createTextNode',
  'createRange',
  'createTreeWalker',
  'getElementById',
  'getElementsByTagName',
  'addEventListener',
  'removeEventListener',
  'contains',
] as const;
export const CLOBBER_HTML =
  '<div id="__dcContent"></div><div id="__dcChecker"></div><form name="__dcCheckerWaiting"></form>' +
  '<img name="body" alt=""><img name="head" alt=""><form name="documentElement"></form><div id="browser"></div><div id="chrome"></div>' +
  CLOBBERED_METHODS.map((m, i) => (i % 2 ? `<img name="${m}" alt="">` : `<form name="${m}"></form>`)).join('') +
  '<img name="defaultView" alt=""><form name="title"></form><img name="readyState" alt="">' +
  // Window's named properties sit above EventTarget.prototype: these ids are `window.addEventListener` …
  // in Chromium's isolated world as well.
  '<div id="addEventListener"></div><div id="removeEventListener"></div><div id="dispatchEvent"></div>';

/** The lukou page with both of the above. */
export function clobberPage(lukouHtml: string): string {
  return withHeadScript(lukouHtml, HIJACK_ELEMENTS_JS).replace(/<body([^>]*)>/i, (m) => `${m}${CLOBBER_HTML}`);
}

/** The lukou page's <head> and <body> contents (split for the pages below). */
function splitLukou(html: string): { head: string; body: string } {
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { head, body };
}

/**
 * The lukou disclosure inside an open shadow root (a web-component article): the body is in a
 * <template>, cloned into `#host`'s shadow root by an inline script while the page parses.
 */
export function shadowPage(lukouHtml: string): string {
  const { head, body } = splitLukou(lukouHtml);
  return `<!doctype html><html><head>${head}</head><body><h1>门户文章（组件）</h1><div id="host"><p slot="x">组件外的文字</p></div>` +
    `<template id="tpl">${body}</template>` +
    `<script>(function(){var h=document.getElementById('host');var r=h.attachShadow({mode:'open'});` +
    `r.appendChild(document.getElementById('tpl').content.cloneNode(true));})();</script></body></html>`;
}

/**
 * A page whose disclosure is in a same-origin frame (`sameSrc`, sized to show it whole), beside a
 * large cross-origin frame (`otherSrc`) the extension cannot read and must name as not checked.
 */
export function framesPage(sameSrc: string, otherSrc: string): string {
  return doc(
    '2024年度部门决算公开',
    `<h1>部门决算公开</h1><p>正文见下方嵌入页面。</p>` +
      `<iframe id="same" src="${sameSrc}" style="width:1200px;height:2400px;border:1px solid #ccc"></iframe>` +
      `<iframe id="other" src="${otherSrc}" style="width:600px;height:300px"></iframe>` +
      `<iframe id="pixel" src="${otherSrc}" style="width:1px;height:1px"></iframe>`,
  );
}

/**
 * Runs in the page: once the extension's marks appear, does `action` once (300 ms later), as a
 * framework or toolbar would after the check. window.__acted counts it.
 */
export function afterMarksJs(action: string): string {
  return `(function(){
  window.__acted = 0;
  var mo = new MutationObserver(function(){
    if (!document.querySelector('[data-dc-severity]')) return;
    mo.disconnect();
    setTimeout(function(){ ${action}; window.__acted++; }, 300);
  });
  mo.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-dc-severity'] });
})();`;
}

/** A marked number cell's text updated in place (a live-data widget). */
export const UPDATE_CELL_ACTION = "var c = document.querySelector('td[data-dc-severity]'); c.textContent = '12345.67'";
/** An accessibility toolbar's font-size reset: the whole body re-parsed from its own markup. */
export const RESET_BODY_ACTION = 'document.body.innerHTML = document.body.innerHTML';

/**
 * lukou with two T6 cells shown other than their DOM text: shown as 578.83 and 155.87, read from
 * the DOM as 38.875 (a `<bdo dir="rtl">`) and 78.551 (after a U+202E).
 */
export function displayedPage(lukouHtml: string): string {
  return lukouHtml
    .replace('>578.83</span></p></td>', '><bdo dir="rtl">38.875</bdo></span></p></td>')
    .replace('>155.87</span></p></td>', '>\u202e78.551</span></p></td>');
}

/** Characters of the big cell in bigCellPage: 10 MB of page text in one number cell. */
export const BIG_CELL_CHARS = 10_000_000;

/**
 * lukou with a 10-million-character text in an empty amount cell of the basic-expenditure table
 * (I-20: not a number): the finding's message and cell text carry it (40 MB of JSON uncut).
 */
export function bigCellPage(lukouHtml: string): string {
  const big = 'ab'.repeat(BIG_CELL_CHARS / 2);
  const html = lukouHtml.replace(/(> {2}伙食补助费<\/span><\/p><\/td><td[^>]*><p[^>]*><span[^>]*>)&nbsp;/, (_m, a: string) => a + big);
  if (html === lukouHtml) throw new Error('bigCellPage: the cell was not found');
  return html;
}

/**
 * lukou with two T6 cells holding a digit the page's stylesheet hides: shown as 578.83 and 155.87,
 * read from the DOM as 5978.83 (a span of a class with display:none) and 1559.87 (a class with
 * font-size:0); and a container of a class with font-size:0 whose children set a size again (a
 * layout trick, not hidden text).
 */
export function cssHiddenPage(lukouHtml: string): string {
  const html = lukouHtml
    .replace('</head>', '<style>.dc-h{display:none}.dc-z{font-size:0}.dc-row{font-size:0}.dc-row span{font-size:12px}</style></head>')
    .replace('>578.83</span></p></td>', '>5<span class="dc-h">9</span>78.83</span></p></td>')
    .replace('>155.87</span></p></td>', '>155<span class="dc-z">9</span>.87</span></p></td>')
    .replace(/<body([^>]*)>/i, (m) => `${m}<div class="dc-row"><span>页面顶部</span> <span>导航</span></div>`);
  if (!html.includes('dc-h') || !html.includes('dc-z">9')) throw new Error('cssHiddenPage: a cell was not found');
  return html;
}
