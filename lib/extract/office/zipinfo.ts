/**
 * The directory of a zip (.docx/.xlsx) without inflating anything: entry names and their unpacked
 * sizes, so a workbook whose sheets unpack to hundreds of MB (or a zip bomb) is refused before a
 * library tries to inflate it all in memory.
 */

export interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

/** Entries of the zip's central directory, or null when there is none (damaged or truncated zip). */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: within the last 64 KB + 22 bytes (the comment is at most 65535).
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || v.getUint32(at, true) !== 0x02014b50) return out.length ? out : null;
    const compressed = v.getUint32(at + 20, true);
    const size = v.getUint32(at + 24, true);
    const nameLen = v.getUint16(at + 28, true);
    const extra = v.getUint16(at + 30, true);
    const comment = v.getUint16(at + 32, true);
    const name = dec.decode(b.subarray(at + 46, at + 46 + nameLen));
    // ZIP64 entries say 0xFFFFFFFF: count them as huge (no disclosure needs a 4 GB part).
    out.push({ name, compressed, size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Unpacked size of the entries whose names match. */
export function unpackedSize(entries: ZipEntry[], match: RegExp): number {
  let n = 0;
  for (const e of entries) if (match.test(e.name)) n += e.size;
  return n;
}
