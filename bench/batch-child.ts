/**
 * One CLI run for bench/batch.ts: prints wall seconds, exit code, the process's peak RSS (workers
 * included), CPU seconds of the whole process and of the main thread, and the main thread's busy
 * time (event-loop utilisation): the main thread's share is what limits the pool.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { main, processIO } from '../cli/main';

const t0 = process.hrtime.bigint();
const elu0 = performance.eventLoopUtilization();
const cpu0 = process.cpuUsage();
const mainCpu0 = mainThreadCpuSeconds();
const code = await main(process.argv.slice(2), processIO());
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const mainBusy = performance.eventLoopUtilization(elu0).active / 1000;
const mainCpuEnd = mainThreadCpuSeconds();
const mainCpu = mainCpuEnd === null || mainCpu0 === null ? null : mainCpuEnd - mainCpu0;
process.stdout.write(JSON.stringify({ seconds, code, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6, mainBusySeconds: mainBusy, mainCpuSeconds: mainCpu }) + '\n', () => process.exit(0));

/**
 * CPU seconds of the main thread alone (Linux: /proc/self/task/PID/stat utime + stime, clock ticks
 * of 10 ms), or null elsewhere. Unlike busy time this does not grow when other processes take the
 * cores, so it says what an idle machine would do.
 */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}
