// What the runner reads from the action, written by the real @actions/core: the workflow commands
// on stdout (annotations, masks, groups), the GITHUB_OUTPUT file and the job summary. Runs
// src/github/main.ts in-process on the example solution with a settings file whose stale entry
// carries hostile text (the runner's command syntax, line breaks, `%`, `,` and `:`) in its name and
// its file name, and a substituted secret. Nothing is mocked: these are the bytes a runner parses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/github/main.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOLUTION = join(ROOT, 'examples', 'github-e2e', 'solution');
const SECRET = 'c0ffee-secret-connection-4d2a';
/** A logical name that tries to end the command and start another, on the same and a new line. */
const HOSTILE = 'evil%25,a:b::error::injected\r\n::warning::second';
/** A settings file name with the two characters that separate annotation properties. */
const SETTINGS_NAME = 'dev,stage:1.json';

let workspace: string;
let runnerFiles: string;
let outputFile: string;
let summaryFile: string;
const saved = { ...process.env };

beforeAll(() => {
  // One summary file for the whole file: @actions/core's `summary` keeps the first path it sees.
  runnerFiles = mkdtempSync(join(tmpdir(), 'connref-gate-runner-'));
  outputFile = join(runnerFiles, 'github_output');
  summaryFile = join(runnerFiles, 'step_summary');
});

afterAll(() => {
  rmSync(runnerFiles, { recursive: true, force: true });
});

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'connref-gate-protocol-'));
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  }
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    PROTOCOL_TEST_CONNECTION: SECRET,
  });
  const settings = {
    EnvironmentVariables: [
      { SchemaName: 'fabrikam_OrdersSiteUrl', Value: 'https://fabrikam.example/sites/orders' },
    ],
    ConnectionReferences: [
      {
        LogicalName: 'fabrikam_sharedoffice365_a1b2c',
        ConnectionId: '#{PROTOCOL_TEST_CONNECTION}#',
        ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
      },
      {
        LogicalName: 'fabrikam_sharedsharepointonline_d3e4f',
        ConnectionId: '6f0c2a9e1d4b4c7f8a3e5b2d9c1f0e7a',
        ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline',
      },
      { LogicalName: HOSTILE, ConnectionId: 'x', ConnectorId: '' },
    ],
  };
  mkdirSync(join(workspace, 'config'));
  writeFileSync(join(workspace, 'config', SETTINGS_NAME), JSON.stringify(settings, null, 2));
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs the action with the given inputs; returns stdout as the runner would read it. */
async function runAction(inputs: Record<string, string>): Promise<string> {
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  }
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return stdout;
}

/** The `name<<delimiter` records of GITHUB_OUTPUT, as the runner reads them. */
function readOutputs(): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(outputFile, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

describe('the runner protocol through @actions/core', () => {
  it('escapes untrusted text in annotations so that it cannot start or split a command', async () => {
    const stdout = await runAction({
      solution: SOLUTION,
      settings: `config/${SETTINGS_NAME}`,
      'fail-on': 'warning',
      'comment-on-pr': 'false',
    });
    const lines = stdout.split(/\r?\n/);
    const warnings = lines.filter((line) => line.startsWith('::warning '));
    expect(warnings).toHaveLength(1);
    const warning = warnings[0]!;
    // The core shows the line break as the text `\r\n`; @actions/core escapes `%` everywhere and
    // `,` and `:` in properties, where they would end the property or start the message.
    const name = 'evil%2525,a:b::error::injected\\r\\n::warning::second';
    const title = 'evil%2525%2Ca%3Ab%3A%3Aerror%3A%3Ainjected\\r\\n%3A%3Awarning%3A%3Asecond';
    expect(warning.startsWith(`::warning title=CR004 ${title},`)).toBe(true);
    expect(warning).toMatch(/,file=config\/dev%2Cstage%3A1\.json,line=\d+,col=\d+::/);
    expect(warning).toContain(`::The deployment settings name connection reference ${name}, which`);
    // The only commands are ours: the injected `::error::` and `::warning::` start no line.
    expect(lines.filter((line) => line.startsWith('::error'))).toEqual([
      '::error::connref-gate: 0 errors, 1 warning at or above fail-on=warning',
    ]);
    expect(lines.some((line) => line.startsWith('::warning::second'))).toBe(false);
    expect(process.exitCode).toBe(1);

    // The report holds the same one-line form of the name.
    const outputs = readOutputs();
    const report = JSON.parse(readFileSync(outputs['report']!, 'utf8')) as {
      findings: { ruleId: string; subject: string }[];
    };
    expect(report.findings.map((f) => [f.ruleId, f.subject])).toEqual([
      ['CR004', HOSTILE.replace('\r\n', '\\r\\n')],
    ]);
  });

  it('masks a substituted value before anything else and writes it nowhere', async () => {
    const stdout = await runAction({
      solution: SOLUTION,
      settings: `config/${SETTINGS_NAME}`,
      rules: 'CR004=off',
      'comment-on-pr': 'false',
    });
    const lines = stdout.split(/\r?\n/);
    expect(lines[0]).toBe(`::add-mask::${SECRET}`);
    expect(lines.filter((line) => line.includes(SECRET))).toEqual([`::add-mask::${SECRET}`]);
    const outputs = readOutputs();
    expect(outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0', notes: '0' });
    for (const [where, text] of [
      ['GITHUB_OUTPUT', readFileSync(outputFile, 'utf8')],
      ['job summary', readFileSync(summaryFile, 'utf8')],
      ['report', readFileSync(outputs['report']!, 'utf8')],
    ] as const) {
      expect(text.includes(SECRET), `secret in ${where}`).toBe(false);
    }
    expect(readFileSync(summaryFile, 'utf8')).toContain('FabrikamOrders');
    expect(process.exitCode).toBeUndefined();
  });

  it('fails in one escaped line on a bad input, with no output set', async () => {
    const stdout = await runAction({ solution: SOLUTION, 'fail-on': 'errors\n::error::x' });
    expect(stdout.split(/\r?\n/).filter(Boolean)).toEqual([
      "::error::connref-gate: input 'fail-on' is 'errors ::error::x': use one of error, warning, never",
    ]);
    expect(readFileSync(outputFile, 'utf8')).toBe('');
    expect(process.exitCode).toBe(1);
  });
});
