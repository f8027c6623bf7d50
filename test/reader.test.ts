import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';
import { UsageError } from '../src/core/errors.js';
import {
  copyExample,
  customizationsXml,
  expectUnreadable,
  readOne,
  removeTempDirs,
  solutionEntries,
  tempDir,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';

const repoRoot = new URL('..', import.meta.url).pathname;
const example = join(repoRoot, 'examples/contoso-invoices/src');

async function readFirst(path: string, cwd = repoRoot) {
  const [target] = await findSolutions([path], cwd);
  return readSolution(target!, DEFAULT_LIMITS);
}

describe('reading the shipped example (unpacked layout)', () => {
  it('extracts every fact with locations', async () => {
    const result = await readFirst(example);
    if (!result.ok) throw new Error(result.unreadable.reason);
    const s = result.solution;
    expect(s).toMatchObject({
      path: 'examples/contoso-invoices/src',
      layout: 'unpacked',
      uniqueName: 'ContosoInvoices',
      version: '1.4.0.2',
      managed: 'both',
    });
    expect(s.connectionReferences.map((r) => [r.logicalName, r.custom, r.location.line])).toEqual([
      ['contoso_sharedcommondataserviceforapps_7f3a1', false, 16],
      ['contoso_sharedcontoso5ferp5f0a1b2c3d4e5f6a7b_c1d2e', true, 37],
      ['contoso_sharedoffice365_2b9c4', false, 23],
      ['contoso_sharedsharepointonline_9d8e7', false, 30],
    ]);
    expect(s.connectionReferences[0]!.location.file).toBe(
      'examples/contoso-invoices/src/Other/Customizations.xml',
    );
    expect(s.flows.map((f) => [f.name, f.connections.map((c) => c.connectionReference)])).toEqual([
      ['Invoice | Notify approvers', [null, 'contoso_sharedteams_shared']],
      [
        'Invoice | Route new invoice',
        [
          'contoso_sharedcommondataserviceforapps_7f3a1',
          'contoso_sharedcontoso5ferp5f0a1b2c3d4e5f6a7b_c1d2e',
          'contoso_sharedoffice365_2b9c4',
        ],
      ],
    ]);
    expect(s.canvasApps).toHaveLength(1);
    expect(s.canvasApps[0]!.connectors.map((c) => c.custom)).toEqual([true, false]);
    expect(s.environmentVariables.map((v) => [v.schemaName, v.type, v.defaultValue])).toEqual([
      ['contoso_ApprovalThreshold', 'Number', '5000'],
      ['contoso_ErpSettings', 'JSON', undefined],
      ['contoso_InvoiceSiteUrl', 'String', undefined],
    ]);
    expect(s.missingDependencies).toEqual([
      {
        kind: 'connectionreference',
        name: 'contoso_sharedteams_shared',
        displayName: 'contoso_sharedteams_shared',
      },
    ]);
  });

  it('finds the root from Other/, from Solution.xml, and from a parent folder', async () => {
    for (const path of [
      'examples/contoso-invoices/src/Other',
      'examples/contoso-invoices/src/Other/Solution.xml',
      'examples/contoso-invoices',
      'examples/*/src',
    ]) {
      const targets = await findSolutions([path], repoRoot);
      expect(targets.map((t) => t.reportPath)).toEqual(['examples/contoso-invoices/src']);
    }
  });

  it('rejects a path that does not exist and a glob that matches nothing', async () => {
    await expect(findSolutions(['no/such/solution.zip'], repoRoot)).rejects.toThrow(UsageError);
    await expect(findSolutions(['examples/*/nothing-*'], repoRoot)).rejects.toThrow(
      /no solution matches/,
    );
  });
});

describe('zip layout', () => {
  async function zipOf(
    folder: string,
    files: Record<string, string | Uint8Array>,
  ): Promise<string> {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    const path = join(folder, 'Solution.zip');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    return path;
  }

  const solutionXml = `<ImportExportXml><SolutionManifest><UniqueName>Zipped</UniqueName><Version>2.0.0.0</Version><Managed>1</Managed></SolutionManifest></ImportExportXml>`;
  const customizations = (refs: string) =>
    `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml>\n<Workflows>\n<Workflow WorkflowId="{AAAA}" Name="Flow &amp; friends"><JsonFileName>/Workflows/Flow-AAAA.json</JsonFileName><Category>5</Category></Workflow>\n<Workflow WorkflowId="{BBBB}" Name="Classic"><XamlFileName>/Workflows/Classic.xaml</XamlFileName><Category>0</Category></Workflow>\n</Workflows>\n<connectionreferences>\n${refs}</connectionreferences>\n</ImportExportXml>`;
  const reference = `<connectionreference connectionreferencelogicalname="new_sharedoffice365_1">\n<connectionreferencedisplayname>Office</connectionreferencedisplayname>\n<connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid>\n</connectionreference>\n`;

  function utf16(text: string): Uint8Array {
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }

  it('reads a zip with a BOM customizations.xml and a UTF-16LE flow, with zip entry locations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crg-zip-'));
    const flow = JSON.stringify({
      properties: {
        connectionReferences: {
          shared_office365: {
            connection: { connectionReferenceLogicalName: 'new_sharedoffice365_1' },
            api: { name: 'shared_office365' },
          },
        },
      },
    });
    const path = await zipOf(dir, {
      'solution.xml': solutionXml,
      'customizations.xml': customizations(reference),
      'Workflows/Flow-AAAA.json': utf16(flow),
      'CanvasApps/app_DocumentUri.msapp': new Uint8Array(1024),
    });
    const result = await readFirst(path, dir);
    if (!result.ok) throw new Error(result.unreadable.reason);
    expect(result.solution.layout).toBe('zip');
    expect(result.solution.managed).toBe('managed');
    expect(result.solution.flows.map((f) => [f.name, f.location.file])).toEqual([
      ['Flow & friends', 'Solution.zip!/Workflows/Flow-AAAA.json'],
    ]);
    expect(result.solution.connectionReferences[0]!.location).toEqual({
      file: 'Solution.zip!/customizations.xml',
      line: 8,
    });
  });

  it('reads connectionReferences whatever the key order, and still refuses a truncated flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crg-zip-'));
    const references = {
      shared_office365: {
        connection: { connectionReferenceLogicalName: 'new_sharedoffice365_1' },
        api: { name: 'shared_office365', displayName: 'braces } { and "quotes" in a string' },
      },
    };
    const definition = { triggers: { manual: { type: 'Request', note: 'a "}" inside a string' } } };
    const shapes = {
      // The export's own order: the fast path parses only the references.
      export: JSON.stringify({ properties: { connectionReferences: references, definition } }),
      // Another order: parsed whole.
      reordered: JSON.stringify({
        schemaVersion: '1.0.0.0',
        properties: { definition, connectionReferences: references },
      }),
    };
    for (const flow of Object.values(shapes)) {
      const path = await zipOf(dir, {
        'solution.xml': solutionXml,
        'customizations.xml': customizations(reference),
        'Workflows/Flow-AAAA.json': flow,
      });
      const result = await readFirst(path, dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows[0]!.connections).toEqual([
        {
          key: 'shared_office365',
          api: 'shared_office365',
          connectionReference: 'new_sharedoffice365_1',
        },
      ]);
    }
    const truncated = shapes.export.slice(0, shapes.export.length - 20);
    const path = await zipOf(dir, {
      'solution.xml': solutionXml,
      'customizations.xml': customizations(reference),
      'Workflows/Flow-AAAA.json': truncated,
    });
    const result = await readFirst(path, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.unreadable.reason).toMatch(/Flow-AAAA\.json is not valid JSON/);
  });

  it('gives SL001 reasons for broken content, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crg-zip-'));
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'customizations.xml': customizations('') }, /no solution\.xml/],
      [{ 'solution.xml': solutionXml }, /no customizations\.xml/],
      [
        {
          'solution.xml': solutionXml,
          'customizations.xml':
            '<ImportExportXml><connectionreferences><x></connectionreferences></ImportExportXml>',
        },
        /customizations\.xml is not well-formed XML/,
      ],
      [
        {
          'solution.xml': solutionXml,
          'customizations.xml': customizations(''),
          'Workflows/Flow-AAAA.json': '{"properties": ',
        },
        /Flow-AAAA\.json is not valid JSON/,
      ],
      [
        {
          'solution.xml': '<!DOCTYPE x [<!ENTITY a "b">]><ImportExportXml/>',
          'customizations.xml': customizations(''),
        },
        /DOCTYPE/,
      ],
    ];
    for (const [files, reason] of cases) {
      const path = await zipOf(dir, files);
      const result = await readFirst(path, dir);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.unreadable.reason).toMatch(reason);
        expect(result.unreadable.reason).not.toMatch(/\n/);
        expect(result.unreadable.location.file).toMatch(/^Solution\.zip/);
      }
    }
  });

  it('says a file that is not a zip is not a zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crg-zip-'));
    writeFileSync(join(dir, 'notes.zip'), 'hello, I am text');
    const result = await readFirst(join(dir, 'notes.zip'), dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.unreadable.reason).toMatch(
        /^notes\.zip is not a solution: not a zip file.*; give an exported solution \.zip/,
      );
      expect(result.unreadable.reason).not.toMatch(/export the solution again/);
    }
  });
});

