// Names a pull request writes end up in logs, where a line that starts with `::` (GitHub Actions)
// or `##vso[` / `##[` (Azure Pipelines) is a command to the runner. A line break inside a name
// (a zip entry or file named `a\n::error::x.json`, an XML attribute holding `&#10;`) must never
// start such a line in any output format.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { OUTPUT_FORMATS } from '../src/core/format/index.js';
import {
  FLOW_FILE,
  HOSTILE_TIMEOUT,
  POSIX,
  customizationsXml,
  flowJson,
  removeTempDirs,
  solutionEntries,
  solutionXml,
  tempDir,
  writeExtracted,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

const COMMAND_LINE = /^\s*(::|##vso\[|##\[)/m;

const forgedCustomizations = customizationsXml()
  .replace(
    'connectionreferencelogicalname="new_sharedoffice365_1"',
    'connectionreferencelogicalname="new_x&#10;::error file=a::forged&#13;&#10;##vso[task.prependpath]/tmp&#x2028;"',
  )
  .replace('Name="Hostile flow"', 'Name="Flow&#10;::warning::forged"')
  .replace('<DisplayName>App</DisplayName>', '<DisplayName>App&#10;##[error]forged</DisplayName>');

const direct = '{"properties":{"connectionReferences":{"x":{"connection":{},"api":{"name":"x"}}}}}';

describe('output: names cannot forge runner commands', () => {
  it.skipIf(!POSIX)(
    'keeps every name on its line in every format (folder and zip)',
    async () => {
      const dir = tempDir();
      writeExtracted(join(dir, 'folder'), {
        'solution.xml': solutionXml,
        'customizations.xml': forgedCustomizations,
        [FLOW_FILE]: flowJson,
        'Workflows/a\n::notice::forged.json': direct,
        'Workflows/b\r##vso[task.setvariable variable=x]y.json': direct,
      });
      writeZip(join(dir, 'zips'), 'S.zip', [
        ...solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': forgedCustomizations }),
        { name: 'Workflows/c\n::error::forged.json', data: direct },
        { name: 'Workflows/d\n##[error]forged.json', data: '{' },
      ]);
      writeExtracted(join(dir, 'mono', 'e\n::error::forged'), {
        'solution.xml': solutionXml,
        'customizations.xml': forgedCustomizations,
      });
      writeExtracted(join(dir, 'mono'), {
        'f\n##vso[task.complete result=Succeeded]x.zip': 'not a zip',
      });
      // Stale settings entries are printed by name (CR004, EV004).
      writeExtracted(dir, {
        'settings.json': JSON.stringify({
          ConnectionReferences: [
            { LogicalName: 'gone\n::error::forged', ConnectionId: 'x1' },
            { LogicalName: 'gone2\r\n##vso[task.setvariable variable=a]b', ConnectionId: 'x1' },
          ],
          EnvironmentVariables: [{ SchemaName: 'gone\u2028##[error]forged', Value: 'v' }],
        }),
      });
      for (const solution of ['folder', 'zips/S.zip', 'mono']) {
        for (const format of OUTPUT_FORMATS) {
          let out = '';
          const code = await run(
            ['check', '--solution', solution, '--settings', 'settings.json', '--format', format],
            {
              stdout: { write: (text: string) => (out += text) },
              stderr: { write: (text: string) => (out += text) },
              env: {},
              cwd: dir,
              isTTY: false,
            },
          );
          expect(code, out).toBe(1);
          expect(out).toContain('forged');
          expect(out, `${solution} ${format}`).not.toMatch(COMMAND_LINE);
          expect(out).not.toMatch(/[\u2028\u2029]/);
        }
      }
    },
    HOSTILE_TIMEOUT,
  );
});
