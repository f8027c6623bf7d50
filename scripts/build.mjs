// Bundles the entry points with ncc into committed files.
// CI rebuilds and fails when the committed bundles differ from the source.
//
// ncc emits a dynamic `import()` as a separate chunk file next to the bundle (`<id>.index.js`,
// loaded relative to it). The action loads @actions/github that way, only for the pull-request
// comment, so its chunks are copied next to dist/index.js and stale ones are removed. The CLI
// and the Azure DevOps task must stay single files: a chunk there fails the build.
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

/** entry -> output file; `chunks`: the bundle may load chunk files that sit beside it. */
const bundles = [
  { entry: 'src/github/index.ts', out: 'dist/index.js', chunks: true },
  { entry: 'src/cli/index.ts', out: 'dist/cli.js', shebang: true },
  { entry: 'src/ado/index.ts', out: 'ado-task/ConnrefGate/index.js' },
];

/** What ncc names the chunks of an entry bundled to index.js. */
const CHUNK = /^[\w-]+\.index\.js$/;

for (const { entry, out, shebang, chunks } of bundles) {
  if (!existsSync(entry)) continue;
  const tmp = mkdtempSync(join(tmpdir(), 'connref-gate-build-'));
  try {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', tmp, '--target', 'es2022', '-q'], {
      stdio: 'inherit',
    });
    // ncc also writes a package.json saying "type": "module"; the repository's says the same
    // for dist/, and ado-task/ConnrefGate has its own.
    const extra = readdirSync(tmp).filter((name) => name !== 'index.js' && name !== 'package.json');
    const strays = extra.filter((name) => !chunks || !CHUNK.test(name));
    if (strays.length > 0) {
      throw new Error(
        `${entry}: ncc emitted ${strays.join(', ')} beside ${out}, which must be a single file (a dynamic import or an asset?)`,
      );
    }

    let code = readFileSync(join(tmp, 'index.js'), 'utf8');
    if (shebang && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    const folder = dirname(out);
    mkdirSync(folder, { recursive: true });
    writeFileSync(out, code, { mode: shebang ? 0o755 : 0o644 });
    let size = code.length;
    if (chunks) {
      // Chunks of an earlier build that this one no longer emits would linger in git.
      for (const name of readdirSync(folder)) {
        if (CHUNK.test(name) && !extra.includes(name)) rmSync(join(folder, name));
      }
      for (const name of extra) {
        const chunk = readFileSync(join(tmp, name), 'utf8');
        writeFileSync(join(folder, name), chunk, { mode: 0o644 });
        size += chunk.length;
      }
    }
    const also = extra.length > 0 ? ` + ${extra.map((name) => join(folder, name)).join(', ')}` : '';
    console.log(`built ${out}${also} (${(size / 1024).toFixed(0)} KiB)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
