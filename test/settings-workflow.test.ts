// The settings workflow through the command line: `init` (and `init --check`), then `check
// --resolved-settings` for `pac solution import --settings-file`. Secrets: a substituted value is
// in the resolved file and nowhere else.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/main.js';
import { runGate } from '../src/core/gate.js';
import {
  CONNECTOR_ID,
  LOGICAL_NAME,
  removeTempDirs,
  tempDir,
  write,
  writeUnpackedSolution,
} from './cli-fixtures.js';

afterEach(removeTempDirs);

const CANARY = 'canary-5d4c3b2a-9e8f-resolved';
const posix = process.platform !== 'win32';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string, env: CliIo['env'] = {}): Promise<Captured> {
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

/** The fixture solution plus two environment variables, one of them with a default value. */
function writeSolution(cwd: string): void {
  writeUnpackedSolution(cwd);
  const variable = (name: string, extra = '') =>
    write(
      join(cwd, `src/environmentvariabledefinitions/${name}/environmentvariabledefinition.xml`),
      `<environmentvariabledefinition schemaname="${name}">\n  <type>100000000</type>${extra}\n</environmentvariabledefinition>\n`,
    );
  variable('new_SiteUrl');
  variable('new_Mode', '\n  <defaultvalue>fast</defaultvalue>');
}

function settingsText(connectionId: string, extra: object = {}): string {
  return `${JSON.stringify(
    {
      EnvironmentVariables: [
        { SchemaName: 'new_SiteUrl', Value: 'https://contoso.example/sites/a' },
        { SchemaName: 'new_Mode', Value: null },
        { SchemaName: 'new_Stale', Value: 'old' },
      ],
      ConnectionReferences: [
        {
          LogicalName: LOGICAL_NAME,
          ConnectionId: connectionId,
          ConnectorId: CONNECTOR_ID,
          ConnectionOwner: 'owner@contoso.example',
        },
        { LogicalName: 'new_stale_1', ConnectionId: '0123456789abcdef0123456789abcdef' },
      ],
      ...extra,
    },
    null,
    2,
  )}\n`;
}

function expectOneLine(text: string): void {
  expect(text).toMatch(/^connref-gate: [^\n]+\n$/);
}

describe('connref-gate init', () => {
  it('creates the file, lists the names it added (never values), exit 0; --check then passes', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const created = await cli(['init', '--solution', 'src'], cwd);
    expect(created.code).toBe(0);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(
      /^connref-gate: created deploymentSettings\.json for ContosoCore 1\.0\.0\.4 \(src\)\n/,
    );
    expect(created.stdout).toContain(`  added    connection reference  ${LOGICAL_NAME}\n`);
    expect(created.stdout).toContain('  added    environment variable  new_Mode\n');
    expect(created.stdout).toContain('  3 added, 0 kept, 0 removed\n');
    expect(created.stdout).toContain('next: set ConnectionId of the 1 added connection reference');

    const upToDate = await cli(['init', '--solution', 'src', '--check'], cwd);
    expect(upToDate).toEqual({
      code: 0,
      stdout:
        'connref-gate: deploymentSettings.json is up to date with ContosoCore 1.0.0.4 (src): 1 connection reference, 2 environment variables\n',
      stderr: '',
    });
  });

  it('--check exits 1 and lists what would change, writing nothing', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const path = write(join(cwd, 'ds.json'), settingsText(CANARY));
    const before = readFileSync(path, 'utf8');
    const drift = await cli(['init', '--solution', 'src', '--settings', 'ds.json', '--check'], cwd);
    expect(drift.code).toBe(1);
    expect(drift.stdout.split('\n')).toEqual([
      'connref-gate: ds.json is out of step with ContosoCore 1.0.0.4 (src): init would change it',
      '  would remove  connection reference  new_stale_1',
      '  would remove  environment variable  new_Stale',
      '  0 to add, 2 to remove, 3 kept: run connref-gate init without --check to apply',
      '',
    ]);
    expect(readFileSync(path, 'utf8')).toBe(before);
    const missing = await cli(
      ['init', '--solution', 'src', '--settings', 'config/Prod/ds.json', '--check'],
      cwd,
    );
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/out of step .*: init would create it/);
  });

  it('updates in place, keeping every value, and never prints one', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const path = write(join(cwd, 'ds.json'), settingsText(CANARY));
    const result = await cli(['init', '--solution', 'src', '--settings', 'ds.json'], cwd, {
      CANARY,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('connref-gate: updated ds.json for ContosoCore');
    expect(result.stdout).toContain('  removed  connection reference  new_stale_1\n');
    expect(result.stdout).toContain(`  kept     connection reference  ${LOGICAL_NAME}\n`);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.stdout + result.stderr).not.toContain('owner@contoso.example');
    expect(result.stdout + result.stderr).not.toContain('https://contoso.example');
    const after = JSON.parse(readFileSync(path, 'utf8')) as {
      ConnectionReferences: Record<string, string>[];
    };
    expect(after.ConnectionReferences).toEqual([
      {
        LogicalName: LOGICAL_NAME,
        ConnectionId: CANARY,
        ConnectorId: CONNECTOR_ID,
        ConnectionOwner: 'owner@contoso.example',
      },
    ]);
  });

  it('leaves an unusable settings file alone: one line with the DS001 reason, exit 1', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    const text = '{"ConnectionReferences": {"LogicalName": "x"}}';
    const path = write(join(cwd, 'ds.json'), text);
    const result = await cli(['init', '--solution', 'src', '--settings', 'ds.json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(
      /ds\.json \(line 1, column 26\): "ConnectionReferences" is an object; expected an array.*init does not overwrite/,
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('stops with exit 1 on a solution it cannot read, exit 2 on usage errors', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'broken.zip'), 'not a zip at all');
    const unreadable = await cli(['init', '--solution', 'broken.zip'], cwd);
    expect(unreadable.code).toBe(1);
    expectOneLine(unreadable.stderr);
    expect(unreadable.stderr).toMatch(/broken\.zip.*no settings written/);

    for (const [argv, message] of [
      [['init'], /missing --solution/],
      [['init', '--solution', 'src', 'broken.zip'], /one solution at a time, but 2 were found/],
      [['init', '--solution', 'src', '--settings', 'src/ds.json'], /inside the solution src/],
      [['init', '--solution', 'src', '--settings', 'src'], /inside the solution src/],
      [['init', '--solution', 'src', '--fail-on', 'never'], /not an option of init/],
    ] as const) {
      const result = await cli([...argv], cwd);
      expect(result.code, argv.join(' ')).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('connref-gate check --resolved-settings', () => {
  it('writes the substituted settings, restricted to the solution, mode 0600, and prints only counts', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'ds.json'), settingsText('#{connectionreference.office}#'));
    const env = { CONNECTIONREFERENCE_OFFICE: CANARY };
    const result = await cli(
      [
        'check',
        '--solution',
        'src',
        '--settings',
        'ds.json',
        '--resolved-settings',
        'out/resolved.json',
        '--rule',
        'CR004=off,EV004=off',
      ],
      cwd,
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'connref-gate: resolved settings written to out/resolved.json (1 connection reference, 1 environment variable)\n',
    );
    const path = join(cwd, 'out/resolved.json');
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual({
      EnvironmentVariables: [
        { SchemaName: 'new_SiteUrl', Value: 'https://contoso.example/sites/a' },
      ],
      ConnectionReferences: [
        { LogicalName: LOGICAL_NAME, ConnectionId: CANARY, ConnectorId: CONNECTOR_ID },
      ],
    });
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    // The canary is in the resolved file and nowhere else.
    expect(result.stdout + result.stderr).not.toContain(CANARY);
  });

  it('tightens the mode of an existing file to 0600', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'ds.json'), settingsText('0123456789abcdef0123456789abcdef'));
    const path = write(join(cwd, 'resolved.json'), '{}');
    if (posix) chmodSync(path, 0o644);
    const outcome = await runGate({
      solutions: ['src'],
      settings: ['ds.json'],
      cwd,
      failOn: 'error',
      resolvedSettingsFile: 'resolved.json',
    });
    expect(outcome.written.resolvedSettings).toBe('resolved.json');
    expect(outcome.resolvedSettings).toEqual({ connectionReferences: 1, environmentVariables: 1 });
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when there are errors, says why in one line, and leaves an old file alone', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'ds.json'), settingsText('#{UNSET_VARIABLE}#'));
    const path = write(join(cwd, 'resolved.json'), '{"old": true}');
    const result = await cli(
      [
        'check',
        '--solution',
        'src',
        '--settings',
        'ds.json',
        '--resolved-settings',
        'resolved.json',
        '--format',
        'json',
      ],
      cwd,
    );
    expect(result.code).toBe(1);
    // stdout stays pure JSON; the line about the resolved settings goes to stderr.
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stderr).toBe(
      'connref-gate: resolved settings not written to resolved.json: the check found 1 error, and pac would import these settings with them; the file already there is left as it was and is not from this run\n',
    );
    expect(readFileSync(path, 'utf8')).toBe('{"old": true}');

    // With fail-on never the gate passes, and still nothing is written.
    const never = await runGate({
      solutions: ['src'],
      settings: ['ds.json'],
      cwd,
      failOn: 'never',
      resolvedSettingsFile: 'fresh.json',
    });
    expect(never.failed).toBe(false);
    expect(never.written.resolvedSettings).toBeUndefined();
    expect(never.notWritten?.resolvedSettings).toMatch(
      /not written to fresh\.json: the check found/,
    );
    expect(() => statSync(join(cwd, 'fresh.json'))).toThrow();
  });

  it('with --output, prints the line on stdout after the one-line summary', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'ds.json'), settingsText('0123456789abcdef0123456789abcdef'));
    const result = await cli(
      [
        'check',
        '--solution',
        'src',
        '--settings',
        'ds.json',
        '--output',
        'report.md',
        '--format',
        'markdown',
        '--resolved-settings',
        'r.json',
      ],
      cwd,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe(
      'connref-gate: resolved settings written to r.json (1 connection reference, 1 environment variable)',
    );
  });

  it('needs exactly one solution and one settings file, and a path outside them', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    writeUnpackedSolution(cwd, 'other', 'Other');
    write(join(cwd, 'a.json'), settingsText('x1'));
    write(join(cwd, 'b.json'), settingsText('x1'));
    const base = ['check', '--resolved-settings', 'r.json'];
    for (const [argv, message] of [
      [['--solution', 'src'], /needs exactly one settings file, but none was given/],
      [
        ['--solution', 'src', '--settings', '*.json'],
        /needs exactly one settings file, but 2 were given \(a\.json, b\.json\)/,
      ],
      [
        ['--solution', 'src', 'other', '--settings', 'a.json'],
        /needs exactly one solution, but 2 were given \(other, src\)|needs exactly one solution, but 2 were given \(src, other\)/,
      ],
    ] as const) {
      const result = await cli([...base, ...argv], cwd);
      expect(result.code, argv.join(' ')).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(message);
    }
    for (const [target, message] of [
      ['a.json', /refusing to overwrite the settings file a\.json/],
      ['src/r.json', /inside the solution src/],
    ] as const) {
      const result = await cli(
        ['check', '--solution', 'src', '--settings', 'a.json', '--resolved-settings', target],
        cwd,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const same = await cli(
      [
        'check',
        '--solution',
        'src',
        '--settings',
        'a.json',
        '--resolved-settings',
        'r.json',
        '--sarif-file',
        'r.json',
      ],
      cwd,
    );
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/the resolved settings file and the SARIF file are the same file/);
  });
});

