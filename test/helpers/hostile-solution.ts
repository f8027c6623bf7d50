// Builders for the hostile-input tests: a small valid solution (zip layout and unpacked layout)
// whose files the tests then break one at a time, plus the checks every hostile case shares.
// Everything is written under os.tmpdir() at test time; nothing is written into the project or
// into ../shared.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SolutionReadResult } from '../../src/core/model.js';
import type { ReadLimits } from '../../src/core/options.js';
import { buildZip, type RawEntry, type RawZipOptions } from './hostile-zip.js';
import { readOne, removeTempDirs, tempDir, writeFile, writeFiles } from './solution-files.js';

export { readOne, removeTempDirs, tempDir, writeFile };

export const repoRoot = new URL('../..', import.meta.url).pathname;
/** The shipped unpacked example: a valid SolutionPackager tree to copy and break. */
export const exampleSolution = join(repoRoot, 'examples/contoso-invoices/src');

/** Copies the example solution to `<dir>/<name>` and returns its path. */
export function copyExample(dir: string, name = 'solution'): string {
  const target = join(dir, name);
  cpSync(exampleSolution, target, { recursive: true });
  return target;
}

export const FLOW_FILE = 'Workflows/Flow-AAAA.json';
export const ENV_DEFINITION =
  'environmentvariabledefinitions/new_Url/environmentvariabledefinition.xml';
export const ENV_VALUES = 'environmentvariabledefinitions/new_Url/environmentvariablevalues.json';

export const solutionXml = `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2"><SolutionManifest><UniqueName>Hostile</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>`;

export const canvasConnectionReferences = JSON.stringify({
  'a1b2c3d4-0000-4000-8000-000000000001': {
    id: '/providers/microsoft.powerapps/apis/shared_office365users',
    displayName: 'Office 365 Users',
  },
});

export function customizationsXml(options: { canvasJson?: string; extra?: string } = {}): string {
  const canvasJson = (options.canvasJson ?? canvasConnectionReferences)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml>
<Workflows>
<Workflow WorkflowId="{AAAA}" Name="Hostile flow"><JsonFileName>/${FLOW_FILE}</JsonFileName><Category>5</Category></Workflow>
</Workflows>
<CanvasApps>
<CanvasApp><Name>new_app_1</Name><DisplayName>App</DisplayName><ConnectionReferences>${canvasJson}</ConnectionReferences></CanvasApp>
</CanvasApps>
<connectionreferences>
<connectionreference connectionreferencelogicalname="new_sharedoffice365_1">
<connectionreferencedisplayname>Office</connectionreferencedisplayname>
<connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid>
</connectionreference>
</connectionreferences>${options.extra ?? ''}
</ImportExportXml>`;
}

export const flowJson = JSON.stringify({
  properties: {
    connectionReferences: {
      shared_office365: {
        runtimeSource: 'embedded',
        connection: { connectionReferenceLogicalName: 'new_sharedoffice365_1' },
        api: { name: 'shared_office365' },
      },
    },
  },
});

export const envDefinitionXml = `<environmentvariabledefinition schemaname="new_Url"><type>100000000</type></environmentvariabledefinition>`;
export const envValuesJson = JSON.stringify({
  environmentvariablevalues: { environmentvariablevalue: { value: 'https://contoso.example' } },
});

/** The files of a small valid exported solution (zip layout), keyed by entry name. */
export function zipSolutionFiles(): Record<string, string | Buffer> {
  return {
    'solution.xml': solutionXml,
    'customizations.xml': customizationsXml(),
    [FLOW_FILE]: flowJson,
    [ENV_DEFINITION]: envDefinitionXml,
    [ENV_VALUES]: envValuesJson,
    'CanvasApps/new_app_1_DocumentUri.msapp': Buffer.alloc(2048, 7),
  };
}

/** Raw zip entries for a file map, optionally changing some entries. */
export function solutionEntries(
  files: Record<string, string | Buffer> = zipSolutionFiles(),
  change: Record<string, Partial<RawEntry>> = {},
): RawEntry[] {
  return Object.entries(files).map(([name, data]) => ({ name, data, ...change[name] }));
}

export function writeZip(
  dir: string,
  name: string,
  entries: RawEntry[],
  options?: RawZipOptions,
): string {
  return writeFile(join(dir, name), buildZip(entries, options));
}

/** Writes the zip-layout files as an extracted folder (solution.xml beside customizations.xml). */
export function writeExtracted(dir: string, files: Record<string, string | Buffer>): string {
  return writeFiles(dir, files);
}

/** Reads `<dir>/S.zip` as the one solution under dir. */
export async function readZip(
  dir: string,
  limits: Partial<ReadLimits> = {},
): Promise<SolutionReadResult> {
  return readOne('S.zip', dir, limits);
}

/** A reason fit for an SL001/DS001 line: one line, no stack trace, no NUL or control bytes. */
export function expectOneLine(reason: string): void {
  expect(reason).not.toMatch(/[\r\n\u2028\u2029]/);
  // eslint-disable-next-line no-control-regex
  expect(reason).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(reason).not.toMatch(/\bat .*:\d+:\d+\)?/);
  expect(reason.length).toBeLessThan(2000);
}

/** Expects SL001: one line naming `file` and matching `what`. */
export function expectUnreadable(
  result: SolutionReadResult,
  file: string | RegExp,
  what: RegExp,
): void {
  if (result.ok) throw new Error(`expected SL001 (${String(what)}) but the solution was read`);
  const { reason, location } = result.unreadable;
  expectOneLine(reason);
  expect(reason).toMatch(what);
  if (typeof file === 'string') {
    expect(location.file).toBe(file);
    expect(reason).toContain(file);
  } else {
    expect(location.file).toMatch(file);
    // eslint-disable-next-line no-control-regex
    expect(reason).toContain(location.file.split(/[\u0000-\u001f\u007f]/)[0]);
  }
}

/** Runs `action` and checks resident memory grows by less than `maxGrowthMb`. */
export async function withinMemory<T>(action: () => Promise<T>, maxGrowthMb = 256): Promise<T> {
  const before = process.memoryUsage().rss;
  const result = await action();
  const growth = (process.memoryUsage().rss - before) / (1024 * 1024);
  expect(growth, `RSS grew by ${growth.toFixed(0)} MB`).toBeLessThan(maxGrowthMb);
  return result;
}

/** FIFOs (mkfifo) and symbolic links as these tests make them need a POSIX system. */
export const POSIX = process.platform !== 'win32';

/** Per-test bound for hostile cases, in milliseconds. */
export const HOSTILE_TIMEOUT = 5_000;
