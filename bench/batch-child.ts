/**
 * One CLI run for bench/batch.ts: prints wall seconds, exit code, the process's peak RSS (workers
 * included), CPU seconds of the whole process and the main thread's busy time (event-loop
 * utilisation): the main thread's share is what limits the pool.
 */
import { performance } from 'node:perf_hooks';
import { main, processIO } from '../cli/main';

const t0 = process.hrtime.bigint();
const elu0 = performance.eventLoopUtilization();
const cpu0 = process.cpuUsage();
const code = await main(process.argv.slice(2), processIO());
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const mainBusy = performance.eventLoopUtilization(elu0).active / 1000;
process.stdout.write(JSON.stringify({ seconds, code, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6, mainBusySeconds: mainBusy }) + '\n', () => process.exit(0));