describe('placeholders end to end', () => {
  it('substitutes #{a.b}# from A_B, #{NAME} and $(NAME); one without a value stays for CR002', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(
      join(cwd, 'ds.json'),
      JSON.stringify({
        EnvironmentVariables: [
          { SchemaName: 'new_SiteUrl', Value: 'https://$(Site.Host)/sites/#{site.path}' },
          { SchemaName: 'new_Mode', Value: '#{mode.unset}#' },
        ],
        ConnectionReferences: [
          { LogicalName: LOGICAL_NAME, ConnectionId: '#{connectionreference.office}#' },
        ],
      }),
    );
    const env = {
      CONNECTIONREFERENCE_OFFICE: CANARY,
      SITE_HOST: 'contoso.example',
      'site.path': 'invoices',
    };
    const outcome = await runGate({
      solutions: ['src'],
      settings: ['ds.json'],
      cwd,
      env,
      failOn: 'error',
      reportFile: 'report.json',
      sarifFile: 'report.sarif',
      resolvedSettingsFile: 'resolved.json',
    });
    const settings = outcome.result.settingsFiles[0]!;
    expect(settings.connectionReferences[0]).toMatchObject({ connectionId: CANARY, secret: true });
    expect(settings.environmentVariables[0]).toMatchObject({
      value: 'https://contoso.example/sites/invoices',
      secret: true,
    });
    expect(settings.environmentVariables[1]).toMatchObject({
      value: '#{mode.unset}#',
      secret: false,
    });
    expect(outcome.report.findings.map((f) => `${f.ruleId} ${f.subject}`)).toContain(
      'CR002 new_Mode',
    );
    const cr002 = outcome.report.findings.find((f) => f.ruleId === 'CR002')!;
    expect(cr002.message).toContain('MODE_UNSET');
    // An error, so no resolved file; and the canary is in none of the outputs.
    expect(outcome.written.resolvedSettings).toBeUndefined();
    for (const text of [
      outcome.markdown,
      readFileSync(join(cwd, 'report.json'), 'utf8'),
      readFileSync(join(cwd, 'report.sarif'), 'utf8'),
      outcome.notWritten?.resolvedSettings ?? '',
    ]) {
      expect(text).not.toContain(CANARY);
    }
  });

  it('the resolved file is the only output that holds the canary', async () => {
    const cwd = tempDir();
    writeSolution(cwd);
    write(join(cwd, 'ds.json'), settingsText('#{CANARY}#'));
    writeFileSync(join(cwd, 'keep.txt'), '');
    const outputs: Captured[] = [];
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      outputs.push(
        await cli(
          [
            'check',
            '--solution',
            'src',
            '--settings',
            'ds.json',
            '--format',
            format,
            '--resolved-settings',
            `resolved-${format}.json`,
            '--report-file',
            `report-${format}.json`,
            '--sarif-file',
            `sarif-${format}.sarif`,
          ],
          cwd,
          { CANARY },
        ),
      );
    }
    for (const output of outputs) {
      expect(output.code).toBe(0);
      expect(output.stdout + output.stderr).not.toContain(CANARY);
      expect(output.stderr).toMatch(/resolved settings written to resolved-\w+\.json/);
    }
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      expect(readFileSync(join(cwd, `report-${format}.json`), 'utf8')).not.toContain(CANARY);
      expect(readFileSync(join(cwd, `sarif-${format}.sarif`), 'utf8')).not.toContain(CANARY);
      expect(readFileSync(join(cwd, `resolved-${format}.json`), 'utf8')).toContain(CANARY);
    }
    const init = await cli(['init', '--solution', 'src', '--settings', 'ds.json'], cwd, { CANARY });
    expect(init.stdout + init.stderr).not.toContain(CANARY);
  });
});
