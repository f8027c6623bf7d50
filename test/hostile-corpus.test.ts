// The hostile corpus end to end: a monorepo folder of broken and hostile solutions (built at test
// time under the OS temp folder), checked by the CLI in every format. Every bad solution is one
// SL001 line naming its file; nothing crashes, hangs, prints a stack or grows memory unbounded.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { OUTPUT_FORMATS } from '../src/core/format/index.js';
import type { Report } from '../src/core/model.js';
import {
  FLOW_FILE,
  HOSTILE_TIMEOUT,
  POSIX,
  copyExample,
  customizationsXml,
  removeTempDirs,
  solutionEntries,
  tempDir,
  withinMemory,
  writeExtracted,
  writeFile,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';
import { buildZip, deflateZeros } from './helpers/hostile-zip.js';

afterAll(removeTempDirs);

const MB = 1024 * 1024;

/** Builds the hostile corpus under `dir`; returns how many solutions in it must be SL001. */
async function buildHostileCorpus(dir: string): Promise<number> {
  const zips = join(dir, 'zips');
  const bad: [string, Parameters<typeof writeZip>[2], Parameters<typeof writeZip>[3]?][] = [
    ['encrypted.zip', solutionEntries(undefined, { 'customizations.xml': { flags: 1 } })],
    [
      'lying-size.zip',
      solutionEntries(undefined, { [FLOW_FILE]: { declaredUncompressedSize: 3 } }),
    ],
    ['bzip2.zip', solutionEntries(undefined, { 'solution.xml': { method: 12 } })],
    ['no-locator.zip', solutionEntries(), { eocd: { entryCount: 0xffff } }],
    [
      'doctype.zip',
      solutionEntries({
        ...zipSolutionFiles(),
        'customizations.xml': `<!DOCTYPE x [<!ENTITY a "b">]>${customizationsXml()}`,
      }),
    ],
    ['bad-flow.zip', solutionEntries({ ...zipSolutionFiles(), [FLOW_FILE]: '{"properties":' })],
    [
      'deep.zip',
      solutionEntries({
        ...zipSolutionFiles(),
        'solution.xml': `<ImportExportXml>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</ImportExportXml>`,
      }),
    ],
    [
      'bad-utf8.zip',
      solutionEntries({
        ...zipSolutionFiles(),
        [FLOW_FILE]: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      }),
    ],
    [
      'newline-name.zip',
      [...solutionEntries(), { name: 'Workflows/a\n::error::forged.json', data: '{' }],
    ],
  ];
  for (const [name, entries, options] of bad) writeZip(zips, name, entries, options);
  writeFile(join(zips, 'not-a-zip.zip'), 'hello');
  writeFile(join(zips, 'empty.zip'), '');
  writeFile(join(zips, 'truncated.zip'), writeZipBytes().subarray(0, 300));
  const bomb = await deflateZeros(64 * MB);
  writeZip(
    zips,
    'bomb.zip',
    solutionEntries(undefined, {
      [FLOW_FILE]: { compressed: bomb, declaredUncompressedSize: 64 * MB },
    }),
  );
  const overlapping = [...solutionEntries()];
  for (let i = 0; i < 50; i++) {
    overlapping.push({ name: `Workflows/F-${i}.json`, shareDataWith: 2 });
  }
  writeZip(zips, 'overlap.zip', overlapping);
  execFileSync('mkfifo', [join(zips, 'fifo.zip')]);

  // Folders: a broken extracted zip, and an unpacked solution with links out and a FIFO.
  writeExtracted(join(dir, 'folders', 'extracted-bad'), {
    ...zipSolutionFiles(),
    'customizations.xml': '<ImportExportXml><connectionreferences>',
  });
  const linked = copyExample(join(dir, 'folders'), 'linked');
  symlinkSync('/etc', join(linked, 'Workflows', 'etc'));
  symlinkSync('/etc/passwd', join(linked, 'Workflows', 'passwd.json'));
  execFileSync('mkfifo', [join(linked, 'Workflows', 'fifo.json')]);
  // A good one, so the report also holds facts.
  writeZip(join(dir, 'good'), 'Good.zip', solutionEntries());
  // bad zips + 1 bad folder (fifo.zip is skipped by discovery: not a regular file)
  return bad.length + 5 + 1;
}

function writeZipBytes(): Buffer {
  return buildZip(solutionEntries());
}

describe.skipIf(!POSIX)('the hostile corpus through the CLI', () => {
  it('reports every hostile solution as one SL001 line, in every format, in bounded time and memory', async () => {
    const dir = tempDir();
    const expectedUnreadable = await buildHostileCorpus(dir);
    for (const format of OUTPUT_FORMATS) {
      let stdout = '';
      let stderr = '';
      const started = Date.now();
      const code = await withinMemory(
        () =>
          run(['check', '--solution', '.', '--format', format], {
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            env: {},
            cwd: dir,
            isTTY: false,
          }),
        512,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(stdout).not.toContain('root:x:0:0');
      if (format === 'json') {
        const report = JSON.parse(stdout) as Report;
        const unreadable = report.findings.filter((f) => f.ruleId === 'SL001');
        expect(unreadable.length).toBe(expectedUnreadable);
        for (const finding of unreadable) {
          expect(finding.message).not.toMatch(/[\r\n]/);
          expect(finding.location?.file).toBeTruthy();
          expect(finding.message).toContain(finding.location!.file.split('\n')[0]!);
        }
        expect(report.solutions.map((s) => s.path).sort()).toEqual([
          'folders/linked',
          'good/Good.zip',
        ]);
      }
    }
  }, 60_000);
});

describe.skipIf(!POSIX)('paths that do not exist, and a FIFO as settings', () => {
  it(
    'exit 2 with one line, for a solution, a settings file and a glob',
    async () => {
      const dir = tempDir();
      copyExample(dir);
      execFileSync('mkfifo', [join(dir, 'fifo.json')]);
      for (const argv of [
        ['check', '--solution', 'missing.zip'],
        ['check', '--solution', 'solution', '--settings', 'missing.json'],
        ['check', '--solution', 'nothing-*/x'],
      ]) {
        let stdout = '';
        let stderr = '';
        const code = await run(argv, {
          stdout: { write: (text: string) => (stdout += text) },
          stderr: { write: (text: string) => (stderr += text) },
          env: {},
          cwd: dir,
          isTTY: false,
        });
        expect(code, argv.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^connref-gate: [^\n]*(not found|no solution matches)[^\n]*\n$/);
      }
      // A FIFO as settings exists: DS001, not a hang.
      let stdout = '';
      const code = await run(
        ['check', '--solution', 'solution', '--settings', 'fifo.json', '--format', 'json'],
        {
          stdout: { write: (text: string) => (stdout += text) },
          stderr: { write: () => undefined },
          env: {},
          cwd: dir,
          isTTY: false,
        },
      );
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as Report;
      expect(report.findings.filter((f) => f.ruleId === 'DS001').map((f) => f.message)).toEqual([
        'fifo.json: is not a regular file; name a JSON file',
      ]);
    },
    HOSTILE_TIMEOUT,
  );
});
