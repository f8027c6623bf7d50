// connref-gate never writes inside a solution, and writes only the files the user named: not
// through a link a pull request placed at an output path, and never blocks on a FIFO there.
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { OUTPUT_FORMATS } from '../src/core/format/index.js';
import {
  HOSTILE_TIMEOUT,
  POSIX,
  copyExample,
  removeTempDirs,
  repoRoot,
  solutionEntries,
  tempDir,
  writeFile,
  writeZip,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

type Snapshot = Map<string, string>;

/** Every entry under `root` (lstat: links are not followed) with its kind, size, mode and mtime. */
function snapshot(root: string): Snapshot {
  const entries: Snapshot = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      const kind = stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'dir' : 'file';
      entries.set(
        relative(root, path),
        `${kind} ${kind === 'dir' ? '' : stats.size} ${stats.mode} ${stats.mtimeMs}`,
      );
      if (kind === 'dir') walk(path);
    }
  };
  walk(root);
  return entries;
}

/** The entries that changed or appeared between two snapshots. */
function changes(before: Snapshot, after: Snapshot): { changed: string[]; added: string[] } {
  const changed = [...before].filter(([path, value]) => after.get(path) !== value).map(([p]) => p);
  const added = [...after.keys()].filter((path) => !before.has(path));
  return { changed, added: added.sort() };
}

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** A working directory with an unpacked solution, a solution zip and settings. */
function workspace(): string {
  const cwd = tempDir();
  copyExample(cwd, 'solution');
  writeZip(join(cwd, 'zips'), 'Hostile.zip', solutionEntries());
  writeFile(
    join(cwd, 'settings.json'),
    readFileSync(join(repoRoot, 'examples/contoso-invoices/config/Test/deploymentSettings.json')),
  );
  return cwd;
}

