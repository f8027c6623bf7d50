// Bundles the entry points with ncc into committed files.
// CI rebuilds and fails when the committed bundles differ from the source.
//
// ncc emits a dynamic `import()` as a separate chunk file next to the bundle (`<id>.index.js`,
// loaded relative to it). Every bundle loads something that way only when needed: the action
// @actions/github for the pull-request comment, all three the online checks and @azure/identity
// for --environment. Chunks are copied next to their bundle and stale ones are removed. Chunk
// names depend only on the module, so two bundles must not share a folder: the CLI is built into
// dist/cli/, and dist/cli.js (the package's bin) is a two-line shim that imports it.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

/** entry -> output file (always `index.js`: chunk names are relative to it). */
const bundles = [
  { entry: 'src/github/index.ts', out: 'dist/index.js' },
  { entry: 'src/cli/index.ts', out: 'dist/cli/index.js', shim: 'dist/cli.js' },
  { entry: 'src/ado/index.ts', out: 'ado-task/ConnrefGate/index.js' },
];

export const NCC_OPTIONS = ['--target', 'es2022', '-q'];

/**
 * Assets ncc copies beside a bundle that loads @azure/identity: `xdg-open` is the `open`
 * package's script for interactive browser sign-in, which connref-gate never uses. It cannot be
 * left out: an external becomes a static ESM import that fails where there is no node_modules.
 */
const ASSETS = new Set(['xdg-open']);

/** What ncc names the chunks of an entry bundled to index.js. */
const CHUNK = /^[\w-]+\.index\.js$/;

const SHIM = `#!/usr/bin/env node
// The connref-gate command: the bundle and its chunks live in dist/cli/ (scripts/build.mjs).
import './cli/index.js';
`;

for (const { entry, out, shim } of bundles) {
  if (!existsSync(entry)) continue;
  const tmp = mkdtempSync(join(tmpdir(), 'connref-gate-build-'));
  try {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', tmp, ...NCC_OPTIONS], {
      stdio: 'inherit',
    });
    // ncc also writes a package.json saying "type": "module"; the repository's says the same
    // for dist/, and ado-task/ConnrefGate has its own.
    const extra = readdirSync(tmp).filter((name) => name !== 'index.js' && name !== 'package.json');
    const strays = extra.filter((name) => !CHUNK.test(name) && !ASSETS.has(name));
    if (strays.length > 0) {
      throw new Error(
        `${entry}: ncc emitted ${strays.join(', ')} beside ${out}, which takes only chunks (an asset?)`,
      );
    }

    const code = readFileSync(join(tmp, 'index.js'), 'utf8');
    const folder = dirname(out);
    mkdirSync(folder, { recursive: true });
    writeFileSync(out, code, { mode: 0o644 });
    let size = code.length;
    // Chunks of an earlier build that this one no longer emits would linger in git.
    for (const name of readdirSync(folder)) {
      if ((CHUNK.test(name) || ASSETS.has(name)) && !extra.includes(name)) {
        rmSync(join(folder, name));
      }
    }
    for (const name of extra) {
      const chunk = readFileSync(join(tmp, name));
      writeFileSync(join(folder, name), chunk, { mode: ASSETS.has(name) ? 0o755 : 0o644 });
      size += chunk.length;
    }
    if (shim) writeFileSync(shim, SHIM, { mode: 0o755 });
    const also = extra.length > 0 ? ` + ${extra.join(', ')}` : '';
    console.log(
      `built ${out}${also}${shim ? ` (bin ${shim})` : ''} (${(size / 1024).toFixed(0)} KiB)`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
