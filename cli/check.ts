/**
 * Entry point: `npm run check -- …` (tsx cli/check.ts). The logic lives in main.ts so tests can import it.
 */
import { main } from './main';

// `npm run check … | head`: a closed pipe is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    // Exit explicitly: idle keep-alive sockets from fetch would otherwise hold the process open.
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
  },
  (err) => {
    process.stderr.write(`内部错误 internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(70);
  },
);
