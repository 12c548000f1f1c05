import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorkerBundle } from '../../cli/worker-bundle';

const dir = mkdtempSync(path.join(tmpdir(), 'dc-worker-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled worker (cli/worker-bundle.ts)', () => {
  it('is one ESM file of our code, packages left to Node, import.meta.url pinned to cli/worker.ts', async () => {
    const file = fileURLToPath(await buildWorkerBundle(dir));
    const js = readFileSync(file, 'utf8');
    expect(js).toContain('parentPort');
    expect(js).toMatch(/from "linkedom"/);
    expect(js).not.toContain('import.meta.url');
    expect(js).toContain('/cli/worker.ts');
    const m = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8')) as { inputs: string[]; file: string };
    expect(m.file).toBe(file);
    expect(m.inputs).toContain('cli/worker.ts');
    expect(m.inputs.some((f) => f.startsWith('lib/checks/'))).toBe(true);
  });

  it('is reused while its inputs are unchanged, and rebuilt when the stamp does not match', async () => {
    const first = fileURLToPath(await buildWorkerBundle(dir));
    const t = statSync(first).mtimeMs;
    expect(fileURLToPath(await buildWorkerBundle(dir))).toBe(first);
    expect(statSync(first).mtimeMs).toBe(t);
    const manifest = path.join(dir, 'inputs.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { stamp: string };
    writeFileSync(manifest, JSON.stringify({ ...m, stamp: 'stale' }));
    const again = fileURLToPath(await buildWorkerBundle(dir));
    expect(again).toBe(first);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).stamp).toBe(m.stamp);
  });
});
