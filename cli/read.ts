/**
 * Reading one local input with the checks a batch needs (issue 21): only regular files are
 * opened (a FIFO would block, /dev/zero never ends), the size is checked before reading and
 * the read itself stops at the limit (a file that grows while read).
 */
import { open, stat } from 'node:fs/promises';
import { specialKind } from './inputs';
import { MAX_BODY_BYTES, tooLarge } from './fetch';

/** A local input that cannot be read, with the reason to show. */
export class ReadError extends Error {}

export function readErrorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'file not found · 文件不存在';
    case 'EISDIR':
      return 'is a folder, not a file · 是文件夹而不是文件';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied · 没有读取权限';
    default:
      return e?.code ? `cannot read file (${e.code}) · 无法读取文件` : `cannot read file: ${(err as Error)?.message ?? String(err)}`;
  }
}

export async function readLocalFile(file: string, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(file);
  } catch (err) {
    throw new ReadError(readErrorMessage(err));
  }
  if (st.isDirectory()) throw new ReadError(readErrorMessage({ code: 'EISDIR' }));
  if (!st.isFile()) throw new ReadError(specialKind(st) ?? 'not a file · 不是文件');
  if (st.size > maxBytes) throw new ReadError(tooLarge(maxBytes));
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    throw new ReadError(readErrorMessage(err));
  }
  try {
    // One byte more than allowed tells a file that grew past the limit from one that fits exactly.
    const cap = Math.min(maxBytes + 1, Math.max(st.size, 0) + 1);
    const buf = Buffer.allocUnsafe(cap);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, cap - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === cap) {
        if (got > maxBytes) throw new ReadError(tooLarge(maxBytes));
        break;
      }
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  } catch (err) {
    throw err instanceof ReadError ? err : new ReadError(readErrorMessage(err));
  } finally {
    await fh.close();
  }
}
