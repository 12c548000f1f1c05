/**
 * `npx tsx bench/viewer.ts` — first marks on screen in the PDF viewer, for each PDF fixture, as a
 * reader gets it: headless Chromium with the built extension (.output/chrome-mv3) navigates to the
 * PDF on a *.gov.cn host, the redirect opens the viewer, which fetches, draws, reads, checks and
 * marks the PDF. Read back from the viewer's own performance entries (ms from the viewer page's
 * start): first page drawn, marks applied, and the frame after them (`dc:viewer:first-marks`: two
 * animation frames after the marks). "From the click" adds the redirect: from the navigation's
 * start in the test to that frame (same clock: the page's timeOrigin is wall time).
 *
 * Options: --loads=N (3; the median is printed)  --json=FILE
 * A cold figure: every load is a fresh page (pdf.js worker started, nothing cached but the HTTP
 * cache, which the fixture server disables). Run once, not in loops (2 shared cores).
 */
import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROME_BUILD, chromiumArgs, ensureBuilt, serve, ROOT } from '../tests/e2e/harness';
import { median } from './measure';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const LOADS = Math.max(1, Number(opt('loads', '3')));
const JSON_OUT = opt('json', '');
const HOST = 'www.putuo.gov.cn';
const SHARED = join(ROOT, '../shared/fixtures');

function fixtures(): string[] {
  const out: string[] = [];
  for (const dir of ['pdf', 'putuo-budget-2025']) {
    const d = join(SHARED, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.pdf')) out.push(join(d, f));
  }
  return out;
}

interface Load {
  firstPage: number | null;
  marks: number | null;
  firstMarks: number | null;
  fromClick: number | null;
  status: string;
  boxes: number;
}

async function main(): Promise<void> {
  ensureBuilt();
  const files = fixtures();
  const routes: Record<string, { file: string; headers: Record<string, string> }> = {};
  files.forEach((f, i) => (routes[`/f${i}`] = { file: f, headers: { 'content-type': 'application/pdf' } }));
  const server = await serve(routes);
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(CHROME_BUILD),
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1400, height: 900 },
  });
  const results: { file: string; loads: Load[] }[] = [];
  try {
    if (ctx.serviceWorkers().length === 0) await ctx.waitForEvent('serviceworker');
    for (let i = 0; i < files.length; i++) {
      const loads: Load[] = [];
      for (let n = 0; n < LOADS; n++) {
        const page = await ctx.newPage();
        const t0 = Date.now();
        await page.goto(`${server.origin(HOST)}/f${i}`).catch(() => undefined);
        // The redirect navigates once more after goto: wait for the viewer itself.
        await page.waitForURL(/\/viewer\.html\?file=/, { timeout: 60_000 }).catch(() => undefined);
        // Done: marks shown, or the check ended without any (template, unreadable, no tables).
        await page
          .waitForFunction(
            () => {
              const status = document.documentElement.getAttribute('data-dc-status');
              return status === 'failed' || status === 'no-disclosure' || (status === 'done' && performance.getEntriesByName('dc:viewer:first-marks').length > 0);
            },
            null,
            { timeout: 180_000, polling: 200 },
          )
          .catch((err) => console.error(`${basename(files[i])}: ${String(err).split('\n')[0]}`));
        // No named functions inside: tsx would wrap them in a helper the page does not have.
        const got = await page.evaluate(() => {
          const shown = performance.getEntriesByName('dc:viewer:first-marks', 'measure')[0];
          return {
            firstPage: performance.getEntriesByName('dc:viewer:first-page', 'mark')[0]?.startTime ?? null,
            marks: performance.getEntriesByName('dc:viewer:marks', 'mark')[0]?.startTime ?? null,
            firstMarks: shown ? shown.startTime + shown.duration : null,
            origin: performance.timeOrigin,
            status: document.documentElement.getAttribute('data-dc-status') || '',
            boxes: document.querySelectorAll('.dc-layer [data-dc-severity]').length,
          };
        });
        loads.push({
          firstPage: got.firstPage,
          marks: got.marks,
          firstMarks: got.firstMarks,
          fromClick: got.firstMarks != null ? got.origin + got.firstMarks - t0 : null,
          status: got.status,
          boxes: got.boxes,
        });
        await page.close();
      }
      results.push({ file: files[i], loads });
    }
  } finally {
    await ctx.close();
    await server.close();
  }
  const fmt = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x != null);
    return v.length === 0 ? '—' : `${Math.round(median(v))}`;
  };
  console.log(`PDF viewer, first marks on screen (Chromium ${CHROMIUM}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; median of ${LOADS} cold loads, ms)`);
  console.log('| PDF | first page drawn | marks applied | marks on screen | from the click | marked boxes | status |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const L = r.loads;
    console.log(
      `| ${basename(r.file)} | ${fmt(L.map((l) => l.firstPage))} | ${fmt(L.map((l) => l.marks))} | ${fmt(L.map((l) => l.firstMarks))} | ${fmt(L.map((l) => l.fromClick))} | ${L[0].boxes} | ${L[0].status} |`,
    );
  }
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
