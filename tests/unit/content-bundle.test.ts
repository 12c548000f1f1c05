/**
 * The content script runs on every portal page, most of which are not disclosures: it must carry
 * the detector and the messaging only. The checker (lib core, report, marks) is a separate script
 * injected on demand. A stray value import in entrypoints/content.ts would pull the core back in.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { lazySchema } from '../../lib/ext/lazy-schema';

async function inputsOf(entry: string): Promise<{ bytes: number; modules: string[] }> {
  const r = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', minify: true, write: false, metafile: true, logLevel: 'silent' });
  const out = Object.values(r.metafile.outputs)[0];
  const modules = Object.entries(out.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([p]) => p);
  return { bytes: r.outputFiles[0].contents.length, modules };
}

describe('content script bundle', () => {
  it('holds the detector and messaging only, no checker code', async () => {
    const { bytes, modules } = await inputsOf('entrypoints/content.ts');
    expect(modules).toContain('lib/recognize/detect.ts');
    const heavy = modules.filter((m) => /^lib\/(checks|claims|extract|money|marks|report|model)\/|node_modules\/decimal\.js\/|^lib\/index\.ts$/.test(m));
    expect(heavy).toEqual([]);
    expect(bytes).toBeLessThan(64 * 1024);
  });

  it('the checker script carries the core', async () => {
    const { modules } = await inputsOf('entrypoints/checker.ts');
    for (const m of ['lib/ext/page-check.ts', 'lib/checks/registry.ts', 'lib/marks/apply.ts', 'lib/report/build.ts', 'lib/extract/index.ts']) expect(modules).toContain(m);
    expect(modules.some((m) => m.includes('node_modules/decimal.js/'))).toBe(true);
  });
});

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let built = 0;
    const schema = lazySchema(() => {
      built++;
      return {
        safeParse: (x: unknown) => (typeof x === 'number' ? { success: true as const, data: x } : { success: false as const, error: 'nan' }),
        parse: (x: unknown) => {
          if (typeof x !== 'number') throw new Error('nan');
          return x;
        },
      };
    });
    expect(built).toBe(0);
    expect(schema.safeParse(1)).toEqual({ success: true, data: 1 });
    expect(schema.safeParse('a').success).toBe(false);
    expect(schema.parse(2)).toBe(2);
    expect(() => schema.parse('b')).toThrow();
    expect(built).toBe(1);
  });
});

describe('checker slot', () => {
  it('resolves a waiting content script once the checker script has run, in a task of its own', async () => {
    const { installChecker, installedChecker, whenCheckerInstalled } = await import('../../lib/ext/checker-slot');
    const { checker } = await import('../../lib/ext/checker');
    expect(installedChecker()).toBeNull();
    let got: unknown = null;
    const waiting = whenCheckerInstalled().then((c) => (got = c));
    installChecker(checker);
    await Promise.resolve();
    expect(got).toBeNull(); // not in the installing task's microtasks
    await waiting;
    expect(got).toBe(checker);
    expect(await whenCheckerInstalled()).toBe(checker); // already there: at once
  });
});
