/**
 * Resume (issue 22): an --out folder keeps an index of what it holds, one JSON line per report
 * (`.dc-index.ndjson`: source, content hash, checker version + format, report file, summary row,
 * a budget's pairing profile).
 * A later run with --resume skips an input whose content hash, version and format match a line
 * whose report file is still there, and takes its summary row from the index, so the summary of a
 * resumed run covers every document. Lines are appended after the report file is in place (it is
 * written under a temporary name and renamed), so a run killed at any moment leaves an index that
 * only names complete reports; a torn last line is ignored.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BudgetProfile } from '../lib/checks/B-N16';
import type { SummaryRow } from '../lib/report/summary';
import type { BatchItem } from './batch';

export const INDEX_FILE = '.dc-index.ndjson';

interface Entry {
  source: string;
  hash: string;
  version: string;
  file: string;
  row: SummaryRow;
  /** A budget's pairing profile (B-N16), so a resumed batch pairs as an uninterrupted one. */
  profile?: BudgetProfile | null;
}

export class ResumeIndex {
  private constructor(
    private dir: string,
    private version: string,
    private entries: Map<string, Entry>,
  ) {}

  static async open(dir: string, version: string): Promise<ResumeIndex> {
    const entries = new Map<string, Entry>();
    let text = '';
    try {
      text = await readFile(path.join(dir, INDEX_FILE), 'utf8');
    } catch {
      // No index yet: a first run.
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as Entry;
        if (typeof e.source === 'string' && typeof e.hash === 'string' && typeof e.file === 'string' && e.row) entries.set(e.source, e);
      } catch {
        // A line torn by a kill: that report is checked again.
      }
    }
    return new ResumeIndex(dir, version, entries);
  }

  /** Report files the index names (their names stay reserved). */
  files(): string[] {
    return [...this.entries.values()].filter((e) => e.version === this.version).map((e) => e.file);
  }

  /** The stored result for this source and content, or null when it must be checked. */
  async lookup(source: string, hash: string): Promise<BatchItem | null> {
    const e = this.entries.get(source);
    if (!e || e.hash !== hash || e.version !== this.version) return null;
    try {
      if (!(await stat(path.join(this.dir, e.file))).isFile()) return null;
    } catch {
      return null;
    }
    return { source, hash, reused: e.row, reusedFile: e.file, profile: e.profile ?? null };
  }

  async record(source: string, hash: string, file: string, row: SummaryRow, profile: BudgetProfile | null = null): Promise<void> {
    const e: Entry = { source, hash, version: this.version, file, row, ...(profile ? { profile } : {}) };
    this.entries.set(source, e);
    await appendFile(path.join(this.dir, INDEX_FILE), JSON.stringify(e) + '\n');
  }
}
