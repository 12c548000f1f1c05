/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise
 * (logs, CI). Never writes to stdout, which carries only the report.
 */
import type { SummaryItem } from '../lib/report/summary';
import { verdictOf } from '../lib/report/summary';

interface ProgressIO {
  stderr(s: string): void;
  stderrIsTTY: boolean;
}

const BAR = 24;

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
    this.io.stderr(`错误 error: ${source}: ${reason}\n`);
  }

  tick(item: SummaryItem): void {
    this.done++;
    if (this.silent) return;
    const n = `${this.done}/${this.total}`;
    if (this.io.stderrIsTTY) {
      const filled = Math.round((this.done / this.total) * BAR);
      const name = item.source.length > 50 ? '…' + item.source.slice(-49) : item.source;
      this.io.stderr(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${n} ${name}`);
      this.drawn = true;
    } else {
      const verdict = item.report ? verdictOf(item.report) : 'unreadable';
      const what =
        item.report && verdict !== 'no-disclosure'
          ? `${verdict} E${item.report.summary.errors} W${item.report.summary.warnings} N${item.report.summary.notices}`
          : verdict;
      this.io.stderr(`[${n}] ${what} ${item.source}\n`);
    }
  }

  finish(): void {
    this.clear();
  }
}
