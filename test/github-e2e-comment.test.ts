// End to end: the committed bundle dist/index.js run as the runner runs it (see
// test/helpers/github-action.ts) on a pull request: it fails the gate and creates the comment,
// passes after the fix and updates that comment in place, survives a 403 on the comment, and
// comments on no push event. The tests run in order: the second updates the first one's comment.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CANARY,
  CUSTOMIZATIONS,
  MARKER,
  SOLUTION,
  api,
  expectNoCanary,
  lineOf,
  runAction,
  temp,
  useActionBundle,
} from './helpers/github-action.js';

useActionBundle();

function commentRequests() {
  return api.requests.filter((r) => r.method !== 'GET');
}

describe('dist/index.js on a pull request: the comment', () => {
  beforeEach(() => {
    api.failWith = undefined;
  });

  it('fails the gate: annotations, outputs, summary, SARIF, report, and creates the comment', async () => {
    const sarif = join(temp, 'out', 'gate.sarif');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
      'sarif-file': sarif,
    });

    expect(result.code).toBe(1);
    const line = lineOf(
      CUSTOMIZATIONS,
      'connectionreferencelogicalname="fabrikam_sharedsharepointonline_d3e4f"',
    );
    expect(result.stdout).toContain(
      `::error title=CR001 fabrikam_sharedsharepointonline_d3e4f,file=${CUSTOMIZATIONS},line=${line}::`,
    );
    const lines = result.stdout.split('\n');
    const errorLines = lines.filter((l) => l.startsWith('::error '));
    expect(errorLines).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::warning') || l.startsWith('::notice'))).toEqual([]);
    // The secret is registered before anything else is printed.
    expect(lines[0]).toBe(`::add-mask::${CANARY}`);
    expect(lines.filter((l) => l.startsWith('::add-mask::'))).toEqual([`::add-mask::${CANARY}`]);
    expect(lines).toContain('::error::connref-gate: 1 error at or above fail-on=error');

    expect(result.outputs).toMatchObject({
      result: 'fail',
      errors: '1',
      warnings: '0',
      notes: '0',
      'sarif-file': sarif,
      'resolved-settings': '',
    });
    expect(result.outputs['report']).toMatch(
      /runner-temp[\\/]connref-gate-[^\\/]+[\\/]connref-gate-report\.json$/,
    );
    const report = JSON.parse(result.files['report']!) as {
      findings: { ruleId: string; subject: string; location?: { file: string; line?: number } }[];
      summary: { errors: number };
    };
    expect(report.summary.errors).toBe(1);
    expect(report.findings).toMatchObject([
      {
        ruleId: 'CR001',
        subject: 'fabrikam_sharedsharepointonline_d3e4f',
        location: { file: CUSTOMIZATIONS, line },
      },
    ]);
    const sarifJson = JSON.parse(result.files['sarif-file']!) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarifJson.version).toBe('2.1.0');
    expect(sarifJson.runs[0]!.results[0]!.ruleId).toBe('CR001');
    expect(sarifJson.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      CUSTOMIZATIONS,
    );

    expect(result.summary).toContain('FabrikamOrders');
    expect(result.summary).toContain('fabrikam_sharedsharepointonline_d3e4f');
    expect(result.summary).toContain('CR001');

    // Comment: listed through both pages, then created once.
    const lists = api.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => r.path)).toEqual([
      '/repos/contoso/alm/issues/7/comments?per_page=100',
      '/repos/contoso/alm/issues/7/comments?per_page=100&page=2',
    ]);
    expect(commentRequests().map((r) => [r.method, r.path])).toEqual([
      ['POST', '/repos/contoso/alm/issues/7/comments'],
    ]);
    expect(api.requests.every((r) => r.authorization === 'token ghs_e2e_token')).toBe(true);
    const ours = api.comments.filter((c) => c.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('fabrikam_sharedsharepointonline_d3e4f');
    expect(ours[0]!.body).toContain('https://github.com/contoso/alm/actions/runs/4242');
    expect(result.stdout).toContain(`created the pull-request comment ${ours[0]!.html_url}`);

    expectNoCanary(
      result,
      api.requests.map((r) => r.body),
    );
  });

  it('passes after the fix and updates the same comment in place, saying it is fixed', async () => {
    const before = api.comments.filter((c) => c.body.includes(MARKER));
    expect(before).toHaveLength(1);
    const id = before[0]!.id;
    const requestsBefore = api.requests.length;

    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-pass.json',
    });

    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::error/m);
    expect(result.outputs).toMatchObject({
      result: 'pass',
      errors: '0',
      warnings: '0',
      notes: '0',
      'sarif-file': '',
    });
    expect(result.summary).toContain('FabrikamOrders');

    const newRequests = api.requests.slice(requestsBefore);
    expect(newRequests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path])).toEqual([
      ['PATCH', `/repos/contoso/alm/issues/comments/${id}`],
    ]);
    const ours = api.comments.filter((c) => c.body.includes(MARKER));
    expect(ours.map((c) => c.id)).toEqual([id]);
    expect(ours[0]!.body).toMatch(/All clear/);
    expect(api.comments).toHaveLength(121);
    expect(result.stdout).toContain('updated the pull-request comment');

    expectNoCanary(
      result,
      api.requests.map((r) => r.body),
    );
  });

  it('survives a 403 on the comment with one warning and keeps the gate result', async () => {
    api.failWith = 403;
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
    });

    expect(result.code).toBe(1);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^::warning::connref-gate: could not write the pull-request comment \(HTTP 403: Resource not accessible by integration.*pull-requests: write/,
    );
    expect(result.outputs).toMatchObject({ result: 'fail', errors: '1' });
    expect(result.stdout).toContain('::error::connref-gate: 1 error at or above fail-on=error');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expectNoCanary(result);
  });

  it('does not comment on a push event', async () => {
    const requestsBefore = api.requests.length;
    const result = await runAction(
      { solution: SOLUTION, settings: 'test/fixtures/github/settings-pass.json' },
      { GITHUB_EVENT_NAME: 'push' },
    );
    expect(result.code).toBe(0);
    expect(result.outputs['result']).toBe('pass');
    expect(api.requests.length).toBe(requestsBefore);
  });
});