describe('folders holding several solutions', () => {
  it('finds every root and zip, does not search below a root, and skips symlinks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crg-mono-'));
    cpSync(example, join(dir, 'apps/invoices/src'), { recursive: true });
    cpSync(example, join(dir, 'apps/payments/SolutionPackage'), { recursive: true });
    mkdirSync(join(dir, 'apps/invoices/src/nested'), { recursive: true });
    writeFileSync(join(dir, 'apps/invoices/src/nested/ignored.zip'), 'not searched');
    mkdirSync(join(dir, 'releases'));
    writeFileSync(join(dir, 'releases/Contoso_1_0_0_1.zip'), 'zip');
    symlinkSync('/etc', join(dir, 'apps/link-out'));
    const targets = await findSolutions(['.'], dir);
    expect(targets.map((t) => [t.kind, t.reportPath])).toEqual([
      ['folder', 'apps/invoices/src'],
      ['folder', 'apps/payments/SolutionPackage'],
      ['zip', 'releases/Contoso_1_0_0_1.zip'],
    ]);
  });
});

describe('markup that only names a section of customizations.xml', () => {
  afterAll(removeTempDirs);

  // Before the real section: a comment, a CDATA section and a processing instruction that name
  // <connectionreferences> and </connectionreferences>, and an element of that name nested
  // deeper, where Dataverse never puts the section. Five lines in all.
  const decoys = [
    '  <!-- <connectionreferences><connectionreference connectionreferencelogicalname="fake_comment"/></connectionreferences> -->',
    '  <?connref-gate </connectionreferences><connectionreferences> ?>',
    '  <Templates><Template><![CDATA[<connectionreferences>',
    '<connectionreference connectionreferencelogicalname="fake_cdata"/>]]></Template></Templates>',
    '  <EntityMaps><connectionreferences><connectionreference connectionreferencelogicalname="fake_nested"/></connectionreferences></EntityMaps>',
  ];

  it('is never taken for the section in an unpacked Other/Customizations.xml: same references, lines moved by the decoys', async () => {
    const dir = tempDir();
    const root = copyExample(dir);
    const path = join(root, 'Other/Customizations.xml');
    const xml = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      xml
        .replace('  <Templates />\n', '')
        .replace('  <EntityMaps />\n', '')
        .replace('  <connectionreferences>', `${decoys.join('\n')}\n  <connectionreferences>`),
    );
    const result = await readOne('solution', dir);
    if (!result.ok) throw new Error(result.unreadable.reason);
    // Two self-closing lines out, five decoy lines in: three lines further down.
    expect(result.solution.connectionReferences.map((r) => [r.logicalName, r.location])).toEqual([
      [
        'contoso_sharedcommondataserviceforapps_7f3a1',
        { file: 'solution/Other/Customizations.xml', line: 19 },
      ],
      [
        'contoso_sharedcontoso5ferp5f0a1b2c3d4e5f6a7b_c1d2e',
        { file: 'solution/Other/Customizations.xml', line: 40 },
      ],
      ['contoso_sharedoffice365_2b9c4', { file: 'solution/Other/Customizations.xml', line: 26 }],
      [
        'contoso_sharedsharepointonline_9d8e7',
        { file: 'solution/Other/Customizations.xml', line: 33 },
      ],
    ]);
  });

  it('is never taken for the section in a zip, for connection references, workflows and canvas apps', async () => {
    const dir = tempDir();
    const xml = customizationsXml().replace(
      '<Workflows>',
      `${decoys.join('\n')}\n<!-- <Workflows></Workflows> <CanvasApps/> -->\n<Workflows>`,
    );
    writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
    const result = await readOne('S.zip', dir);
    if (!result.ok) throw new Error(result.unreadable.reason);
    const { connectionReferences, flows, canvasApps } = result.solution;
    expect(connectionReferences.map((r) => [r.logicalName, r.location])).toEqual([
      ['new_sharedoffice365_1', { file: 'S.zip!/customizations.xml', line: 16 }],
    ]);
    expect(flows.map((f) => f.name)).toEqual(['Hostile flow']);
    expect(canvasApps.map((a) => [a.name, a.location.line])).toEqual([['new_app_1', 13]]);
  });

  it('still refuses a truncated customizations.xml, wherever it is cut', async () => {
    const dir = tempDir();
    const xml = customizationsXml();
    for (const at of [
      xml.indexOf('<Workflows>') + 5,
      xml.indexOf('</connectionreference>'),
      xml.length - 3,
    ]) {
      writeZip(
        dir,
        'S.zip',
        solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml.slice(0, at) }),
      );
      expectUnreadable(
        await readOne('S.zip', dir),
        'S.zip!/customizations.xml',
        /not well-formed XML \(line \d+: .*(never closed|truncated)/,
      );
    }
  });
});
