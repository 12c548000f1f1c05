// `wxt prepare` (types for the extension build) needs wxt, a dev dependency. `npm ci --omit=dev`
// installs the command line only: without wxt there is nothing to prepare, and that is not an error.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('wxt');
} catch {
  console.log('postinstall: wxt not installed (production install) — skipping `wxt prepare`.');
  process.exit(0);
}
const r = spawnSync('npx', ['--no-install', 'wxt', 'prepare'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
