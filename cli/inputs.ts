/**
 * Expands command-line inputs (files, folders, URLs, --list files) into a flat, ordered list.
 * Folders are walked recursively and sorted so a run is deterministic.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const PAGE_EXTENSIONS = ['.html', '.htm', '.shtml'];

export type Input =
  | { kind: 'file'; source: string; path: string }
  | { kind: 'url'; source: string; url: string }
  /** An input that is wrong before any reading (a --list that cannot be read, a bad URL): reported like an unreadable input. */
  | { kind: 'invalid'; source: string; error: string };

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Display form of a path: as the user wrote it, with forward slashes. */
function display(p: string): string {
  return p.split(path.sep).join('/');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, shown: string, out: Input[], seen: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const disp = shown === '' ? e.name : `${shown}/${e.name}`;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Follow links to files; a dangling link to a page file is reported as unreadable.
      try {
        const st = await stat(full);
        isDir = false; // never follow directory links (loops)
        isFile = st.isFile();
      } catch {
        isFile = PAGE_EXTENSIONS.includes(path.extname(e.name).toLowerCase());
      }
    }
    if (isDir) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      await walk(full, disp, out, seen);
    } else if (isFile && PAGE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
      if (!seen.has(full)) {
        seen.add(full);
        out.push({ kind: 'file', source: disp, path: full });
      }
    }
  }
}

export interface ExpandOptions {
  cwd: string;
  lists: string[];
}

/** Lines of a URL list: blank lines and `#` comments ignored; relative paths resolve against the list's folder. */
export function parseList(text: string, listShown: string): string[] {
  const base = path.posix.dirname(display(listShown));
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\uFEFF/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => (isUrl(l) || path.isAbsolute(l) || base === '.' ? l : `${base}/${l}`));
}

export async function expandInputs(args: readonly string[], opts: ExpandOptions): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const raw: string[] = [];
  for (const list of opts.lists) {
    try {
      const text = await readFile(path.resolve(opts.cwd, list), 'utf8');
      raw.push(...parseList(text, list));
    } catch (err) {
      out.push({ kind: 'invalid', source: list, error: `cannot read list: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    }
  }
  raw.push(...args);
  for (const arg of raw) {
    if (isUrl(arg)) {
      try {
        new URL(arg);
        out.push({ kind: 'url', source: arg, url: arg });
      } catch {
        out.push({ kind: 'invalid', source: arg, error: 'invalid URL · 网址无效' });
      }
      continue;
    }
    const full = path.resolve(opts.cwd, arg);
    let isDir = false;
    try {
      isDir = (await stat(full)).isDirectory();
    } catch {
      // Missing: reported when read, with the reason.
    }
    if (isDir) {
      const before = out.length;
      const shown = display(arg).replace(/\/+$/, '');
      await walk(full, shown, out, seen);
      if (out.length === before) out.push({ kind: 'invalid', source: shown + '/', error: 'no .html/.htm/.shtml files in folder · 文件夹中没有网页文件' });
    } else if (!seen.has(full)) {
      seen.add(full);
      out.push({ kind: 'file', source: display(arg), path: full });
    }
  }
  return out;
}
