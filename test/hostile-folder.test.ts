// Hostile unpacked folders: symbolic links out of the solution (never followed, in discovery or in
// reading), FIFOs (never block), unreadable and oversized files.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import {
  HOSTILE_TIMEOUT,
  POSIX,
  copyExample,
  expectOneLine,
  expectUnreadable,
  readOne,
  removeTempDirs,
  solutionEntries,
  tempDir,
  writeFile,
  writeZip,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

const CANARY = 'outside_canary_7f3e';
const FLOW = 'InvoiceRoutenewinvoice-5B1D2C3E-0A0B-4C5D-8E9F-101112131415.json';

/** A flow, a values file and a metadata file that name the canary: none may ever be read. */
function outsideFiles(dir: string): string {
  const outside = join(dir, 'outside');
  writeFile(
    join(outside, 'Workflows', `Evil-${CANARY}.json`),
    JSON.stringify({
      properties: {
        connectionReferences: {
          shared_x: {
            connection: { connectionReferenceLogicalName: CANARY },
            api: { name: CANARY },
          },
        },
      },
    }),
  );
  writeFile(
    join(outside, 'environmentvariablevalues.json'),
    JSON.stringify({ environmentvariablevalues: { environmentvariablevalue: { value: CANARY } } }),
  );
  writeFile(
    join(outside, `${CANARY}.meta.xml`),
    `<CanvasApp><Name>${CANARY}</Name><ConnectionReferences>{}</ConnectionReferences></CanvasApp>`,
  );
  writeFile(
    join(outside, 'Customizations.xml'),
    `<ImportExportXml><connectionreferences><connectionreference connectionreferencelogicalname="${CANARY}"><connectorid>x</connectorid></connectionreference></connectionreferences></ImportExportXml>`,
  );
  return outside;
}

async function expectNoCanary(dir: string, path = 'solution') {
  const result = await check({ solutions: [path], cwd: dir });
  expect(JSON.stringify(result)).not.toContain(CANARY);
  return result;
}

