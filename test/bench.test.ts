// The benchmark's generator and harness, at tiny scale: the generated solutions are what they
// claim to be, connref-gate finds the settings bind everything, and `npm run bench -- --quick`
// works. No timing asserts here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSolution,
  generateSolutionSet,
  type GeneratedSolution,
} from '../scripts/generate-solution.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
const cliText = existsSync(cli) ? readFileSync(cli, 'utf8') : '';
const cliIsReal =
  cliText !== '' && (cliText.length > 2000 || !/console\.log\(['"]hello['"]\)/.test(cliText));
if (!cliIsReal) {
  console.warn(
    'bench.test: dist/cli.js is missing or still the placeholder; skipping the CLI checks (run npm run build)',
  );
}

const TINY = {
  flows: 12,
  connectionReferences: 4,
  canvasApps: 2,
  mediaBytesPerApp: 64 * 1024,
  environmentVariables: 5,
};

let dir: string;
let generated: GeneratedSolution;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'connref-gate-bench-test-'));
  generated = generateSolution({
    ...TINY,
    zipPath: join(dir, 'Tiny.zip'),
    unpackedDir: join(dir, 'unpacked'),
    settingsPath: join(dir, 'settings.json'),
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function decode(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.toString('utf8', 3);
  return data.toString('utf8');
}

interface FlowDoc {
  properties: {
    connectionReferences: Record<
      string,
      { connection: { connectionReferenceLogicalName?: string }; api: { name: string } }
    >;
    definition: { actions: Record<string, unknown> };
  };
}

describe('bench generator', () => {
  it('writes a valid zip shaped like an export', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'Tiny.zip')), { checkCRC32: true });
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names.sort()).toEqual([...generated.zipEntries].sort());
    for (const name of ['solution.xml', 'customizations.xml', '[Content_Types].xml']) {
      expect(names).toContain(name);
    }

    const customizations = decode(await zip.file('customizations.xml')!.async('nodebuffer'));
    expect(customizations.match(/<Workflow WorkflowId="\{/g)).toHaveLength(TINY.flows);
    expect(customizations.match(/<Category>5<\/Category>/g)).toHaveLength(TINY.flows);
    expect(
      customizations.match(/<connectionreference connectionreferencelogicalname=/g),
    ).toHaveLength(TINY.connectionReferences);
    expect(customizations.match(/<CanvasApp>/g)).toHaveLength(TINY.canvasApps);

    const flowFiles = zip.file(/^Workflows\/[^/]+\.json$/);
    expect(flowFiles).toHaveLength(TINY.flows);
    const used = new Set<string>();
    let utf16 = 0;
    for (const file of flowFiles) {
      const data = await file.async('nodebuffer');
      if (data[0] === 0xff && data[1] === 0xfe) utf16++;
      // every flow's JSON file is named by its metadata
      expect(customizations).toContain(`<JsonFileName>/${file.name}</JsonFileName>`);
      const doc = JSON.parse(decode(data)) as FlowDoc;
      const refs = Object.values(doc.properties.connectionReferences);
      expect(refs.length).toBeGreaterThanOrEqual(1);
      expect(refs.length).toBeLessThanOrEqual(5);
      for (const ref of refs) {
        expect(generated.connectionReferenceNames).toContain(
          ref.connection.connectionReferenceLogicalName,
        );
        used.add(ref.connection.connectionReferenceLogicalName!);
      }
      expect(Object.keys(doc.properties.definition.actions).length).toBeGreaterThan(0);
    }
    expect(utf16).toBe(TINY.flows / 4);
    expect(used.size).toBe(TINY.connectionReferences);

    const apps = zip.file(/^CanvasApps\/.+_DocumentUri\.msapp$/);
    expect(apps).toHaveLength(TINY.canvasApps);
    for (const app of apps) {
      // the media is a nested zip with backslash names, like real .msapp files
      const data = await app.async('nodebuffer');
      expect(data.length).toBeGreaterThan(TINY.mediaBytesPerApp - 1024);
      const msapp = await JSZip.loadAsync(data);
      expect(Object.keys(msapp.files)).toContain('References\\DataSources.json');
    }

    const definitions = zip.file(
      /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/,
    );
    expect(definitions).toHaveLength(TINY.environmentVariables);
    expect(zip.file(/environmentvariablevalues\.json$/).length).toBe(
      generated.counts.environmentVariableValues,
    );
  });

  it('writes the same solution in SolutionPackager layout', () => {
    const files = generated.unpackedFiles;
    const has = (path: string) => existsSync(join(dir, 'unpacked', path));
    expect(has('Other/Solution.xml')).toBe(true);
    const customizations = readFileSync(join(dir, 'unpacked/Other/Customizations.xml'), 'utf8');
    expect(customizations).toContain('<Workflows />');
    expect(customizations).toContain('<CanvasApps />');
    expect(customizations.match(/<connectionreference /g)).toHaveLength(TINY.connectionReferences);
    const flows = files.filter((f) => /^Workflows\/[^/]+\.json$/.test(f));
    expect(flows).toHaveLength(TINY.flows);
    for (const flow of flows) expect(files).toContain(`${flow}.data.xml`);
    expect(files.filter((f) => f.endsWith('.meta.xml'))).toHaveLength(TINY.canvasApps);
    expect(files.filter((f) => f.endsWith('_DocumentUri.msapp'))).toHaveLength(TINY.canvasApps);
    expect(files.filter((f) => f.endsWith('/environmentvariabledefinition.xml'))).toHaveLength(
      TINY.environmentVariables,
    );
    expect(files.every((f) => has(f))).toBe(true);
  });

  it('puts the same flow bytes in the zip and the folder', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'Tiny.zip')));
    for (const file of zip.file(/^Workflows\/[^/]+\.json$/)) {
      const inZip = await file.async('nodebuffer');
      expect(readFileSync(join(dir, 'unpacked', file.name)).equals(inZip)).toBe(true);
    }
  });

  it('writes settings that bind every reference and variable', () => {
    const settings = JSON.parse(
      readFileSync(join(dir, 'settings.json'), 'utf8'),
    ) as GeneratedSolution['settings'];
    expect(settings.ConnectionReferences.map((c) => c.LogicalName).sort()).toEqual(
      [...generated.connectionReferenceNames].sort(),
    );
    expect(settings.ConnectionReferences.every((c) => /^[0-9a-f]{32}$/.test(c.ConnectionId))).toBe(
      true,
    );
    expect(settings.EnvironmentVariables.map((v) => v.SchemaName).sort()).toEqual(
      [...generated.environmentVariableNames].sort(),
    );
  });

  it('is deterministic', () => {
    const again = mkdtempSync(join(tmpdir(), 'connref-gate-bench-test-'));
    try {
      generateSolution({ ...TINY, zipPath: join(again, 'Tiny.zip') });
      const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
      expect(hash(join(again, 'Tiny.zip'))).toBe(hash(join(dir, 'Tiny.zip')));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('writes a set of zips and folders that one settings file binds', () => {
    const set = generateSolutionSet({
      outDir: join(dir, 'set'),
      count: 4,
      flows: 5,
      connectionReferences: 3,
      canvasApps: 1,
      mediaBytesPerApp: 4096,
      environmentVariables: 2,
    });
    expect(set.solutions.map((s) => s.kind)).toEqual(['zip', 'folder', 'zip', 'folder']);
    expect(set.solutions.every((s) => existsSync(s.path))).toBe(true);
    expect(existsSync(join(set.largestFolder, 'Other', 'Solution.xml'))).toBe(true);
    expect(existsSync(set.settingsPath)).toBe(true);
  });
});

interface Report {
  solutions: {
    flows: unknown[];
    connectionReferences: unknown[];
    canvasApps: unknown[];
    environmentVariables: unknown[];
  }[];
  findings: { ruleId: string; severity: string; subject?: string }[];
  summary: { errors: number; warnings: number; notes: number };
}

function check(solution: string, settings: string, failOn = 'never') {
  const result = spawnSync(
    process.execPath,
    [
      cli,
      'check',
      '--solution',
      solution,
      '--settings',
      settings,
      '--format',
      'json',
      '--fail-on',
      failOn,
    ],
    { encoding: 'utf8', cwd: dir },
  );
  return {
    status: result.status,
    stderr: result.stderr,
    report: JSON.parse(result.stdout) as Report,
  };
}

describe.skipIf(!cliIsReal)('connref-gate on the generated solution', () => {
  it('reports every flow, reference, app and variable, and no errors, for zip and folder', () => {
    for (const solution of [join(dir, 'Tiny.zip'), join(dir, 'unpacked')]) {
      const { status, report } = check(solution, join(dir, 'settings.json'));
      expect(status).toBe(0);
      const s = report.solutions[0]!;
      expect(s.flows).toHaveLength(TINY.flows);
      expect(s.connectionReferences).toHaveLength(TINY.connectionReferences);
      expect(s.canvasApps).toHaveLength(TINY.canvasApps);
      expect(s.environmentVariables).toHaveLength(TINY.environmentVariables);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(report.summary.errors).toBe(0);
    }
  });

  it('reports CR001 when one binding is broken', () => {
    const settings = structuredClone(generated.settings);
    const broken = settings.ConnectionReferences[0]!;
    broken.ConnectionId = '';
    const path = join(dir, 'broken-settings.json');
    writeFileSync(path, JSON.stringify(settings, null, 2));
    const { status, report } = check(join(dir, 'Tiny.zip'), path, 'error');
    expect(status).toBe(1);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'CR001', subject: broken.LogicalName }),
    ]);
  });
});

