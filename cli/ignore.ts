/**
 * `--ignore FILE`: the reviewer's dismissals (docs/dismissals.md), the same file the extension
 * exports. Read once before checking; a file that is not one is a usage error, never half-applied.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { DismissalFile } from '../lib/report/dismiss';
import { applyDismissals, readDismissals } from '../lib/report/dismiss';
import type { Report } from '../lib/report/schema';

export class IgnoreFileError extends Error {}

/** The dismissals of FILE and a digest of its content (part of the --resume key). */
export async function readIgnoreFile(file: string): Promise<{ file: DismissalFile; digest: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new IgnoreFileError(`--ignore ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) · 无法读取`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new IgnoreFileError(`--ignore ${file}: not JSON · 不是 JSON 文件`);
  }
  const got = readDismissals(raw);
  if (!got) {
    throw new IgnoreFileError(
      `--ignore ${file}: not a dismissals file (format "disclosure-checker/dismissals", version 1; docs/dismissals.md) · 不是“已忽略”文件`,
    );
  }
  return { file: got, digest: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

/** The keys a checked input goes by: its source (path or URL), its final URL, the sha-256 of its bytes. */
export function documentKeys(report: Report, hash: string | undefined): string[] {
  const keys = [report.source];
  if (report.finalUrl) keys.push(report.finalUrl);
  if (hash) keys.push(`sha256:${hash}`);
  return keys;
}

export function ignoreIn(report: Report, file: DismissalFile, hash: string | undefined): Report {
  return applyDismissals(report, file, documentKeys(report, hash));
}
