/**
 * Where the full check's time goes, stage by stage and rule by rule, in Node (linkedom):
 *
 *   npx tsx bench/stages.ts [--case=seed] [--runs=15]
 *
 * Times extractDocument, recognize, each rule alone (runRules with that one rule, on a disclosure
 * whose lazily built caches are warm, so a rule is not charged for a cache another rule built), the
 * report extras, and the floor, interleaved per round; prints medians and minima sorted by cost.
 */
import { parseHTML } from 'linkedom';
import { benchPages } from './pages';
import { floorAllCells } from './floor';
import { measure, median } from './measure';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const CASE = opt('case', 'seed');
const RUNS = Number(opt('runs', '15'));

async function main() {
  const page = benchPages([CASE])[0];
  const { document } = parseHTML(page.html) as unknown as { document: Document };
  const { extractDocument } = await import(new URL('../lib/extract/index.ts', import.meta.url).href);
  const { recognize } = await import(new URL('../lib/recognize/index.ts', import.meta.url).href);
  const { runRules } = await import(new URL('../lib/checks/runner.ts', import.meta.url).href);
  const { RULES, REPORT_EXTRAS } = await import(new URL('../lib/checks/registry.ts', import.meta.url).href);
  const { checkDocument } = await import(new URL('../lib/index.ts', import.meta.url).href);

  const extracted = extractDocument(document);
  const disclosure = recognize(extracted);
  runRules(disclosure, RULES); // warm caches (claims analysis, cell index …)

  const fns: Record<string, () => unknown> = {
    floor: () => floorAllCells(document),
    'checkDocument (total)': () => checkDocument(document),
    extractDocument: () => extractDocument(document),
    recognize: () => recognize(extracted),
    'all rules (fresh disclosure)': () => runRules(recognize(extracted), RULES),
  };
  for (const rule of RULES as { meta: { id: string } }[]) {
    fns[`rule ${rule.meta.id}`] = () => runRules(disclosure, [rule]);
    // Cold: on a fresh disclosure, so the rule also pays for the caches it builds (claims analysis,
    // cell index, sections …); the recognize time is subtracted when printing.
    fns[`cold ${rule.meta.id}`] = () => runRules(recognize(extracted), [rule]);
  }
  if (REPORT_EXTRAS.sections) fns['extras: sections'] = () => REPORT_EXTRAS.sections(disclosure);
  if (REPORT_EXTRAS.claims) fns['extras: claims'] = () => REPORT_EXTRAS.claims(disclosure);

  const m = measure(fns, { runs: RUNS, warmup: 1, budgetMs: 120_000, minRuns: 3, minSampleMs: 2 });
  const floor = median(m.floor.samples);
  const rec = median(m.recognize.samples);
  const recMin = Math.min(...m.recognize.samples);
  const rows = Object.entries(m)
    .filter(([k]) => k !== 'floor')
    .map(([k, s]) => {
      const cold = k.startsWith('cold ');
      return {
        k: cold ? `${k} − recognize` : k,
        med: median(s.samples) - (cold ? rec : 0),
        min: Math.min(...s.samples) - (cold ? recMin : 0),
        err: s.error,
      };
    })
    .sort((a, b) => b.med - a.med);
  console.log('"rule X": warm caches; "cold X − recognize": on a fresh disclosure, paying for the caches it builds');
  console.log(`${page.title}: floor ${floor.toFixed(2)} ms (median of ${m.floor.samples.length}); rule times are with warm caches`);
  for (const r of rows) {
    console.log(
      `${r.k.padEnd(30)} ${r.err ? `threw: ${r.err}` : `${r.med.toFixed(2).padStart(9)} ms  (min ${r.min.toFixed(2)})  ${(r.med / floor).toFixed(2).padStart(7)}× floor`}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
