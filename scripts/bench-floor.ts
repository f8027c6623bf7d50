// The floor under one CLI run on this machine. It runs the CLI's own `run()` (arguments, check,
// report, write) again and again in one process, so the last runs have a JIT as warm as it gets,
// which a single run of the CLI never has. scripts/bench.mjs adds the CLI's start-up (`--version`)
// to the warm time: no run of the CLI can be faster than that sum. A target below it takes a
// faster check or start-up, never less warm-up; a cold run's time above it is the warm-up.
// scripts/bench.mjs bundles it with ncc into its work folder.
// Usage (bundled): node floor.js RUNS CLI-ARGUMENTS...
// Prints JSON: `times` (ms of each run) and `sha256` of the last run's stdout, which bench.mjs
// compares with the CLI's own stdout to prove both did the same work.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { run } from '../src/cli/main.js';

async function main(runs: number, args: string[]): Promise<void> {
  const sink = openSync('/dev/null', 'w');
  const times: number[] = [];
  let hash = '';
  try {
    for (let i = 0; i < runs; i++) {
      // Kept while timed and hashed after: hashing is work the CLI does not do.
      const written: string[] = [];
      const started = performance.now();
      const code = await run(args, {
        stdout: {
          write: (text: string) => {
            writeSync(sink, text);
            written.push(text);
          },
        },
        stderr: { write: () => true },
        isTTY: false,
      });
      times.push(performance.now() - started);
      if (code === 2) throw new Error(`the CLI exited with 2 for: ${args.join(' ')}`);
      hash = createHash('sha256').update(written.join('')).digest('hex');
    }
  } finally {
    closeSync(sink);
  }
  console.log(JSON.stringify({ times, sha256: hash }));
}

const runs = Number(process.argv[2]);
if (!Number.isInteger(runs) || runs < 1 || process.argv.length < 4) {
  console.error('usage: node floor.js RUNS CLI-ARGUMENTS...');
  process.exit(2);
}
await main(runs, process.argv.slice(3));
