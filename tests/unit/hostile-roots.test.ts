/**
 * Issue 21, browser item 2: content in open shadow roots and same-origin frames is read and marked
 * in place; frames that cannot be read are named. The real-browser cases are in tests/e2e/hostile*.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { extractDocument } from '../../lib/extract';
import { looksLikeDisclosure } from '../../lib/recognize/detect';
import { MarkSession, planMarks, STYLE_ID, UI_ATTR } from '../../lib/marks';
import { unreadFrames } from '../../lib/ext/page-check';

const TABLE = `<p>公开01表</p><p>收入支出决算总表</p><p>单位：万元</p><table border="1">
<tr><td>收入</td><td>决算数</td><td>支出</td><td>决算数</td></tr>
<tr><td>一般公共预算财政拨款收入</td><td id="v">10.00</td><td>一般公共服务支出</td><td>10.00</td></tr>
<tr><td>本年收入合计</td><td>10.00</td><td>本年支出合计</td><td>10.00</td></tr></table>`;

function shadowDoc(hostTag = 'div') {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  const doc = window.document as unknown as Document;
  doc.write(`<!doctype html><html><head><title>t</title></head><body><p>前言</p><${hostTag} id="host"></${hostTag}><p>结尾</p></body></html>`);
  const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = TABLE;
  return { doc, root };
}

describe('open shadow roots', () => {
  it('are walked in place: paragraphs and the table between the light DOM around the host', () => {
    for (const tag of ['div', 'x-article']) {
      const { doc } = shadowDoc(tag);
      const blocks = extractDocument(doc).blocks;
      const kinds = blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ${b.rows}x${b.cols}`));
      expect(kinds, tag).toEqual(['前言', '公开01表', '收入支出决算总表', '单位：万元', 'table 3x4', '结尾']);
      expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5]);
      const t = blocks[4];
      expect(t.kind === 'table' && t.grid[1][1].cell.text).toBe('10.00');
    }
  });

  it('a closed shadow root (unreachable) leaves the host as before: its light text', () => {
    const window = new Window({ url: 'http://www.example.gov.cn/' });
    const doc = window.document as unknown as Document;
    doc.write('<body><div id="h">灯光文字</div></body>');
    doc.getElementById('h')!.attachShadow({ mode: 'closed' }).innerHTML = TABLE;
    expect(extractDocument(doc).blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['灯光文字']);
  });

  it('detection looks into shadow roots when the light DOM has no disclosure table', () => {
    const { doc } = shadowDoc('x-article');
    expect(doc.getElementsByTagName('table').length).toBe(0);
    expect(looksLikeDisclosure(doc)).toBe(true);
  });

  it('marks in a shadow root get the stylesheet there, open their tooltip, and leave no trace', () => {
    const { doc, root } = shadowDoc();
    const before = root.innerHTML;
    const cell = root.getElementById('v')!;
    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: '合计不符', lines: [] }] });
    s.apply(planMarks([{ severity: 'error', cells: [{ el: cell, role: 'total' }], spans: [] }]));
    expect(cell.getAttribute('data-dc-severity')).toBe('error');
    expect(root.querySelector(`style#${STYLE_ID}`)).not.toBeNull();
    // The document sees the event retargeted to the host; the tooltip is for the cell inside.
    cell.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true, composed: true }));
    const tip = doc.querySelector(`[${UI_ATTR}="tooltip"]`);
    expect(tip?.shadowRoot?.textContent).toContain('合计不符');
    s.remove();
    expect(root.innerHTML).toBe(before);
  });
});

describe('frames the check cannot read', () => {
  const frame = (src: string, w: number, h: number) =>
    ({
      getAttribute: () => src,
      getBoundingClientRect: () => ({ width: w, height: h }),
      ownerDocument: { baseURI: 'http://www.example.gov.cn/a/b.html' },
    }) as unknown as Element;

  it('are named by host once each; tiny ones (counters, buttons) are not', () => {
    const out = unreadFrames([frame('http://other.gov.cn/x.html', 600, 300), frame('//other.gov.cn/y', 600, 300), frame('https://ads.example.com/', 1, 1), frame('/same', 100, 40)]);
    expect(out.map((u) => u.title)).toEqual(['嵌入的其他网站页面 other.gov.cn（未校验）']);
    expect(out[0].reason).toContain('cross-origin');
  });
});
