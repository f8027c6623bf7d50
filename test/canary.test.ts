// Canary: values that came from placeholder substitution are secret (SPEC section 4). They are
// planted where rules are most tempted to quote them (a wrong connector, a stale or duplicate
// entry, a value of the wrong type, a placeholder left half-substituted, a value that cannot be a
// connection id) and must never appear in any output: every format on stdout and in files, the
// job summary, the pull-request comment body, stderr.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import {
  formatPullRequestComment,
  formatReport,
  OUTPUT_FORMATS,
} from '../src/core/format/index.js';
import { runGate } from '../src/core/gate.js';
import {
  removeTempDirs,
  solutionXml,
  tempDir,
  writeExtracted,
  writeFile,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

const ENV = {
  CANARY: 'canary-7d6c5b4a',
  SECRET_VALUE: 'secret-value-3f9e1c',
  // JSON with a syntax error whose message would quote the key, and a number-looking secret.
  SECRET_JSON: '{"canary-json-5e4d" 1}',
  SECRET_BOOL: 'canary-bool-8a2b',
  SECRET_URL: 'https://canary-url-6c1d.example/connections/abc',
  // Shorter than the length the redaction pass masks: only not printing it at all keeps it out.
  SHORT: 'q7z',
};
const SECRETS = [
  'canary-7d6c5b4a',
  'secret-value-3f9e1c',
  'canary-json-5e4d',
  'canary-bool-8a2b',
  'canary-url-6c1d',
  'q7z',
];

const reference = (name: string, api: string) =>
  `<connectionreference connectionreferencelogicalname="${name}"><connectionreferencedisplayname>${name}</connectionreferencedisplayname><connectorid>/providers/Microsoft.PowerApps/apis/${api}</connectorid></connectionreference>`;

const variable = (name: string, type: number) =>
  `<environmentvariabledefinition schemaname="${name}"><type>${type}</type></environmentvariabledefinition>`;

function canarySolution(dir: string): string {
  const root = join(dir, 'solution');
  writeExtracted(root, {
    'solution.xml': solutionXml,
    'customizations.xml': `<ImportExportXml><connectionreferences>
${reference('new_office', 'shared_office365')}
${reference('new_sharepoint', 'shared_sharepointonline')}
${reference('new_teams', 'shared_teams')}
${reference('new_sql', 'shared_sql')}
${reference('new_short', 'shared_excelonlinebusiness')}
</connectionreferences></ImportExportXml>`,
    'environmentvariabledefinitions/new_Num/environmentvariabledefinition.xml': variable(
      'new_Num',
      100000001,
    ),
    'environmentvariabledefinitions/new_Bool/environmentvariabledefinition.xml': variable(
      'new_Bool',
      100000002,
    ),
    'environmentvariabledefinitions/new_Json/environmentvariabledefinition.xml': variable(
      'new_Json',
      100000003,
    ),
    'environmentvariabledefinitions/new_Secret/environmentvariabledefinition.xml': variable(
      'new_Secret',
      100000005,
    ),
    'environmentvariabledefinitions/new_Short/environmentvariabledefinition.xml': variable(
      'new_Short',
      100000001,
    ),
  });
  writeFile(
    join(dir, 'settings.json'),
    JSON.stringify(
      {
        ConnectionReferences: [
          // Bound by substitution, for the wrong connector (CR003).
          {
            LogicalName: 'new_office',
            ConnectionId: '#{CANARY}#',
            ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sql',
          },
          // Half substituted: the other placeholder stays (CR002).
          { LogicalName: 'new_sharepoint', ConnectionId: '#{CANARY}#-#{NOT_SET}#' },
          // A substituted value that cannot be a connection id (CR011).
          { LogicalName: 'new_teams', ConnectionId: '$(SECRET_URL)' },
          // Twice (CR005).
          { LogicalName: 'new_sql', ConnectionId: '$(SECRET_VALUE)' },
          { LogicalName: 'new_sql', ConnectionId: 'prefix-$(SECRET_VALUE)' },
          { LogicalName: 'new_short', ConnectionId: '#{SHORT}#' },
          // Stale (CR004).
          { LogicalName: 'new_gone', ConnectionId: '#{CANARY}#' },
        ],
        EnvironmentVariables: [
          // Values of the wrong type (EV003).
          { SchemaName: 'new_Num', Value: '$(SECRET_VALUE)' },
          { SchemaName: 'new_Bool', Value: '$(SECRET_BOOL)' },
          { SchemaName: 'new_Json', Value: '$(SECRET_JSON)' },
          { SchemaName: 'new_Secret', Value: '#{CANARY}#' },
          { SchemaName: 'new_Short', Value: '$(SHORT)' },
          // Stale (EV004) and twice (EV005).
          { SchemaName: 'new_Gone', Value: '#{CANARY}#' },
          { SchemaName: 'new_Num', Value: '#{CANARY}#' },
        ],
      },
      null,
      2,
    ),
  );
  return root;
}

function expectNoSecret(where: string, text: string): void {
  for (const secret of SECRETS) {
    expect(text.includes(secret), `${where} holds the secret ${secret}`).toBe(false);
  }
}

describe('canary: substituted secrets never appear in any output', () => {
  it('the checks fire where the secrets are (so the canary is meaningful)', async () => {
    const dir = tempDir();
    canarySolution(dir);
    const outcome = await runGate({
      solutions: ['solution'],
      settings: ['settings.json'],
      cwd: dir,
      env: ENV,
      failOn: 'error',
    });
    const fired = new Set(outcome.report.findings.map((f) => `${f.ruleId} ${f.subject}`));
    for (const expected of [
      'CR003 new_office',
      'CR002 new_sharepoint',
      'CR005 new_sql',
      'CR004 new_gone',
      'EV003 new_Num',
      'EV003 new_Bool',
      'EV003 new_Json',
      'EV003 new_Secret',
      'EV003 new_Short',
      'EV004 new_Gone',
      'EV005 new_Num',
    ]) {
      expect(fired, expected).toContain(expected);
    }
    expect(outcome.result.secrets.length).toBeGreaterThan(0);
  });

  it('is absent from the report, every format, the job summary and the pull-request comment', async () => {
    const dir = tempDir();
    canarySolution(dir);
    const outcome = await runGate({
      solutions: ['solution'],
      settings: ['settings.json'],
      cwd: dir,
      env: ENV,
      failOn: 'error',
      sarifFile: 'out/report.sarif',
      reportFile: 'out/report.json',
    });
    expectNoSecret('the report object', JSON.stringify(outcome.report));
    for (const format of OUTPUT_FORMATS) {
      expectNoSecret(`format ${format}`, formatReport(outcome.report, format, { failOn: 'error' }));
    }
    expectNoSecret('the job summary', outcome.markdown);
    for (const failOn of ['error', 'warning', 'never'] as const) {
      expectNoSecret(
        `the PR comment (fail-on ${failOn})`,
        formatPullRequestComment(outcome.report, {
          failOn,
          previousBody: '<!-- connref-gate -->\n<!-- connref-gate:state=fail -->',
          runUrl: 'https://example.invalid/run/1',
        }),
      );
    }
    for (const file of readdirSync(join(dir, 'out'))) {
      expectNoSecret(`out/${file}`, readFileSync(join(dir, 'out', file), 'utf8'));
    }
  });

  it('is absent from every CLI output: stdout, stderr, --output, --sarif-file, --report-file', async () => {
    const dir = tempDir();
    canarySolution(dir);
    for (const format of OUTPUT_FORMATS) {
      for (const toFile of [false, true]) {
        let stdout = '';
        let stderr = '';
        const output = `cli-out/${format}-${toFile}`;
        const code = await run(
          [
            'check',
            '--solution',
            'solution',
            '--settings',
            'settings.json',
            '--format',
            format,
            ...(toFile ? ['--output', `${output}.report`] : []),
            '--sarif-file',
            `${output}.sarif`,
            '--report-file',
            `${output}.json`,
          ],
          {
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            env: { ...ENV, FORCE_COLOR: '1' },
            cwd: dir,
            isTTY: true,
          },
        );
        expect(code).toBe(1);
        expectNoSecret(`stdout (${format}, to file ${toFile})`, stdout);
        expectNoSecret(`stderr (${format}, to file ${toFile})`, stderr);
      }
    }
    for (const file of readdirSync(join(dir, 'cli-out'))) {
      expectNoSecret(`cli-out/${file}`, readFileSync(join(dir, 'cli-out', file), 'utf8'));
    }
  });
});