describe.skipIf(!POSIX)('hostile folders: symbolic links out of the solution', () => {
  it(
    'does not follow a Workflows/ folder that is a link to a folder outside',
    async () => {
      const dir = tempDir();
      const outside = outsideFiles(dir);
      const root = copyExample(dir);
      cpSync(join(root, 'Workflows'), join(outside, 'Workflows'), { recursive: true });
      rmSync(join(root, 'Workflows'), { recursive: true });
      symlinkSync(join(outside, 'Workflows'), join(root, 'Workflows'));
      const result = await readOne('solution', dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows).toEqual([]);
      await expectNoCanary(dir);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'does not follow flow, metadata, values and Customizations.xml files that are links',
    async () => {
      const dir = tempDir();
      const outside = outsideFiles(dir);
      const root = copyExample(dir);
      symlinkSync(
        join(outside, 'Workflows', `Evil-${CANARY}.json`),
        join(root, 'Workflows', 'Evil-1.json'),
      );
      // The real flow file replaced by a link: its metadata stays, its JSON must not be read.
      rmSync(join(root, 'Workflows', FLOW));
      symlinkSync(join(outside, 'Workflows', `Evil-${CANARY}.json`), join(root, 'Workflows', FLOW));
      symlinkSync(join(outside, `${CANARY}.meta.xml`), join(root, 'CanvasApps', 'evil.meta.xml'));
      symlinkSync(
        join(outside, 'environmentvariablevalues.json'),
        join(
          root,
          'environmentvariabledefinitions',
          'contoso_ErpSettings',
          'environmentvariablevalues.json',
        ),
      );
      symlinkSync(outside, join(root, 'environmentvariabledefinitions', 'evil'));
      const result = await readOne('solution', dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows.map((f) => f.file)).not.toContain(`Workflows/${FLOW}`);
      await expectNoCanary(dir);

      rmSync(join(root, 'Other', 'Customizations.xml'));
      symlinkSync(join(outside, 'Customizations.xml'), join(root, 'Other', 'Customizations.xml'));
      expectUnreadable(await readOne('solution', dir), 'solution', /no Other\/Customizations\.xml/);
      await expectNoCanary(dir);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'does not find solutions through links while searching a folder',
    async () => {
      const dir = tempDir();
      const outside = join(dir, 'outside');
      copyExample(outside, 'evil-solution');
      writeZip(outside, 'Evil.zip', solutionEntries());
      mkdirSync(join(dir, 'repo', 'apps'), { recursive: true });
      copyExample(join(dir, 'repo', 'apps'), 'real');
      symlinkSync(join(outside, 'evil-solution'), join(dir, 'repo', 'apps', 'evil'));
      symlinkSync(outside, join(dir, 'repo', 'apps', 'linked-folder'));
      symlinkSync(join(outside, 'Evil.zip'), join(dir, 'repo', 'apps', 'Evil.zip'));
      const targets = await findSolutions(['.'], join(dir, 'repo'));
      expect(targets.map((t) => t.reportPath)).toEqual(['apps/real']);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses a named path or glob match that is a link, with SL001 naming it',
    async () => {
      const dir = tempDir();
      const outside = join(dir, 'outside');
      copyExample(outside, 'evil-solution');
      writeZip(outside, 'Evil.zip', solutionEntries());
      const repo = join(dir, 'repo');
      mkdirSync(join(repo, 'solutions'), { recursive: true });
      copyExample(join(repo, 'solutions'), 'real');
      symlinkSync(join(outside, 'evil-solution'), join(repo, 'solutions', 'evil'));
      symlinkSync(join(outside, 'Evil.zip'), join(repo, 'solutions', 'Evil.zip'));
      for (const path of ['solutions/evil', 'solutions/Evil.zip']) {
        expectUnreadable(await readOne(path, repo), path, /symbolic link/);
      }
      const result = await check({ solutions: ['solutions/*'], cwd: repo });
      expect(result.report.solutions.map((s) => s.path)).toEqual(['solutions/real']);
      const refused = result.report.findings.filter((f) => f.ruleId === 'SL001');
      expect(refused.map((f) => f.location?.file)).toEqual([
        'solutions/Evil.zip',
        'solutions/evil',
      ]);
      for (const finding of refused) {
        expectOneLine(finding.message);
        expect(finding.message).toMatch(/symbolic link/);
      }
      expect(JSON.stringify(result)).not.toContain('Hostile');
    },
    HOSTILE_TIMEOUT,
  );
});

describe.skipIf(!POSIX)('hostile folders: FIFOs and other special files', () => {
  const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

  it(
    'does not hang on a FIFO named like a flow, a metadata file or Customizations.xml',
    async () => {
      const dir = tempDir();
      const root = copyExample(dir);
      mkfifo(join(root, 'Workflows', 'x.json'));
      mkfifo(join(root, 'Workflows', 'x.json.data.xml'));
      mkfifo(join(root, 'CanvasApps', 'x.meta.xml'));
      mkfifo(
        join(
          root,
          'environmentvariabledefinitions',
          'contoso_ErpSettings',
          'environmentvariablevalues.json',
        ),
      );
      const result = await readOne('solution', dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows.map((f) => f.file)).not.toContain('Workflows/x.json');

      rmSync(join(root, 'Other', 'Customizations.xml'));
      mkfifo(join(root, 'Other', 'Customizations.xml'));
      expectUnreadable(await readOne('solution', dir), 'solution', /no Other\/Customizations\.xml/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'does not hang on a FIFO named like a solution zip, named or found',
    async () => {
      const dir = tempDir();
      mkfifo(join(dir, 'Contoso.zip'));
      expectUnreadable(await readOne('Contoso.zip', dir), 'Contoso.zip', /not a regular file/);
      mkdirSync(join(dir, 'releases'));
      mkfifo(join(dir, 'releases', 'Other.zip'));
      copyExample(join(dir, 'releases'), 'real');
      expect((await findSolutions(['releases'], dir)).map((t) => t.reportPath)).toEqual([
        'releases/real',
      ]);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile folders: unreadable and oversized files', () => {
  const isRoot = process.getuid?.() === 0;

  it.skipIf(isRoot)(
    'reports a flow file it may not read (chmod 000)',
    async () => {
      const dir = tempDir();
      const root = copyExample(dir);
      chmodSync(join(root, 'Workflows', FLOW), 0);
      try {
        expectUnreadable(
          await readOne('solution', dir),
          `solution/Workflows/${FLOW}`,
          /permissions/,
        );
      } finally {
        chmodSync(join(root, 'Workflows', FLOW), 0o644);
      }
    },
    HOSTILE_TIMEOUT,
  );

  if (isRoot) {
    it('skips the chmod 000 test: it runs as root, which reads any file', () => {
      console.warn(
        '[hostile-folder] running as root: the unreadable-file (chmod 000) test is SKIPPED',
      );
    });
  }

  it(
    'refuses a file over maxEntryBytes without reading it (a 3 GB sparse flow)',
    async () => {
      const dir = tempDir();
      const root = copyExample(dir);
      const path = join(root, 'Workflows', FLOW);
      writeFileSync(path, '');
      execFileSync('truncate', ['-s', '3G', path]);
      expectUnreadable(
        await readOne('solution', dir),
        `solution/Workflows/${FLOW}`,
        /over the \d+-byte limit/,
      );
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'keeps the total limit over many files read at once',
    async () => {
      const dir = tempDir();
      const root = copyExample(dir);
      // Valid JSON, so each flow parses and only the total limit stops the read.
      const flow = Buffer.concat([Buffer.from('{}'), Buffer.alloc(1024 * 1024 - 2, 0x20)]);
      for (let i = 0; i < 40; i++) writeFileSync(join(root, 'Workflows', `F-${i}.json`), flow);
      expectUnreadable(
        await readOne('solution', dir, { maxTotalBytes: 8 * 1024 * 1024 }),
        /^solution\//,
        /8388608-byte total limit/,
      );
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reports a folder given as a solution that holds nothing it can read',
    async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'solution', 'Workflows'), { recursive: true });
      symlinkSync('/etc', join(dir, 'solution', 'Other'));
      expectUnreadable(await readOne('solution', dir), 'solution', /holds no solution\.xml/);
    },
    HOSTILE_TIMEOUT,
  );
});
