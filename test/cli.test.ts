import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELP, parseArgs, run, type CliIo } from '../src/cli/main.js';
import { VERSION } from '../src/core/version.js';
import {
  LOGICAL_NAME,
  removeTempDirs,
  tempDir,
  writeSettings,
  writeUnpackedSolution,
} from './cli-fixtures.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

afterEach(removeTempDirs);

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], io: Partial<CliIo> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: io.cwd ?? tempDir(),
    isTTY: false,
    ...io,
  });
  return { code, stdout, stderr };
}

/** A usage error: exit 2, nothing on stdout, exactly one line on stderr and no stack. */
function expectUsageError(result: Captured, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^connref-gate: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('cli: help, version and usage errors', () => {
  it('prints help with --help, -h and help, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(HELP);
      expect(result.stderr).toBe('');
    }
    expect(HELP).toContain('--fail-on');
    expect(HELP).toContain('Exit codes');
  });

  it('prints the version', async () => {
    const result = await cli(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('rejects an unknown option', async () => {
    expectUsageError(await cli(['check', '--solution', 'x', '--bogus']), /unknown option --bogus/);
    expectUsageError(await cli(['check', '-z']), /unknown option -z/);
  });

  it('rejects a bad --fail-on, --format or --rule', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    expectUsageError(
      await cli(['check', '--solution', 'src', '--fail-on', 'sometimes'], { cwd }),
      /bad --fail-on sometimes: use error, warning, never/,
    );
    expectUsageError(
      await cli(['check', '--solution', 'src', '--format', 'xml'], { cwd }),
      /bad --format xml/,
    );
    expectUsageError(
      await cli(['check', '--solution', 'src', '--rule', 'XX001=off'], { cwd }),
      /unknown rule id "XX001"/,
    );
    expectUsageError(
      await cli(['check', '--solution', 'src', '--rule', 'CR001=loud'], { cwd }),
      /bad severity/,
    );
  });

  it('rejects a missing value, a missing --solution, a missing command and an unknown one', async () => {
    expectUsageError(await cli(['check', '--solution']), /--solution needs a value/);
    expectUsageError(await cli(['check', '--format', '--solution', 'x']), /--format needs a value/);
    expectUsageError(await cli(['check']), /missing --solution/);
    expectUsageError(await cli([]), /missing command/);
    expectUsageError(await cli(['lint']), /unknown command lint/);
    expectUsageError(
      await cli(['check', '--format', 'json', '--format', 'text']),
      /more than once/,
    );
    expectUsageError(await cli(['check', 'stray']), /unexpected argument stray/);
  });

  it('reports a path that does not exist with exit 2', async () => {
    expectUsageError(await cli(['check', '--solution', 'no/such/solution.zip']), /not found/);
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    expectUsageError(
      await cli(['check', '--solution', 'src', '--settings', 'missing.json'], { cwd }),
      /not found: missing\.json/,
    );
  });

  it('rejects an option of the other command', async () => {
    expectUsageError(
      await cli(['init', '--solution', 'x', '--format', 'json']),
      /option --format is not an option of init/,
    );
    expectUsageError(
      await cli(['check', '--solution', 'x', '--check']),
      /option --check is not an option of check/,
    );
  });
});

describe('cli: parseArgs', () => {
  it('takes every path an unquoted shell glob expands to, and --opt=value', () => {
    const args = parseArgs([
      'check',
      '--solution',
      'a.zip',
      'b.zip',
      '--settings=s.json',
      '--rule',
      'CR010=off',
      '--rule=CR009=note',
    ]);
    expect(args.positionals).toEqual(['check']);
    expect(args.values.get('solution')).toEqual(['a.zip', 'b.zip']);
    expect(args.values.get('settings')).toEqual(['s.json']);
    expect(args.values.get('rule')).toEqual(['CR010=off', 'CR009=note']);
  });
});

describe('cli: check end to end', () => {
  it('fails with exit 1 and prints text findings for an unbound reference', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const result = await cli(['check', '--solution', 'src'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('ContosoCore 1.0.0.4 (unmanaged) src');
    expect(result.stdout).toContain(`error    CR001  ${LOGICAL_NAME}`);
    expect(result.stdout).toContain('src/Other/Customizations.xml:5');
    expect(result.stdout).not.toMatch(new RegExp(String.fromCharCode(27)));
  });

  it('passes with exit 0 when the settings bind the reference', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    writeSettings(join(cwd, 'config/dev.json'), '0123456789abcdef0123456789abcdef');
    const result = await cli(['check', '--solution', 'src', '--settings', 'config/*.json'], {
      cwd,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 errors');
  });

  it('follows --fail-on and --rule', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    expect((await cli(['check', '--solution', 'src', '--fail-on', 'never'], { cwd })).code).toBe(0);
    expect((await cli(['check', '--solution', 'src', '--rule', 'CR001=off'], { cwd })).code).toBe(
      0,
    );
    const warned = await cli(
      ['check', '--solution', 'src', '--rule', 'CR001=warning', '--fail-on', 'warning'],
      { cwd },
    );
    expect(warned.code).toBe(1);
    expect(warned.stdout).toContain('warning  CR001');
  });

  it('prints the JSON report of SPEC section 5, byte-identical across runs', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const first = await cli(['check', '--solution', 'src', '--format', 'json'], { cwd });
    const second = await cli(['check', '--solution', 'src', '--format', 'json'], { cwd });
    expect(first.stdout).toBe(second.stdout);
    const report = JSON.parse(first.stdout);
    expect(report.solutions[0]).toMatchObject({ path: 'src', uniqueName: 'ContosoCore' });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'CR001',
      subject: LOGICAL_NAME,
      location: { file: 'src/Other/Customizations.xml', line: 5 },
    });
  });

  it('prints SARIF and markdown', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const sarif = await cli(['check', '--solution', 'src', '--format', 'sarif'], { cwd });
    expect(JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/Other/Customizations.xml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5 },
    });
    const markdown = await cli(['check', '--solution', 'src', '--format', 'markdown'], { cwd });
    expect(markdown.stdout).toMatch(/^## ❌ connref-gate: fails the gate/);
  });

  it('writes --output, --sarif-file and --report-file instead of printing the report', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const result = await cli(
      [
        'check',
        '--solution',
        'src',
        '--format',
        'json',
        '--output',
        'out/report.json',
        '--sarif-file',
        'out/results.sarif',
        '--report-file',
        'out/copy.json',
      ],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'connref-gate: wrote the json report to out/report.json: 1 error, 0 warnings, 1 note\n',
    );
    const written = readFileSync(join(cwd, 'out/report.json'), 'utf8');
    expect(JSON.parse(written).summary.errors).toBe(1);
    expect(readFileSync(join(cwd, 'out/copy.json'), 'utf8')).toBe(written);
    expect(existsSync(join(cwd, 'out/results.sarif'))).toBe(true);
  });

  it('refuses an --output inside the solution', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    expectUsageError(
      await cli(['check', '--solution', 'src', '--output', 'src/report.txt'], { cwd }),
      /inside the solution src/,
    );
  });

  it('colours text on a TTY, not with NO_COLOR, always with FORCE_COLOR', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const esc = String.fromCharCode(27);
    const argv = ['check', '--solution', 'src'];
    expect((await cli(argv, { cwd, isTTY: true })).stdout).toContain(esc);
    expect((await cli(argv, { cwd, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      esc,
    );
    expect((await cli(argv, { cwd, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
  });

  it('never prints a substituted value', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    writeSettings(join(cwd, 'settings.json'), '#{CONN_ID}#');
    const secret = 'canary-secret-4b1d';
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const result = await cli(
        ['check', '--solution', 'src', '--settings', 'settings.json', '--format', format],
        { cwd, env: { CONN_ID: secret } },
      );
      expect(result.stdout + result.stderr).not.toContain(secret);
    }
  });

  it('checks every solution in a folder that holds several', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd, 'solutions/a', 'Alpha');
    writeUnpackedSolution(cwd, 'solutions/b', 'Beta');
    const result = await cli(['check', '--solution', 'solutions', '--format', 'json'], { cwd });
    const report = JSON.parse(result.stdout);
    expect(report.solutions.map((s: { uniqueName: string }) => s.uniqueName)).toEqual([
      'Alpha',
      'Beta',
    ]);
    expect(report.summary.errors).toBe(2);
  });
});

describe.skipIf(!hasCorpus)('cli: corpus', () => {
  it('reports 2 CR001 for the ScheduledQuoteEmail zip', async () => {
    const cwd = join(corpusDir, 'pnp-powerautomate-samples/ScheduledQuoteEmail-d365goddess');
    const result = await cli(
      ['check', '--solution', 'solution/scheduledquoteemail.zip', '--format', 'json'],
      { cwd },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CR001', 'CR001']);
    expect(report.findings[0].location.file).toMatch(
      /^solution\/scheduledquoteemail\.zip!\/customizations\.xml$/,
    );
    const sarif = await cli(
      ['check', '--solution', 'solution/scheduledquoteemail.zip', '--format', 'sarif'],
      { cwd },
    );
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'solution/scheduledquoteemail.zip',
    );
    expect(results[0].message.text).toMatch(/\(in customizations\.xml, line \d+\)$/);
  });
});
