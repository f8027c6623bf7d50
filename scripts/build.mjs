// Bundles the entry points with ncc into committed single files.
// CI rebuilds and fails when the committed bundles differ from the source.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

/** entry -> output file. */
const bundles = [
  { entry: 'src/github/index.ts', out: 'dist/index.js' },
  { entry: 'src/cli/index.ts', out: 'dist/cli.js', shebang: true },
  { entry: 'src/ado/index.ts', out: 'ado-task/ConnrefGate/index.js' },
];

for (const { entry, out, shebang } of bundles) {
  if (!existsSync(entry)) continue;
  const tmp = mkdtempSync(join(tmpdir(), 'connref-gate-build-'));
  try {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', tmp, '--target', 'es2022', '-q'], {
      stdio: 'inherit',
    });
    let code = readFileSync(join(tmp, 'index.js'), 'utf8');
    if (shebang && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, code, { mode: shebang ? 0o755 : 0o644 });
    console.log(`built ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