describe('writes: only the named outputs, never inside a solution', () => {
  it(
    'changes nothing under the solutions and adds only the named outputs, for every format',
    async () => {
      const cwd = workspace();
      for (const format of OUTPUT_FORMATS) {
        for (const [index, solution] of ['solution', 'zips/Hostile.zip', '.'].entries()) {
          const before = snapshot(cwd);
          const outputs = ['report', 'sarif', 'json', 'resolved.json'].map(
            (ext) => `out/${format}-${index}.${ext}`,
          );
          const result = await cli(
            [
              'check',
              '--solution',
              solution,
              '--settings',
              'settings.json',
              '--format',
              format,
              '--output',
              outputs[0]!,
              '--sarif-file',
              outputs[1]!,
              '--report-file',
              outputs[2]!,
              ...(solution === '.' ? [] : ['--resolved-settings', outputs[3]!]),
              '--fail-on',
              'never',
            ],
            cwd,
            { CONNECTIONREFERENCE_CONTOSO_SHAREDCOMMONDATASERVICEFORAPPS_7F3A1: 'abc123' },
          );
          expect(result.code, result.stderr).toBe(0);
          const after = snapshot(cwd);
          const { changed, added } = changes(before, after);
          // Only the out/ folder itself may change (it gains files).
          expect(changed.filter((p) => p !== 'out')).toEqual([]);
          const allowed = new Set(['out', ...outputs]);
          expect(added.filter((p) => !allowed.has(p))).toEqual([]);
          for (const output of outputs.slice(0, 3)) expect(after.has(output)).toBe(true);
          for (const path of after.keys()) {
            if (path.startsWith('solution') || path.startsWith('zips')) {
              expect(before.has(path), `${path} appeared`).toBe(true);
            }
          }
        }
      }
    },
    HOSTILE_TIMEOUT * 4,
  );

  it(
    'init --check writes nothing at all',
    async () => {
      const cwd = workspace();
      const before = snapshot(cwd);
      const result = await cli(
        ['init', '--solution', 'solution', '--settings', 'settings.json', '--check'],
        cwd,
      );
      expect([0, 1]).toContain(result.code);
      expect(changes(before, snapshot(cwd))).toEqual({ changed: [], added: [] });
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses an output named inside a solution or onto a solution zip, writing nothing',
    async () => {
      const cwd = workspace();
      const cases: [string, string[]][] = [
        ['solution', ['--output', 'solution/Workflows/report.txt']],
        ['solution', ['--sarif-file', 'solution/report.sarif']],
        ['solution', ['--report-file', 'solution/Other/report.json']],
        ['solution', ['--resolved-settings', 'solution/resolved.json']],
        ['zips/Hostile.zip', ['--report-file', 'zips/Hostile.zip']],
        ['zips/Hostile.zip', ['--output', 'zips/Hostile.zip']],
      ];
      for (const [solution, options] of cases) {
        const before = snapshot(cwd);
        const result = await cli(
          ['check', '--solution', solution, '--settings', 'settings.json', ...options],
          cwd,
        );
        expect(result.code, options.join(' ')).toBe(2);
        expect(result.stderr).toMatch(
          /^connref-gate: [^\n]*(inside the solution|refusing)[^\n]*\n$/,
        );
        expect(changes(before, snapshot(cwd)), options.join(' ')).toEqual({
          changed: [],
          added: [],
        });
      }
    },
    HOSTILE_TIMEOUT,
  );
});

describe.skipIf(!POSIX)('writes: links and FIFOs a pull request places at output paths', () => {
  const victimContent = 'victim: must stay as it is\n';

  /** A file outside the working directory that a link in the PR points at. */
  function victim(cwd: string): string {
    return writeFile(
      join(cwd, '..', `${relative(join(cwd, '..'), cwd)}-victim.txt`),
      victimContent,
    );
  }

  it(
    'does not write a report, SARIF, JSON or resolved settings through a link',
    async () => {
      for (const option of ['--output', '--sarif-file', '--report-file', '--resolved-settings']) {
        const cwd = workspace();
        const target = victim(cwd);
        mkdirSync(join(cwd, 'out'));
        symlinkSync(target, join(cwd, 'out', 'file'));
        const result = await cli(
          [
            'check',
            '--solution',
            'solution',
            '--settings',
            'settings.json',
            option,
            'out/file',
            '--fail-on',
            'never',
          ],
          cwd,
          { CONNECTIONREFERENCE_CONTOSO_SHAREDCOMMONDATASERVICEFORAPPS_7F3A1: 'abc123' },
        );
        expect(readFileSync(target, 'utf8'), option).toBe(victimContent);
        expect(lstatSync(join(cwd, 'out', 'file')).isSymbolicLink()).toBe(true);
        if (result.code !== 0) expect(result.stderr).toMatch(/^connref-gate: [^\n]+\n$/);
      }
    },
    HOSTILE_TIMEOUT * 2,
  );

  it(
    'does not create a file through a dangling link, nor update settings through a link (init)',
    async () => {
      const cwd = workspace();
      const outside = join(cwd, '..', `${relative(join(cwd, '..'), cwd)}-created.json`);
      symlinkSync(outside, join(cwd, 'new-settings.json'));
      await cli(['init', '--solution', 'solution', '--settings', 'new-settings.json'], cwd);
      expect(() => lstatSync(outside)).toThrow();

      const target = victim(cwd);
      symlinkSync(target, join(cwd, 'linked-settings.json'));
      await cli(['init', '--solution', 'solution', '--settings', 'linked-settings.json'], cwd);
      expect(readFileSync(target, 'utf8')).toBe(victimContent);

      await cli(['check', '--solution', 'solution', '--sarif-file', 'dangling.sarif'], cwd);
      symlinkSync(outside, join(cwd, 'dangling.json'));
      await cli(['check', '--solution', 'solution', '--report-file', 'dangling.json'], cwd);
      expect(() => lstatSync(outside)).toThrow();
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'does not hang on a FIFO at an output path or passed to init',
    async () => {
      const cwd = workspace();
      mkdirSync(join(cwd, 'out'));
      for (const option of ['--output', '--sarif-file', '--report-file']) {
        execFileSync('mkfifo', [join(cwd, 'out', `fifo${option}`)]);
        const result = await cli(
          ['check', '--solution', 'solution', option, `out/fifo${option}`, '--fail-on', 'never'],
          cwd,
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^connref-gate: [^\n]+\n$/);
      }
      execFileSync('mkfifo', [join(cwd, 'fifo-settings.json')]);
      const init = await cli(
        ['init', '--solution', 'solution', '--settings', 'fifo-settings.json'],
        cwd,
      );
      expect(init.stdout + init.stderr).toMatch(/not a regular file/);
      writeFileSync(join(cwd, 'plain.txt'), 'x');
    },
    HOSTILE_TIMEOUT,
  );
});