describe('npm run bench -- --quick', () => {
  it('runs every case and prints the table', () => {
    const work = join(dir, 'bench-work');
    const result = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'bench.mjs'), '--quick', '--work', work],
      {
        encoding: 'utf8',
        cwd: root,
        timeout: 240_000,
      },
    );
    expect(result.stderr).not.toMatch(/error: the benchmark did not work/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('| case | baseline |');
    for (const row of [
      'large zip',
      'unpacked large',
      'solutions in one run',
      'start-up: node dist/cli.js',
    ]) {
      expect(result.stdout).toContain(row);
    }
    if (cliIsReal)
      expect(result.stdout).toMatch(/large zip: connref-gate reported \d+ flows.*0 errors/);
  }, 300_000);

  it.skipIf(!cliIsReal)(
    'measures the floor (start-up + the check with a warm JIT) on the same work as the CLI',
    () => {
      const result = spawnSync(
        process.execPath,
        [
          join(root, 'scripts', 'bench.mjs'),
          '--quick',
          '--only',
          'floor-zip,floor-unpacked',
          '--work',
          join(dir, 'bench-work'),
        ],
        { encoding: 'utf8', cwd: root, timeout: 240_000 },
      );
      expect(result.stderr).not.toMatch(/error: the benchmark did not work/);
      expect(result.status).toBe(0);
      for (const label of ['floor, large zip', 'floor, unpacked large']) {
        const row = result.stdout.split('\n').find((line) => line.startsWith(`| ${label}`));
        // The floor is start-up plus the warm check, and the warm runs wrote the CLI's own report.
        expect(row).toMatch(
          /\| (\d+) ms \| [\d.]+× \|.*INFO \(start-up \(--version\) \d+ ms \+ the check warm \d+ ms: the fastest of runs 2-2 in one process, same stdout as the CLI\)/,
        );
      }
    },
    300_000,
  );

  it('runs connref-gate with the node given by --node, and refuses a path that is not one', () => {
    const work = join(dir, 'bench-work');
    const log = join(dir, 'node-calls.log');
    const wrapper = join(dir, 'other-node');
    writeFileSync(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec '${process.execPath}' "$@"\n`, {
      mode: 0o755,
    });
    const bench = (node: string) =>
      spawnSync(
        process.execPath,
        [
          join(root, 'scripts', 'bench.mjs'),
          '--quick',
          '--only',
          'startup-cli',
          '--work',
          work,
          '--node',
          node,
        ],
        { encoding: 'utf8', cwd: root, timeout: 120_000 },
      );
    const ran = bench(wrapper);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`node ${process.version}, `);
    expect(ran.stdout).toContain('start-up: node dist/cli.js --version');
    // Both the baseline (`node -e 0`) and connref-gate went through the wrapper.
    const calls = readFileSync(log, 'utf8');
    expect(calls).toMatch(/^-e 0$/m);
    expect(calls).toMatch(/dist\/cli\.js --version$/m);

    const refused = bench(join(dir, 'no-such-node'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/no-such-node does not run as node; give --node the path/);
  }, 240_000);
});
