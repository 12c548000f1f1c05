/**
 * The viewer's pages: one box per page from the start (sized from pdf.js's viewport, so the marks'
 * layers exist at once and scrolling to a page is exact), drawn lazily — canvas plus pdf.js's text
 * layer (selectable, copyable text) — when the page comes near the view, and let go again when it
 * is far away, so a 300-page file holds a handful of canvases, not 300.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** CSS pixels per PDF point at 100 % (pdf.js's PixelsPerInch.PDF_TO_CSS_UNITS). */
const CSS_PER_PT = 96 / 72;

interface PageSlot {
  n: number;
  /** Size in PDF points as shown (rotation applied). */
  width: number;
  height: number;
  div: HTMLElement;
  canvas: HTMLCanvasElement | null;
  text: HTMLElement;
  layer: HTMLElement;
  /** Scale the page is drawn at (0: not drawn). */
  drawn: number;
  task: RenderTask | null;
  textLayer: TextLayer | null;
  near: boolean;
}

export interface PagesOptions {
  /** Called once the first page is on screen (the bench's mark). */
  onFirstDrawn?: () => void;
  /** Called when the page most in view changes. */
  onCurrent?: (n: number) => void;
}

export class PdfPages {
  readonly slots: PageSlot[] = [];
  private zoom = 1;
  private observer: IntersectionObserver;
  private firstDrawn = false;
  private proxies = new Map<number, Promise<PDFPageProxy>>();

  private constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly scroller: HTMLElement,
    private readonly container: HTMLElement,
    private readonly opts: PagesOptions,
  ) {
    // Near = within one and a half screens: drawn ahead of the scroll, let go beyond.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: scroller, rootMargin: '150% 0px' });
  }

  static async open(pdf: PDFDocumentProxy, scroller: HTMLElement, container: HTMLElement, opts: PagesOptions = {}): Promise<PdfPages> {
    const view = new PdfPages(pdf, scroller, container, opts);
    const doc = container.ownerDocument;
    container.replaceChildren();
    // All pages asked for at once: the worker answers them in one go, where one by one the
    // first page waited for every round trip.
    const all = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => view.page(i + 1)));
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = all[n - 1];
      const vp = page.getViewport({ scale: 1 });
      const div = doc.createElement('div');
      div.className = 'page';
      div.setAttribute('data-page-number', String(n));
      const text = doc.createElement('div');
      text.className = 'textLayer';
      const layer = doc.createElement('div');
      layer.className = 'dc-layer';
      div.append(text, layer);
      container.append(div);
      view.slots.push({ n, width: vp.width, height: vp.height, div, canvas: null, text, layer, drawn: 0, task: null, textLayer: null, near: false });
    }
    view.fitWidth();
    for (const s of view.slots) view.observer.observe(s.div);
    return view;
  }

  private page(n: number): Promise<PDFPageProxy> {
    let p = this.proxies.get(n);
    if (!p) this.proxies.set(n, (p = this.pdf.getPage(n)));
    return p;
  }

  get scale(): number {
    return this.zoom * CSS_PER_PT;
  }

  get zoomLevel(): number {
    return this.zoom;
  }

  layerOf(n: number): HTMLElement | null {
    return this.slots[n - 1]?.layer ?? null;
  }

  /** Zoom to fit the widest page into the view. */
  fitWidth(): void {
    const widest = Math.max(...this.slots.map((s) => s.width), 1);
    const room = Math.max(200, this.scroller.clientWidth - 40);
    this.setZoom(room / (widest * CSS_PER_PT));
  }

  setZoom(z: number): void {
    const zoom = Math.min(4, Math.max(0.25, z));
    // Keep the point at the top of the view where it is.
    const ratio = this.scroller.scrollTop / Math.max(1, this.scroller.scrollHeight);
    this.zoom = zoom;
    const scale = this.scale;
    for (const s of this.slots) {
      s.div.style.width = `${Math.floor(s.width * scale)}px`;
      s.div.style.height = `${Math.floor(s.height * scale)}px`;
      s.div.style.setProperty('--scale-factor', String(scale));
      s.div.style.setProperty('--total-scale-factor', String(scale));
    }
    this.scroller.scrollTop = ratio * this.scroller.scrollHeight;
    for (const s of this.slots) if (s.near) void this.draw(s);
  }

  scrollToPage(n: number): void {
    this.slots[n - 1]?.div.scrollIntoView({ block: 'start' });
  }

  destroy(): void {
    this.observer.disconnect();
    for (const s of this.slots) this.release(s);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const s = this.slots[Number((e.target as HTMLElement).getAttribute('data-page-number')) - 1];
      if (!s) continue;
      s.near = e.isIntersecting;
      if (s.near) void this.draw(s);
      else this.release(s);
    }
    if (this.opts.onCurrent) {
      const top = this.scroller.getBoundingClientRect().top;
      const current = this.slots.find((s) => s.div.getBoundingClientRect().bottom > top + 40);
      if (current) this.opts.onCurrent(current.n);
    }
  }

  private async draw(s: PageSlot): Promise<void> {
    const scale = this.scale;
    if (s.drawn === scale) return;
    s.task?.cancel();
    s.textLayer?.cancel();
    s.drawn = scale;
    const page = await this.page(s.n);
    if (s.drawn !== scale || !s.near) return;
    const viewport = page.getViewport({ scale });
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const doc = this.container.ownerDocument;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const task = page.render({ canvas, canvasContext: ctx, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
    s.task = task;
    try {
      await task.promise;
    } catch {
      return; // cancelled by a newer zoom or by scrolling away
    }
    if (s.task !== task) return;
    s.task = null;
    s.canvas?.remove();
    s.canvas = canvas;
    s.div.prepend(canvas);
    if (!this.firstDrawn) {
      this.firstDrawn = true;
      this.opts.onFirstDrawn?.();
    }
    // The text layer: transparent text over the canvas, selectable and copyable.
    s.text.replaceChildren();
    const tl = new TextLayer({ textContentSource: page.streamTextContent(), container: s.text, viewport });
    s.textLayer = tl;
    await tl.render().catch(() => undefined);
  }

  private release(s: PageSlot): void {
    s.task?.cancel();
    s.task = null;
    s.textLayer?.cancel();
    s.textLayer = null;
    if (s.canvas) {
      // Zero-sized first: browsers hold a canvas's pixels until it is collected otherwise.
      s.canvas.width = 0;
      s.canvas.height = 0;
      s.canvas.remove();
      s.canvas = null;
    }
    s.text.replaceChildren();
    s.drawn = 0;
  }
}
