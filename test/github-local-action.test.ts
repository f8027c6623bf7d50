// The documented recipe (CONTRIBUTING.md, "Running the action locally"): GitHub's @github/local-action runs the action
// from source (src/github/main.ts's run()) with the committed .env.example, swapping @actions/core
// and @actions/github for its own stand-ins. It must see the outputs, and print no masked value.
// local-action is a development dependency and runs offline (npm_config_offline).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './helpers/run-node.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const LOCAL_ACTION = join(
  ROOT,
  'node_modules',
  '@github',
  'local-action',
  'bin',
  'local-action.js',
);
const TIMEOUT = 60_000;

let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-local-action-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** `.env.example` with some lines replaced (`NAME=value`) and others added. */
function dotenv(name: string, changes: Record<string, string>): string {
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
  const rest = new Map(Object.entries(changes));
  const out = lines.map((line) => {
    const key = /^([\w.-]+)=/.exec(line)?.[1];
    if (key === undefined || !rest.has(key)) return line;
    const value = rest.get(key)!;
    rest.delete(key);
    return `${key}=${value}`;
  });
  for (const [key, value] of rest) out.push(`${key}=${value}`);
  const file = join(temp, name);
  writeFileSync(file, out.join('\n'));
  return file;
}

/** The recipe's command, with a clean environment (no runner variables of the CI running us). */
async function localAction(envFile: string) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(key)) continue;
    env[key] = value;
  }
  env['npm_config_offline'] = 'true';
  env['NO_COLOR'] = '1';
  env['FORCE_COLOR'] = '0';
  const { code, stdout, stderr } = await runNode(
    LOCAL_ACTION,
    ['run', '.', 'src/github/main.ts', envFile],
    { cwd: ROOT, env },
  );
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
  return { code, stdout: plain(stdout), stderr: plain(stderr) };
}

/** The rows of local-action's "Action Outputs" table. */
function outputsTable(stdout: string): Record<string, string> {
  const section = stdout.slice(stdout.indexOf('Action Outputs'));
  const outputs: Record<string, string> = {};
  for (const match of section.matchAll(/│\s*\d+\s*│\s*'([\w-]+)'\s*│\s*'([^']*)'\s*│/g)) {
    outputs[match[1]!] = match[2]!;
  }
  return outputs;
}

describe('npx local-action run . src/github/main.ts .env', () => {
  it(
    'runs the example solution from .env.example: outputs set, the substituted id never printed',
    async () => {
      const secret = readFileSync(join(ROOT, '.env.example'), 'utf8').match(
        /^FABRIKAM_OFFICE365_CONNECTION=(\S+)$/m,
      )?.[1];
      expect(secret).toMatch(/^[0-9a-f]{32}$/);
      const summary = join(temp, 'summary.md');
      const result = await localAction(
        dotenv('pass.env', { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary }),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const outputs = outputsTable(result.stdout);
      expect(outputs).toMatchObject({
        result: 'pass',
        errors: '0',
        warnings: '0',
        notes: '0',
        'sarif-file': '',
        'resolved-settings': '',
      });
      expect(outputs['report']).toMatch(/connref-gate-report\.json$/);
      const report = JSON.parse(readFileSync(outputs['report']!, 'utf8')) as {
        solutions: { uniqueName: string }[];
      };
      expect(report.solutions.map((s) => s.uniqueName)).toEqual(['FabrikamOrders']);
      expect(result.stdout).toContain('connref-gate: passed with 0 errors, 0 warnings, 0 notes');
      expect(readFileSync(summary, 'utf8')).toContain('FabrikamOrders');
      for (const [where, text] of [
        ['stdout', result.stdout],
        ['report', readFileSync(outputs['report']!, 'utf8')],
        ['summary', readFileSync(summary, 'utf8')],
      ] as const) {
        expect(text.includes(secret!), `the substituted connection id in ${where}`).toBe(false);
      }
    },
    TIMEOUT,
  );

  it(
    'shows findings as annotations and the failure, with the outputs',
    async () => {
      const result = await localAction(
        dotenv('fail.env', {
          INPUT_SETTINGS: 'test/fixtures/github/settings-fail.json',
          RUNNER_TEMP: temp,
        }),
      );
      expect(result.code).toBe(0); // local-action records a failure, it does not exit with it
      expect(result.stdout).toMatch(
        /^::error title=CR001 fabrikam_sharedsharepointonline_d3e4f,file=examples\/github-e2e\/solution\/Other\/Customizations\.xml,line=\d+/m,
      );
      expect(result.stdout).toMatch(/^::error::connref-gate: 2 errors at or above fail-on=error$/m);
      expect(outputsTable(result.stdout)).toMatchObject({ result: 'fail', errors: '2' });
    },
    TIMEOUT,
  );
});
