/**
 * Throughput of the command line: the seed page checked N times (default 200) from a folder.
 *   npx tsx cli/throughput.ts [N]
 * Copies fixtures/sample-lukou-2024.html N times into a temp folder, runs the command's main()
 * (`--format json --quiet --out … FOLDER`, exactly what `npm run check` does after start-up) and
 * reports wall time and CPU time, as pages per second. CPU time is the fairer figure on a busy
 * machine. The temp folder is removed afterwards.
 */
import { main } from './main';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(path.join(tmpdir(), 'dc-throughput-'));
try {
  const pages = path.join(dir, 'pages');
  mkdirSync(pages);
  for (let i = 0; i < n; i++) copyFileSync(path.join(root, 'fixtures/sample-lukou-2024.html'), path.join(pages, `p${String(i).padStart(4, '0')}.html`));
  const out = path.join(dir, 'reports.json');
  const load = loadavg()[0];
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const code = await main(['--format', 'json', '--quiet', '--out', out, pages], {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTTY: false,
    cwd: root,
  });
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (code !== 0) throw new Error(`exit status ${code}`);
  const reports = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
  if (reports.length !== n) throw new Error(`expected ${n} reports, got ${reports.length}`);
  console.log(
    `${n} pages in ${seconds.toFixed(1)} s wall = ${(n / seconds).toFixed(1)} pages/s; ` +
      `CPU ${cpuSeconds.toFixed(1)} s = ${(n / cpuSeconds).toFixed(1)} pages per CPU-second ` +
      `(${cpus().length} cores, load average ${load.toFixed(1)} at start, Node ${process.version})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
