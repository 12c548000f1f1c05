/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise
 * (logs, CI). Never writes to stdout, which carries only the report.
 */
import type { SummaryItem } from '../lib/report/summary';
import { verdictOf } from '../lib/report/summary';
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

export class Progress {
  private done = 0;
  private drawn = false;

  constructor(
    private io: ProgressIO,
    private total: number,
    private silent: boolean,
  ) {}

  private clear(): void {
    if (this.drawn) {
      this.io.stderr('\r\x1b[2K');
      this.drawn = false;
    }
  }

  /** A failure line is always shown (even when quiet or for a single input). */
  fail(source: string, reason: string): void {
    this.clear();
    // Path- and server-derived text: no control sequence reaches the terminal.
    this.io.stderr(`错误 error: ${sanitizeText(source)}: ${sanitizeText(reason)}\n`);
  }

  tick(item: SummaryItem): void {
    this.done++;
    if (this.silent) return;
    const n = `${this.done}/${this.total}`;
    if (this.io.stderrIsTTY) {
      const filled = Math.round((this.done / this.total) * BAR);
      const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${n} `;
      // A wrapped line would break the in-place redraw: cut the name (from the left) to fit.
      const room = Math.max(0, Math.min(50, (this.io.columns ?? 80) - head.length - 1));
      this.io.stderr(`\r\x1b[2K${head}${fitLeft(sanitizeText(item.source).replace(/[\t\n]/g, ' '), room)}`);
      this.drawn = true;
    } else {
      const verdict = item.report ? verdictOf(item.report) : 'unreadable';
      const what =
        item.report && verdict !== 'no-disclosure'
          ? `${verdict} E${item.report.summary.errors} W${item.report.summary.warnings} N${item.report.summary.notices}`
          : verdict;
      this.io.stderr(`[${n}] ${what} ${sanitizeText(item.source)}\n`);
    }
  }

  finish(): void {
    this.clear();
  }
}
