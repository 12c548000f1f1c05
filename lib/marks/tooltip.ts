/**
 * The hover/focus tooltip: one host element with a shadow root, so page styles cannot
 * reach it. Every string is set with textContent (page text is data, never HTML).
 */
import type { Severity } from '../checks/types';
import { COLORS } from './style';
import { createUiHost } from './host';
import { createEl, docView } from '../dom/safe';
import { displayText } from '../sanitize';

/** Page text in the tooltip: controls visible, cut (the popup has the full text: issue 21). */
const shown = (s: string) => displayText(s).text;

export interface TooltipEntry {
  severity: Severity;
  /** e.g. "I-01 本年收入合计 = 各收入项之和" */
  title: string;
  message: string;
  /** Label/value lines, e.g. ["应为", "896.57"]. */
  lines: [string, string][];
}

const TIP_CSS = `
:host{all:initial}
.tip{position:fixed;z-index:2147483647;max-width:380px;box-sizing:border-box;padding:8px 10px;
 background:#fff;color:#1a1a1a;border:1px solid #999;border-left-width:5px;border-radius:4px;
 box-shadow:0 3px 12px rgba(0,0,0,.25);font:13px/1.45 "WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif;
 pointer-events:none;white-space:normal;word-break:break-word}
.entry+.entry{margin-top:6px;padding-top:6px;border-top:1px solid #ddd}
.title{font-weight:bold;margin-bottom:2px}
.msg{margin-bottom:3px}
.title,.msg,.line .v{unicode-bidi:isolate}
.line{display:flex;gap:8px}.line .k{color:#555;min-width:3.5em}.line .v{font-family:ui-monospace,Consolas,monospace;font-weight:bold}
.more{color:#555;margin-top:4px}
.off{visibility:hidden}
`;

/** An element's box in the top document's viewport (a same-origin frame's offset added). */
function viewportRect(el: Element, top: Document): { top: number; bottom: number; left: number } {
  const r = el.getBoundingClientRect();
  let dy = 0;
  let dx = 0;
  let d: Document | null = el.ownerDocument;
  for (let hops = 0; d && d !== top && hops < 8; hops++) {
    const frame: Element | null = docView(d)?.frameElement ?? null;
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    dy += fr.top + (frame as HTMLElement).clientTop;
    dx += fr.left + (frame as HTMLElement).clientLeft;
    d = frame.ownerDocument;
  }
  return { top: r.top + dy, bottom: r.bottom + dy, left: r.left + dx };
}

export class Tooltip {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  constructor(private readonly doc: Document) {}

  show(anchor: Element, entries: TooltipEntry[], moreText: string | null): void {
    if (entries.length === 0) return this.hide();
    this.ensure();
    const box = this.box!;
    box.replaceChildren();
    const worst = entries[0].severity;
    box.style.borderLeftColor = COLORS[worst].line;
    for (const e of entries) {
      const div = createEl(this.doc, 'div');
      div.className = 'entry';
      const title = createEl(this.doc, 'div');
      title.className = 'title';
      title.style.color = COLORS[e.severity].line;
      title.textContent = shown(e.title);
      const msg = createEl(this.doc, 'div');
      msg.className = 'msg';
      msg.textContent = shown(e.message);
      div.append(title, msg);
      for (const [k, v] of e.lines) {
        const line = createEl(this.doc, 'div');
        line.className = 'line';
        const ks = createEl(this.doc, 'span');
        ks.className = 'k';
        ks.textContent = k;
        const vs = createEl(this.doc, 'span');
        vs.className = 'v';
        vs.textContent = shown(v);
        line.append(ks, vs);
        div.append(line);
      }
      box.append(div);
    }
    if (moreText) {
      const more = createEl(this.doc, 'div');
      more.className = 'more';
      more.textContent = moreText;
      box.append(more);
    }
    box.classList.remove('off');
    this.place(anchor);
  }

  private place(anchor: Element): void {
    const box = this.box!;
    const view = docView(this.doc);
    const r = viewportRect(anchor, this.doc);
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    const bw = box.offsetWidth || 300;
    const bh = box.offsetHeight || 80;
    let top = r.bottom + 6;
    if (top + bh > vh && r.top - bh - 6 >= 0) top = r.top - bh - 6;
    const left = Math.max(4, Math.min(r.left, vw - bw - 4));
    box.style.top = `${Math.max(4, top)}px`;
    box.style.left = `${left}px`;
  }

  /**
   * Hidden by `visibility`, not `hidden`: the fixed-position box stays rendered, so showing and hiding
   * it does not make and drop a paint layer — in Chromium each of those revisits every paint layer of
   * the page (measured on the ×10 bench page: 51–57 ms per show or hide before, 13–24 ms after).
   */
  hide(): void {
    this.box?.classList.add('off');
  }

  get visible(): boolean {
    return !!this.box && !this.box.classList.contains('off');
  }

  private ensure(): void {
    if (this.host && this.host.isConnected) return;
    const { host, root } = createUiHost(this.doc, 'tooltip');
    const style = createEl(this.doc, 'style');
    style.textContent = TIP_CSS;
    const box = createEl(this.doc, 'div');
    box.className = 'tip off';
    box.setAttribute('role', 'tooltip');
    root.append(style, box);
    this.host = host;
    this.box = box;
  }

  destroy(): void {
    this.host?.remove();
    this.host = null;
    this.box = null;
  }
}
