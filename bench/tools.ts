/** Shared by bench/run.ts and bench/profile.ts: esbuild bundles of the core, a local page server, Chromium settings. */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchPage } from './pages';
import { firstLine } from './cases';

export { firstLine };

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Bundle {
  code: string | null;
  bytes: number;
  gzip: number;
  error?: string;
  inputs?: [string, number][];
}

export async function bundle(contents: string, minify = true): Promise<Bundle> {
  try {
    const esbuild = await import('esbuild');
    const r = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = r.outputFiles[0].text;
    const out = Object.values(r.metafile.outputs)[0];
    const byGroup = new Map<string, number>();
    for (const [path, info] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1] : path.replace(/^(lib\/[^/]+)\/.*$/, '$1');
      byGroup.set(key, (byGroup.get(key) ?? 0) + info.bytesInOutput);
    }
    const inputs = [...byGroup.entries()].sort((a, b) => b[1] - a[1]);
    return { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code).length, inputs };
  } catch (e) {
    const errs = (e as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
    const msg = errs?.length ? errs.map((x) => `${x.text}${x.location ? ` (${x.location.file})` : ''}`).join('; ') : firstLine(e);
    return { code: null, bytes: 0, gzip: 0, error: msg.slice(0, 200) };
  }
}

const abs = (p: string) => JSON.stringify(join(ROOT, p));
export const HARNESS_ENTRY = `import ${abs('bench/browser-harness.ts')};`;
export const EXTRACT_ENTRY = `import { extractDocument } from ${abs('lib/extract/index.ts')};
const g = globalThis as any; g.__dcCore = Object.assign(g.__dcCore || {}, { extractDocument });`;
export const CHECK_ENTRY = `import { checkDocument } from ${abs('lib/index.ts')};
const g = globalThis as any; g.__dcCore = Object.assign(g.__dcCore || {}, { checkDocument });`;
export const FLOOR_ENTRY = `import { floorAllCells, floorFirstRows } from ${abs('bench/floor.ts')};
(globalThis as any).__dcFloor = floorAllCells; (globalThis as any).__dcFloorFirstRows = floorFirstRows;`;
export const DETECT_ENTRY = `import { looksLikeDisclosure } from ${abs('lib/recognize/detect.ts')};
const g = globalThis as any; g.__dcCore = Object.assign(g.__dcCore || {}, { looksLikeDisclosure });`;

// ---------------------------------------------------------------------------------------------
// Chromium

export function serve(pages: BenchPage[]): Promise<{ server: Server; base: string }> {
  const byPath = new Map(pages.map((p) => [`/${p.id}.html`, p.html]));
  const server = createServer((req, res) => {
    const html = byPath.get((req.url ?? '').split('?')[0]);
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    // Cross-origin isolation gives performance.now() its fine (5 µs) resolution in Chromium.
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      })
      .end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

