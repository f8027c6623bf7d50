// End to end: the committed bundle dist/index.js run as the runner runs it (see
// test/helpers/github-action.ts) on a pull request: working-directory, rules and fail-on, bad
// inputs, the resolved settings for pac, command init --check; and the layout of dist/.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE,
  CANARY,
  CUSTOMIZATIONS,
  ROOT,
  SOLUTION,
  api,
  expectNoCanary,
  lineOf,
  runAction,
  temp,
  useActionBundle,
} from './helpers/github-action.js';

useActionBundle();

describe('dist/index.js on a pull request: inputs, resolved settings, init --check', () => {
  it('honours working-directory, rules and fail-on', async () => {
    const requestsBefore = api.requests.length;
    const result = await runAction({
      'working-directory': 'examples/github-e2e',
      solution: 'solution',
      settings: '../../test/fixtures/github/settings-fail.json',
      rules: 'CR001=warning',
      'fail-on': 'warning',
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(1);
    const line = lineOf(
      CUSTOMIZATIONS,
      'connectionreferencelogicalname="fabrikam_sharedsharepointonline_d3e4f"',
    );
    expect(result.stdout).toContain(
      `::warning title=CR001 fabrikam_sharedsharepointonline_d3e4f,file=${CUSTOMIZATIONS},line=${line}::`,
    );
    expect(result.stdout).toContain(
      '::error::connref-gate: 0 errors, 1 warning at or above fail-on=warning',
    );
    expect(result.outputs).toMatchObject({ result: 'fail', errors: '0', warnings: '1' });
    expect(api.requests.length).toBe(requestsBefore);
    expectNoCanary(result);
  });

  it.each([
    [
      { 'fail-on': 'sometimes' },
      "::error::connref-gate: input 'fail-on' is 'sometimes': use one of error, warning, never",
    ],
    [{ rules: 'CR999=off' }, /^::error::connref-gate: input 'rules': unknown rule id "CR999"/m],
    [{ solution: 'examples/github-e2e/nope.zip' }, /^::error::connref-gate: .*nope\.zip/m],
  ] as const)('fails bad input %j with one line and no stack', async (inputs, expected) => {
    const requestsBefore = api.requests.length;
    const result = await runAction({ solution: SOLUTION, ...inputs });
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    if (typeof expected === 'string') expect(errors[0]).toBe(expected);
    else expect(errors[0]).toMatch(expected);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(result.outputsRaw).toBe('');
    expect(api.requests.length).toBe(requestsBefore);
  });

  it('writes the resolved settings for pac: mode 0600, the substituted canary, and the canary nowhere else', async () => {
    const path = join(temp, 'out', 'resolved.json');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-pass.json',
      'resolved-settings': path,
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(0);
    expect(result.outputs['resolved-settings']).toBe(path);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // The one place the secret must be.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      EnvironmentVariables: [
        {
          SchemaName: 'fabrikam_OrdersSiteUrl',
          Value: 'https://fabrikam.sharepoint.com/sites/orders',
        },
      ],
      ConnectionReferences: [
        {
          LogicalName: 'fabrikam_sharedoffice365_a1b2c',
          ConnectionId: CANARY,
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
        },
        {
          LogicalName: 'fabrikam_sharedsharepointonline_d3e4f',
          ConnectionId: '6f0c2a9e1d4b4c7f8a3e5b2d9c1f0e7a',
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline',
        },
      ],
    });
    expect(result.stdout).toContain(
      `connref-gate: resolved settings written to ${path} (2 connection references, 1 environment variable)`,
    );
    const { ['resolved-settings']: resolved, ...otherFiles } = result.files;
    expect(resolved).toContain(CANARY);
    expectNoCanary({ ...result, files: otherFiles });
  });

  it('writes no resolved settings when the check finds errors, and says why', async () => {
    const path = join(temp, 'out', 'resolved-fail.json');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
      'resolved-settings': path,
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(1);
    expect(result.outputs['resolved-settings']).toBe('');
    expect(existsSync(path)).toBe(false);
    expect(result.stdout).toContain(
      `::warning::connref-gate: resolved settings not written to ${path}: the check found 1 error`,
    );
    expectNoCanary(result);
  });

  it('command init --check passes when the settings are in step, fails with an annotation when not', async () => {
    const requestsBefore = api.requests.length;
    const inStep = await runAction({
      command: 'init --check',
      solution: SOLUTION,
      settings: 'examples/github-e2e/deploymentSettings.json',
    });
    expect(inStep.code).toBe(0);
    expect(inStep.outputsRaw).toContain('result<<');
    expect(inStep.outputs['result']).toBe('pass');
    expect(inStep.stdout).toContain(
      'connref-gate: examples/github-e2e/deploymentSettings.json is up to date with FabrikamOrders 1.0.0.3',
    );

    const settings = 'test/fixtures/github/settings-fail.json';
    const before = readFileSync(join(ROOT, settings), 'utf8');
    const drift = await runAction({ command: 'init --check', solution: SOLUTION, settings });
    expect(drift.code).toBe(1);
    expect(drift.outputs).toEqual({ result: 'fail' });
    expect(drift.stdout).toContain(
      `::error title=connref-gate init --check,file=${settings}::${settings} is out of step with FabrikamOrders: init would add 1 and remove 0 entries.`,
    );
    expect(drift.stdout).toMatch(
      /would add +connection reference +fabrikam_sharedsharepointonline_d3e4f/,
    );
    expect(drift.summary).toContain(
      '| add | connection reference | `fabrikam_sharedsharepointonline_d3e4f` |',
    );
    expect(readFileSync(join(ROOT, settings), 'utf8')).toBe(before);
    // No pull-request comment for a drift check, and no secret anywhere.
    expect(api.requests.length).toBe(requestsBefore);
    expectNoCanary(drift);
  });
});

describe('dist/ layout', () => {
  it('keeps Octokit out of dist/index.js: a chunk beside it, loaded by import() on the comment path only', () => {
    const chunks = readdirSync(join(ROOT, 'dist')).filter((name) =>
      /^[\w-]+\.index\.js$/.test(name),
    );
    expect(chunks.length).toBeGreaterThan(0);
    const main = readFileSync(BUNDLE, 'utf8');
    expect(main).not.toContain('octokit-core.js');
    expect(main).toContain('import("./" + ');
    const octokit = chunks.filter((name) =>
      readFileSync(join(ROOT, 'dist', name), 'utf8').includes('octokit-core.js'),
    );
    expect(octokit).toHaveLength(1);
    // The CLI (dist/cli.js loads dist/cli/) never bundles the GitHub toolkit.
    for (const name of readdirSync(join(ROOT, 'dist', 'cli'))) {
      if (!name.endsWith('.js')) continue;
      const text = readFileSync(join(ROOT, 'dist', 'cli', name), 'utf8');
      expect(text, name).not.toContain('octokit-core.js');
      expect(text, name).not.toContain('@actions/core');
    }
  });
});
