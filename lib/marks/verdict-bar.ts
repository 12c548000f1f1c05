/**
 * The verdict on the page: a small chip in the bottom-right corner of the first screen — "决算公开校验：
 * 3 处错误 · 2 处警告 · 查看" — so a reader sees that the check ran and what it found without scrolling
 * to the first mark or finding the toolbar button. In the bottom corner it never covers the page's
 * own header; in a shadow root the page's styles cannot reach it; every string is set as text.
 * "查看" opens the list of errors and warnings (each jumps to its mark); "×" dismisses it (the
 * caller remembers that per site).
 */
import type { Severity } from '../checks/types';
import { COLORS } from './style';
import { createUiHost } from './host';
import { createEl, createText } from '../dom/safe';

export interface VerdictEntry {
  finding: number;
  severity: Severity;
  /** Where: the cell's label or the sentence's section. */
  where: string;
  /** The finding's main line. */
  text: string;
}

export interface VerdictContent {
  /** "决算公开校验" */
  title: string;
  /** Count phrases, worst first: [["error", "3 处错误"], …]. */
  counts: [Severity | 'clean', string][];
  /** Errors and warnings, in reading order. */
  entries: VerdictEntry[];
  view: string;
  hide: string;
  dismiss: string;
  /** "另有 N 项，见工具栏按钮" when entries were cut. */
  more: string | null;
}

export interface VerdictBarOptions {
  onReveal(finding: number): void;
  onDismiss(): void;
}

const CSS = `
:host{all:initial}
.bar{position:fixed;z-index:2147483646;right:12px;bottom:12px;max-width:min(440px,calc(100vw - 24px));box-sizing:border-box;
 background:#fff;color:#1a1a1a;border:1px solid #999;border-left-width:5px;border-radius:6px;box-shadow:0 3px 14px rgba(0,0,0,.25);
 font:13px/1.45 "WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif}
.row{display:flex;align-items:center;gap:6px;padding:6px 8px 6px 10px;flex-wrap:wrap}
.title{font-weight:bold}
.count{font-weight:bold}.sep{color:#888}
button{font:inherit;cursor:pointer;border:0;background:none;padding:1px 4px;border-radius:3px;color:#1a5fb4;text-decoration:underline}
button:focus-visible{outline:2px solid #1a5fb4}
button.x{color:#555;text-decoration:none;font-size:15px;line-height:1;margin-left:auto}
ul{list-style:none;margin:0;padding:0 8px 8px 10px;max-height:min(50vh,320px);overflow:auto;border-top:1px solid #ddd}
li{margin-top:6px}
li button{display:block;width:100%;text-align:left;color:inherit;text-decoration:none;padding:3px 5px;border-left:4px solid #999}
li button:hover{background:#f3f6fa}
.where{display:block;font-size:12px;color:#555}
.more{color:#555;font-size:12px;margin-top:6px}
@media (prefers-color-scheme: dark){.bar{background:#1f2328;color:#e6e6e6;border-color:#666}.where,.more,button.x{color:#aaa}
 button{color:#7fb2ff}li button:hover{background:#2b3138}ul{border-top-color:#444}}
`;

export class VerdictBar {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private open = false;
  constructor(
    private readonly doc: Document,
    private readonly opts: VerdictBarOptions,
  ) {}

  get shown(): boolean {
    return !!this.host?.isConnected;
  }

  show(content: VerdictContent): void {
    const doc = this.doc;
    if (!this.host || !this.host.isConnected) {
      // Outside <body>, like the tooltip: body-level selectors of the page never see it.
      ({ host: this.host, root: this.root } = createUiHost(doc, 'verdict'));
    }
    const root = this.root!;
    root.replaceChildren();
    const style = createEl(doc, 'style');
    style.textContent = CSS;
    const bar = createEl(doc, 'div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', content.title);
    const worst = content.counts[0]?.[0] ?? 'clean';
    bar.style.borderLeftColor = worst === 'clean' ? '#2e7d32' : COLORS[worst].line;
    const row = createEl(doc, 'div');
    row.className = 'row';
    const title = createEl(doc, 'span');
    title.className = 'title';
    title.textContent = `${content.title}：`;
    row.append(title);
    content.counts.forEach(([sev, text], i) => {
      if (i > 0) row.append(this.span('sep', '·'));
      const c = this.span('count', text);
      c.dataset.count = sev;
      c.style.color = sev === 'clean' ? '#2e7d32' : COLORS[sev].line;
      row.append(c);
    });
    let list: HTMLUListElement | null = null;
    if (content.entries.length > 0) {
      row.append(this.span('sep', '·'));
      const view = createEl(doc, 'button');
      view.type = 'button';
      view.dataset.action = 'view';
      view.textContent = this.open ? content.hide : content.view;
      view.setAttribute('aria-expanded', String(this.open));
      view.addEventListener('click', () => {
        this.open = !this.open;
        this.show(content);
        // The first problem at once: the list is for the rest.
        if (this.open && content.entries[0]) this.opts.onReveal(content.entries[0].finding);
      });
      row.append(view);
      if (this.open) {
        list = createEl(doc, 'ul');
        for (const e of content.entries) {
          const li = createEl(doc, 'li');
          const b = createEl(doc, 'button');
          b.type = 'button';
          b.dataset.finding = String(e.finding);
          b.style.borderLeftColor = COLORS[e.severity].line;
          b.append(this.span('where', e.where), createText(doc, e.text));
          b.addEventListener('click', () => this.opts.onReveal(e.finding));
          li.append(b);
          list.append(li);
        }
        if (content.more) {
          const more = createEl(doc, 'li');
          more.className = 'more';
          more.textContent = content.more;
          list.append(more);
        }
      }
    }
    const x = createEl(doc, 'button');
    x.type = 'button';
    x.className = 'x';
    x.dataset.action = 'dismiss';
    x.title = content.dismiss;
    x.setAttribute('aria-label', content.dismiss);
    x.textContent = '×';
    x.addEventListener('click', () => {
      this.remove();
      this.opts.onDismiss();
    });
    row.append(x);
    bar.append(row);
    if (list) bar.append(list);
    root.append(style, bar);
  }

  private span(cls: string, text: string): HTMLSpanElement {
    const s = createEl(this.doc, 'span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.open = false;
  }
}
