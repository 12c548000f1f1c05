/**
 * Expands command-line inputs (files, folders, URLs, --list files) into a flat, ordered list.
 * Folders are walked recursively and sorted so a run is deterministic.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const PAGE_EXTENSIONS = ['.html', '.htm', '.shtml', '.xhtml', '.xht', '.jsp', '.asp', '.aspx', '.php'];
/** Files read by a format reader into the same blocks (lib/extract/pdf, lib/extract/office); .wps/.et so they get their own "not supported" line. */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.xlsx', '.xls', '.wps', '.et'];
const CHECKED_EXTENSIONS = [...PAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS];

export type Input =
  | { kind: 'file'; source: string; path: string }
  | { kind: 'url'; source: string; url: string }
  /** An input that is wrong before any reading (a --list that cannot be read, a bad URL, an unreadable folder): reported like an unreadable input. */
  | { kind: 'invalid'; source: string; error: string }
  /** A folder entry that is not checked, with why (listed in the summary, never an error). */
  | { kind: 'skipped'; source: string; reason: string }
  /** A page already fetched (a crawl reads each article for its links), checked like a URL. */
  | { kind: 'fetched'; source: string; bytes: Uint8Array; contentType: string | null; finalUrl: string };

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

/** Why a file system entry that is not a regular file or folder is not read. */
export function specialKind(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | null {
  if (st.isFIFO()) return 'a FIFO (named pipe), not a file · 命名管道，不是文件';
  if (st.isSocket()) return 'a socket, not a file · 套接字，不是文件';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device, not a file · 设备，不是文件';
  return null;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
}

async function walk(dir: string, shown: string, out: Input[], seen: Set<string>, list: ListDir): Promise<void> {
  let entries;
  try {
    entries = await list(dir);
  } catch (err) {
    // One unreadable subfolder is one line in the summary; the rest of the batch goes on.
    const code = errCode(err);
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied · 没有读取权限' : `cannot read (${code}) · 无法读取`;
    out.push({ kind: 'invalid', source: (shown || '.') + '/', error: `folder unreadable: ${why} · 文件夹无法读取` });
    return;
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const disp = shown === '' ? e.name : `${shown}/${e.name}`;
    // Word's ~$ lock file beside an open draft is not a disclosure.
    const isPage = CHECKED_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) && !e.name.startsWith('~$');
    if (e.isSymbolicLink()) {
      // Follow links to files; never follow links to folders (loops); a dangling link to a page file is reported as unreadable.
      let st;
      try {
        st = await stat(full);
      } catch {
        if (isPage) pushFile(out, seen, disp, full);
        else out.push({ kind: 'skipped', source: disp, reason: 'broken link · 失效的链接' });
        continue;
      }
      if (st.isDirectory()) out.push({ kind: 'skipped', source: disp + '/', reason: 'linked folder, not followed · 链接的文件夹（不跟随）' });
      else if (!st.isFile()) out.push({ kind: 'skipped', source: disp, reason: specialKind(st) ?? 'not a file · 不是文件' });
      else if (isPage) pushFile(out, seen, disp, full);
      else out.push({ kind: 'skipped', source: disp, reason: notPage(e.name) });
      continue;
    }
    if (e.isDirectory()) {
      if (e.name.startsWith('.')) out.push({ kind: 'skipped', source: disp + '/', reason: 'hidden folder · 隐藏文件夹' });
      else if (e.name === 'node_modules') out.push({ kind: 'skipped', source: disp + '/', reason: 'node_modules folder · 依赖文件夹' });
      else await walk(full, disp, out, seen, list);
    } else if (!e.isFile()) {
      out.push({ kind: 'skipped', source: disp, reason: specialKind(e) ?? 'not a file · 不是文件' });
    } else if (isPage) {
      pushFile(out, seen, disp, full);
    } else {
      out.push({ kind: 'skipped', source: disp, reason: notPage(e.name) });
    }
  }
}

function notPage(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return `${ext ? ext + ' ' : ''}not a page type checked · 不是可校验的文件类型`;
}

function pushFile(out: Input[], seen: Set<string>, disp: string, full: string): void {
  if (seen.has(full)) return;
  seen.add(full);
  out.push({ kind: 'file', source: disp, path: full });
}

/** Lists a folder (injectable: tests cannot make a folder unreadable when they run as root). */
export type ListDir = (dir: string) => Promise<Dirent[]>;
const listDir: ListDir = (dir) => readdir(dir, { withFileTypes: true });

export interface ExpandOptions {
  cwd: string;
  lists: string[];
  readdir?: ListDir;
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
      await walk(full, shown, out, seen, opts.readdir ?? listDir);
      if (!out.slice(before).some((i) => i.kind !== 'skipped')) out.push({ kind: 'invalid', source: shown + '/', error: 'no pages or disclosure files (.html, .pdf, .docx, .doc, .xlsx, .xls) in folder · 文件夹中没有网页或文件' });
    } else if (!seen.has(full)) {
      seen.add(full);
      out.push({ kind: 'file', source: display(arg), path: full });
    }
  }
  return out;
}
