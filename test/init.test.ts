// `connref-gate init`: the core (src/core/init.ts) on small solutions written under os.tmpdir().
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { UsageError } from '../src/core/errors.js';
import { init, InitSolutionError } from '../src/core/init.js';
import { valueEnd } from '../src/core/settings-editor.js';
import { findRule } from '../src/core/rules/index.js';
import { removeTempDirs, tempDir, write } from './cli-fixtures.js';

afterEach(removeTempDirs);

const API = '/providers/Microsoft.PowerApps/apis/';

/** An unpacked solution with two references (b before a in the XML) and two variables. */
function writeSolution(root: string, folder = 'src'): string {
  const dir = join(root, folder);
  write(
    join(dir, 'Other/Solution.xml'),
    `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2" SolutionPackageVersion="9.2" languagecode="1033">
  <SolutionManifest>
    <UniqueName>Fabrikam</UniqueName>
    <Version>2.0.0.1</Version>
    <Managed>0</Managed>
    <RootComponents />
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>
`,
  );
  const reference = (name: string, api: string) => `
    <connectionreference connectionreferencelogicalname="${name}">
      <connectionreferencedisplayname>${name}</connectionreferencedisplayname>
      <connectorid>${API}${api}</connectorid>
      <iscustomizable>1</iscustomizable>
      <statecode>0</statecode>
      <statuscode>1</statuscode>
    </connectionreference>`;
  write(
    join(dir, 'Other/Customizations.xml'),
    `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Workflows />
  <connectionreferences>${reference('fab_teams_b', 'shared_teams')}${reference('fab_office_a', 'shared_office365')}
  </connectionreferences>
</ImportExportXml>
`,
  );
  const variable = (name: string, extra = '') =>
    write(
      join(dir, `environmentvariabledefinitions/${name}/environmentvariabledefinition.xml`),
      `<environmentvariabledefinition schemaname="${name}">
  <displayname default="${name}" />
  <type>100000000</type>${extra}
</environmentvariabledefinition>
`,
    );
  variable('fab_Url');
  variable('fab_Mode', '\n  <defaultvalue>fast</defaultvalue>');
  return dir;
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('init on a new file', () => {
  it('writes the pac shape with every reference and variable, sorted, ConnectionId "" and Value null', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const result = await init({ solution: ['src'], cwd });
    expect(result.solution).toEqual({ uniqueName: 'Fabrikam', version: '2.0.0.1', path: 'src' });
    expect(result.files).toEqual([
      {
        path: 'deploymentSettings.json',
        status: 'created',
        added: {
          connectionReferences: ['fab_office_a', 'fab_teams_b'],
          environmentVariables: ['fab_Mode', 'fab_Url'],
        },
        kept: { connectionReferences: [], environmentVariables: [] },
        removed: { connectionReferences: [], environmentVariables: [] },
        written: true,
      },
    ]);
    const text = read(join(cwd, 'deploymentSettings.json'));
    expect(text).toBe(
      `${JSON.stringify(
        {
          EnvironmentVariables: [
            { SchemaName: 'fab_Mode', Value: null },
            { SchemaName: 'fab_Url', Value: null },
          ],
          ConnectionReferences: [
            {
              LogicalName: 'fab_office_a',
              ConnectionId: '',
              ConnectorId: `${API}shared_office365`,
            },
            { LogicalName: 'fab_teams_b', ConnectionId: '', ConnectorId: `${API}shared_teams` },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('then check gives only CR001 and EV001 (for the variable without a default) from the settings rules', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    await init({ solution: ['src'], cwd });
    const { report } = await check({
      solutions: ['src'],
      settings: ['deploymentSettings.json'],
      cwd,
    });
    const fromSettings = report.findings.filter((f) => findRule(f.ruleId)!.meta.needsSettings);
    expect(fromSettings.map((f) => `${f.ruleId} ${f.subject}`).sort()).toEqual([
      'CR001 fab_office_a',
      'CR001 fab_teams_b',
      'EV001 fab_Url',
    ]);
  });

  it('is a no-op the second time: nothing written, same bytes, same modification time', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    await init({ solution: ['src'], cwd });
    const path = join(cwd, 'deploymentSettings.json');
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const again = await init({ solution: ['src'], cwd });
    expect(again.files[0]).toMatchObject({ status: 'unchanged', written: false });
    expect(again.files[0]!.kept).toEqual({
      connectionReferences: ['fab_office_a', 'fab_teams_b'],
      environmentVariables: ['fab_Mode', 'fab_Url'],
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('creates parent folders, and treats a file of only whitespace as new', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const result = await init({ solution: ['src'], settings: ['config/Test/ds.json'], cwd });
    expect(result.files[0]).toMatchObject({ path: 'config/Test/ds.json', status: 'created' });
    write(join(cwd, 'blank.json'), '  \n');
    const blank = await init({ solution: ['src'], settings: ['blank.json'], cwd });
    expect(blank.files[0]).toMatchObject({ status: 'created', written: true });
    expect(JSON.parse(read(join(cwd, 'blank.json')))).toHaveProperty('ConnectionReferences');
  });
});

describe('init on an existing file', () => {
  const existing = {
    $schema: './schema/deployment-settings.schema.json',
    EnvironmentVariables: [
      { SchemaName: 'fab_Old', Value: 'gone' },
      { SchemaName: 'FAB_URL', Value: 'https://fabrikam.example/sites/a' },
    ],
    ConnectionReferences: [
      {
        LogicalName: 'fab_teams_b',
        ConnectionId: '#{connectionreference.fab_teams_b}#',
        ConnectorId: `${API}shared_teams`,
        ConnectionOwner: 'owner@fabrikam.example',
      },
      { LogicalName: 'fab_stale', ConnectionId: '4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c' },
    ],
  };

  it('keeps values, extra keys and order; removes stale entries; appends missing ones', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const path = write(join(cwd, 'ds.json'), `${JSON.stringify(existing, null, 2)}\n`);
    const result = await init({ solution: ['src'], settings: ['ds.json'], cwd });
    expect(result.files[0]).toMatchObject({
      status: 'updated',
      written: true,
      added: { connectionReferences: ['fab_office_a'], environmentVariables: ['fab_Mode'] },
      kept: { connectionReferences: ['fab_teams_b'], environmentVariables: ['FAB_URL'] },
      removed: { connectionReferences: ['fab_stale'], environmentVariables: ['fab_Old'] },
    });
    expect(JSON.parse(read(path))).toEqual({
      $schema: './schema/deployment-settings.schema.json',
      EnvironmentVariables: [
        { SchemaName: 'FAB_URL', Value: 'https://fabrikam.example/sites/a' },
        { SchemaName: 'fab_Mode', Value: null },
      ],
      ConnectionReferences: [
        existing.ConnectionReferences[0],
        { LogicalName: 'fab_office_a', ConnectionId: '', ConnectorId: `${API}shared_office365` },
      ],
    });
    // Formatted like the rest of the file, which JSON.stringify wrote.
    expect(read(path)).toBe(`${JSON.stringify(JSON.parse(read(path)), null, 2)}\n`);
  });

  it('--check computes the same changes but writes nothing', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const text = `${JSON.stringify(existing, null, 2)}\n`;
    const path = write(join(cwd, 'ds.json'), text);
    const result = await init({ solution: ['src'], settings: ['ds.json'], cwd, check: true });
    expect(result.files[0]).toMatchObject({
      status: 'updated',
      written: false,
      added: { connectionReferences: ['fab_office_a'] },
    });
    expect(read(path)).toBe(text);
    const fresh = await init({ solution: ['src'], settings: ['new.json'], cwd, check: true });
    expect(fresh.files[0]).toMatchObject({ status: 'created', written: false });
    expect(() => statSync(join(cwd, 'new.json'))).toThrow();
  });

  it.each([
    ['4 spaces', 4 as const, '\n'],
    ['a tab', '\t' as const, '\n'],
    ['CRLF line ends', 2 as const, '\r\n'],
  ])('keeps an indentation of %s', async (_name, indent, eol) => {
    const cwd = tempDir();
    writeSolution(cwd);
    const original = {
      EnvironmentVariables: [{ SchemaName: 'fab_Url', Value: 'u' }],
      ConnectionReferences: [
        { LogicalName: 'fab_teams_b', ConnectionId: 'x1', ConnectorId: `${API}shared_teams` },
      ],
    };
    const path = write(
      join(cwd, 'ds.json'),
      JSON.stringify(original, null, indent).replace(/\n/g, eol) + eol,
    );
    await init({ solution: ['src'], settings: ['ds.json'], cwd });
    const after = read(path);
    const expected = {
      EnvironmentVariables: [
        ...original.EnvironmentVariables,
        { SchemaName: 'fab_Mode', Value: null },
      ],
      ConnectionReferences: [
        ...original.ConnectionReferences,
        { LogicalName: 'fab_office_a', ConnectionId: '', ConnectorId: `${API}shared_office365` },
      ],
    };
    expect(after).toBe(JSON.stringify(expected, null, indent).replace(/\n/g, eol) + eol);
  });

  it('keeps a UTF-8 BOM, a missing final newline, single-line entries and PowerShell spacing', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const text =
      '\ufeff{\n    "EnvironmentVariables":  [\n        { "SchemaName":  "fab_Url", "Value":  "u" }\n    ],\n' +
      '    "ConnectionReferences":  [\n\n    ]\n}';
    const path = write(join(cwd, 'ds.json'), text);
    await init({ solution: ['src'], settings: ['ds.json'], cwd });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      '{\n    "EnvironmentVariables":  [\n        { "SchemaName":  "fab_Url", "Value":  "u" },\n' +
        '        { "SchemaName":  "fab_Mode", "Value":  null }\n    ],\n' +
        '    "ConnectionReferences":  [\n' +
        `        { "LogicalName":  "fab_office_a", "ConnectionId":  "", "ConnectorId":  "${API}shared_office365" },\n` +
        `        { "LogicalName":  "fab_teams_b", "ConnectionId":  "", "ConnectorId":  "${API}shared_teams" }\n` +
        '    ]\n}',
    );
  });

  it('keeps a one-line file on one line, and writes UTF-16LE back as UTF-16LE', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const compact = '{"ConnectionReferences":[{"LogicalName":"fab_teams_b","ConnectionId":"c1"}]}';
    const path = write(join(cwd, 'compact.json'), compact);
    await init({ solution: ['src'], settings: ['compact.json'], cwd });
    expect(read(path)).toBe(
      '{"EnvironmentVariables":[{"SchemaName":"fab_Mode","Value":null},{"SchemaName":"fab_Url","Value":null}],' +
        `"ConnectionReferences":[{"LogicalName":"fab_teams_b","ConnectionId":"c1"},{"LogicalName":"fab_office_a","ConnectionId":"","ConnectorId":"${API}shared_office365"}]}`,
    );

    const utf16 = join(cwd, 'utf16.json');
    writeFileSync(
      utf16,
      Buffer.from(`\ufeff${JSON.stringify({ ConnectionReferences: [] })}`, 'utf16le'),
    );
    await init({ solution: ['src'], settings: ['utf16.json'], cwd });
    const bytes = readFileSync(utf16);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const parsed = JSON.parse(bytes.subarray(2).toString('utf16le')) as {
      ConnectionReferences: { LogicalName: string }[];
      EnvironmentVariables: unknown[];
    };
    expect(parsed.ConnectionReferences.map((r) => r.LogicalName)).toEqual([
      'fab_office_a',
      'fab_teams_b',
    ]);
    expect(parsed.EnvironmentVariables).toHaveLength(2);
  });

  it('adds a section the file does not have: variables first, references last', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const path = write(
      join(cwd, 'ds.json'),
      '{\n  "ConnectionReferences": [\n    {\n      "LogicalName": "fab_teams_b",\n      "ConnectionId": "c1"\n    }\n  ]\n}\n',
    );
    await init({ solution: ['src'], settings: ['ds.json'], cwd });
    const text = read(path);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'EnvironmentVariables',
      'ConnectionReferences',
    ]);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('keeps duplicate entries (CR005 reports them) and empties a section the solution no longer needs', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const path = write(
      join(cwd, 'ds.json'),
      JSON.stringify(
        {
          EnvironmentVariables: [
            { SchemaName: 'fab_Url', Value: 'a' },
            { SchemaName: 'fab_Mode', Value: 'b' },
          ],
          ConnectionReferences: [
            { LogicalName: 'fab_teams_b', ConnectionId: 'c1' },
            { LogicalName: 'FAB_TEAMS_B', ConnectionId: 'c2' },
            { LogicalName: 'fab_office_a', ConnectionId: 'c3' },
          ],
        },
        null,
        2,
      ),
    );
    const result = await init({ solution: ['src'], settings: ['ds.json'], cwd });
    expect(result.files[0]!.status).toBe('unchanged');
    expect(result.files[0]!.kept.connectionReferences).toEqual(['fab_teams_b', 'fab_office_a']);
    // A solution without variables: the section becomes [].
    const other = tempDir();
    write(join(other, 'src/Other/Solution.xml'), read(join(cwd, 'src/Other/Solution.xml')));
    write(
      join(other, 'src/Other/Customizations.xml'),
      read(join(cwd, 'src/Other/Customizations.xml')),
    );
    const copy = write(join(other, 'ds.json'), read(path));
    await init({ solution: ['src'], settings: ['ds.json'], cwd: other });
    expect(JSON.parse(read(copy))).toMatchObject({ EnvironmentVariables: [] });
  });
});

describe('init refuses', () => {
  it('to overwrite a settings file it cannot read (DS001), leaving it as it was', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const text = '{"ActivateFlowConfiguration": []}';
    const path = write(join(cwd, 'customDeploymentSettings.json'), text);
    const result = await init({
      solution: ['src'],
      settings: ['customDeploymentSettings.json'],
      cwd,
    });
    expect(result.files[0]).toMatchObject({ status: 'unusable', written: false });
    expect(result.files[0]!.reason).toMatch(/customDeploymentSettings\.json/);
    expect(read(path)).toBe(text);
    write(join(cwd, 'broken.json'), '{"ConnectionReferences": [');
    const broken = await init({ solution: ['src'], settings: ['broken.json'], cwd });
    expect(broken.files[0]!.reason).toMatch(/line 1, column \d+.*not valid JSON/);
  });

  it('to write inside the solution, and several solutions at once', async () => {
    const cwd = tempDir();
    writeSolution(cwd, 'a');
    writeSolution(cwd, 'b');
    await expect(init({ solution: ['a'], settings: ['a/ds.json'], cwd })).rejects.toThrow(
      /refusing to write the settings file a\/ds\.json inside the solution a/,
    );
    await expect(init({ solution: ['.'], cwd })).rejects.toThrow(
      /one solution at a time, but 2 were found \(a, b\)/,
    );
    await expect(init({ solution: ['a', 'b'], cwd })).rejects.toThrow(UsageError);
    await expect(init({ solution: ['a'], settings: ['nope/*.json'], cwd })).rejects.toThrow(
      /no settings file matches nope\/\*\.json/,
    );
    await expect(init({ solution: ['missing'], cwd })).rejects.toThrow(/solution not found/);
  });

  it('a solution it cannot read, with the SL001 reason', async () => {
    const cwd = tempDir();
    write(join(cwd, 'broken.zip'), 'not a zip');
    await expect(init({ solution: ['broken.zip'], cwd })).rejects.toThrow(InitSolutionError);
  });
});

describe('valueEnd', () => {
  it('finds the end of strings with escapes, nested values and literals', () => {
    const text = '{"a": "x\\"}", "b": [1, {"c": "]"}], "d": null}';
    expect(text.slice(6, valueEnd(text, 6))).toBe('"x\\"}"');
    const b = text.indexOf('[');
    expect(text.slice(b, valueEnd(text, b))).toBe('[1, {"c": "]"}]');
    const d = text.indexOf('null');
    expect(text.slice(d, valueEnd(text, d))).toBe('null');
    expect(valueEnd(text, 0)).toBe(text.length);
  });
});
