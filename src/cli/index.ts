// Entry point of the `connref-gate` binary (bundled to dist/cli.js).
import { run } from './main.js';

// `connref-gate check … | head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
