/**
 * The worker's code as one plain-JS file (issue 22). Under tsx every worker thread registers its own
 * loader and transforms the whole module graph again (≈ 2 s and 3 s of CPU each on two cores, more
 * than checking 20 pages); a bundle built once by esbuild loads in a fraction of that. Packages stay
 * external (Node resolves them from the project's node_modules); `import.meta.url` is pinned to
 * cli/worker.ts so paths computed from it (the project root, package.json) stay what they are in source.
 * The bundle is cached under node_modules/.cache and rebuilt when any of its inputs changes.
 * Any failure here returns null and the pool falls back to the tsx boot.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = path.resolve(path.dirname(ENTRY), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'dc-worker');

let built: Promise<URL | null> | null = null;

/** The bundle's URL, built (or found fresh in the cache) once per process; null if it cannot be. */
export function workerBundle(): Promise<URL | null> {
  built ??= buildWorkerBundle().catch(() => null);
  return built;
}

/** A stamp of the inputs a bundle was built from: path, size and mtime of each. */
function stamp(inputs: string[]): string {
  const h = createHash('sha256');
  for (const f of inputs) {
    const s = statSync(path.resolve(ROOT, f));
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Builds the bundle into `cacheDir`, or returns the cached one if none of its inputs changed. */
export async function buildWorkerBundle(cacheDir = CACHE): Promise<URL> {
  const manifest = path.join(cacheDir, 'inputs.json');
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: string[]; stamp: string; file: string };
    if (stamp(m.inputs) === m.stamp) {
      statSync(m.file);
      return pathToFileURL(m.file);
    }
  } catch {
    // no cache, or a stale or unreadable one: build
  }
  const { build: esbuild } = await import('esbuild');
  const r = await esbuild({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(ENTRY).href) },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(r.metafile.inputs);
  const s = stamp(inputs);
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `worker-${s}.mjs`);
  // Written under a unique temporary name and renamed: two runs (or two test threads of one
  // process) building at once never read half a file.
  const tmp = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(file + tmp, r.outputFiles[0].contents);
  renameSync(file + tmp, file);
  writeFileSync(manifest + tmp, JSON.stringify({ inputs, stamp: s, file }));
  renameSync(manifest + tmp, manifest);
  return pathToFileURL(file);
}
