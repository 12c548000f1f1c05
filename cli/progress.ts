/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, quiet otherwise (logs, CI,
 * pipes) except for failures. Never writes to stdout, which carries only the report.
 */
import { sanitizeText } from '../lib/sanitize';

interface ProgressIO {
  stderr(s: string): void;
  stderrIsTTY: boolean;
  /** Terminal width; the bar line is cut to fit so `\r` redraws in place. */
  columns?: number;
}

const BAR = 24;

/** Terminal cells of a string: CJK and other wide characters take two. */
function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

/** The end of `s` that fits in `width` cells, with a leading ellipsis when cut. */
export function fitLeft(s: string, width: number): string {
  if (cells(s) <= width) return s;
  const chars = [...s];
  let out = '';
  for (let i = chars.length - 1; i >= 0 && cells('…' + chars[i] + out) <= width; i--) out = chars[i] + out;
  return out && width > 1 ? '…' + out : '';
}

/** m:ss or h:mm:ss. */
function clock(seconds: number): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * One progress line on a terminal (done / total, documents per second, failures so far, ETA),
 * redrawn in place at most every 100 ms; nothing in pipes and logs except the failure lines.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private drawn = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private io: ProgressIO,
    /** Inputs to check; null when not known in advance (a crawl). */
    private total: number | null,
    private silent: boolean,
    private now: () => number = Date.now,
  ) {}

  private clear(): void {
    if (this.drawn) {
      this.io.stderr('\r\x1b[2K');
      this.drawn = false;
    }
  }

  /** A failure line is always shown (even when quiet or for a single input). */
  fail(source: string, reason: string): void {
    this.failed++;
    this.clear();
    // Path- and server-derived text: no control sequence reaches the terminal.
    this.io.stderr(`错误 error: ${sanitizeText(source)}: ${sanitizeText(reason)}\n`);
  }

  /** More inputs became known (a crawl finds them as it goes). */
  grow(total: number): void {
    this.total = total;
  }

  tick(source: string): void {
    this.done++;
    if (this.silent || !this.io.stderrIsTTY) return;
    const t = this.now();
    const last = this.total !== null && this.done >= this.total;
    if (this.done > 1 && !last && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const elapsed = Math.max(0.001, (t - this.started) / 1000);
    const rate = this.done / elapsed;
    let head: string;
    if (this.total !== null) {
      const filled = Math.round((Math.min(this.done, this.total) / this.total) * BAR);
      const eta = this.done < this.total && rate > 0 ? ` · 剩余 ETA ${clock((this.total - this.done) / rate)}` : '';
      head = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${this.done}/${this.total} · ${rate.toFixed(1)}/s · 失败 failed ${this.failed}${eta} `;
    } else {
      head = `${this.done} · ${rate.toFixed(1)}/s · 失败 failed ${this.failed} `;
    }
    // A wrapped line would break the in-place redraw: cut the name (from the left) to fit.
    const room = Math.max(0, Math.min(50, (this.io.columns ?? 80) - cells(head) - 1));
    this.io.stderr(`\r\x1b[2K${head}${fitLeft(sanitizeText(source).replace(/[\t\n]/g, ' '), room)}`);
    this.drawn = true;
  }

  finish(): void {
    this.clear();
  }
}
