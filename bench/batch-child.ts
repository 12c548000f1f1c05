/** One CLI run for bench/batch.ts: prints wall seconds, exit code and the process's peak RSS (workers included). */
import { main, processIO } from '../cli/main';

const t0 = process.hrtime.bigint();
const code = await main(process.argv.slice(2), processIO());
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({ seconds, code, maxRssKb: process.resourceUsage().maxRSS }) + '\n', () => process.exit(0));
