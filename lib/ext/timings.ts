/**
 * The content script's performance marks and measures (dc:start, dc:detect, dc:check …), for the
 * bench and for debugging only. A page shares its performance timeline with the content script, so
 * any page could see the extension through them: they are off unless the extension's own storage
 * says `debugTimings: true` (TIMINGS_KEY), which the page cannot write — the bench and the e2e
 * tests set it from the service worker. Off, nothing is recorded anywhere.
 */
export const TIMINGS_KEY = 'debugTimings';

export class Timings {
  private on = false;
  private readonly started: number;

  constructor(private readonly perf: Performance | undefined = globalThis.performance) {
    this.started = perf?.now() ?? 0;
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Turned on once the setting is read: `dc:start` is back-dated to when the script started. */
  enable(on: boolean): void {
    if (on && !this.on && this.perf?.getEntriesByName?.('dc:start').length === 0) this.perf.mark?.('dc:start', { startTime: this.started });
    this.on = on;
  }

  now(): number {
    return this.perf?.now() ?? 0;
  }

  mark(name: string): void {
    if (this.on) this.perf?.mark?.(name);
  }

  /** A measure from `start` (ms on the page's clock) lasting `ms`, or between two marks. */
  measure(name: string, start: number | string, msOrEnd?: number | string): void {
    if (!this.on || !this.perf?.measure) return;
    try {
      if (typeof start === 'number') this.perf.measure(name, { start, duration: typeof msOrEnd === 'number' ? msOrEnd : this.now() - start });
      else if (typeof msOrEnd === 'string') this.perf.measure(name, start, msOrEnd);
      else this.perf.measure(name, start);
    } catch {
      /* a start mark from before the timings were turned on does not exist */
    }
  }

  /** The first time only (dc:settle). */
  measureOnce(name: string, startMark: string): void {
    if (this.on && this.perf?.getEntriesByName?.(name).length === 0) this.measure(name, startMark);
  }
}
