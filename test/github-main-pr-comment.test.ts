// Unit tests of src/github/main.ts (see test/helpers/github-main.ts for the mocks): the
// pull-request comment, created or updated in place, and skipped or warned about, never failing
// the gate.
import { describe, expect, it, vi } from 'vitest';
import {
  MARKER,
  calls,
  finding,
  outcome,
  outputs,
  state,
  useActionState,
} from './helpers/github-main.js';

vi.mock('@actions/core', async (importOriginal) =>
  (await import('./helpers/github-main.js')).mockActionsCore(importOriginal),
);
vi.mock('@actions/github', async () =>
  (await import('./helpers/github-main.js')).mockActionsGithub(),
);
vi.mock('../src/core/gate.js', async () => (await import('./helpers/github-main.js')).mockGate());
vi.mock('../src/core/format/markdown.js', async () =>
  (await import('./helpers/github-main.js')).mockMarkdown(),
);
vi.mock('../src/core/rules/index.js', async () =>
  (await import('./helpers/github-main.js')).mockRules(),
);

const { run } = await import('../src/github/main.js');

useActionState();

describe('pull-request comment', () => {
  it('creates the comment when there is none, with the run URL', async () => {
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    expect(state.tokens).toEqual(['ghs_fake']);
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'create']);
    expect(state.rest[1]!.params).toMatchObject({ owner: 'contoso', repo: 'alm', issue_number: 7 });
    expect(state.rest[1]!.params['body']).toContain(MARKER);
    expect(state.renderCalls).toEqual([
      {
        failOn: 'error',
        previousBody: undefined,
        runUrl: 'https://github.com/contoso/alm/actions/runs/42',
        // Within GitHub's 65,536-character limit for a comment.
        maxLength: 65_000,
      },
    ]);
  });

  it('updates the marked comment in place and passes its body as previousBody', async () => {
    state.comments = [
      { id: 1, body: 'unrelated', user: { type: 'User' } },
      { id: 2, body: `quoting ${MARKER}`, user: { type: 'User' } },
      { id: 3, body: `${MARKER}\nold body`, user: { type: 'Bot' } },
    ];
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'update']);
    expect(state.rest[1]!.params).toMatchObject({ comment_id: 3 });
    expect(state.renderCalls[0]).toMatchObject({ previousBody: `${MARKER}\nold body` });
  });

  it('warns on 403 and keeps the gate result', async () => {
    state.octokitError = Object.assign(new Error('Resource not accessible by integration'), {
      status: 403,
    });
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    const warnings = calls('warning').map((c) => String(c.args[0]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /HTTP 403: Resource not accessible by integration.*pull-requests: write/,
    );
    expect(warnings[0]).not.toContain('\n');
    expect(outputs()['result']).toBe('fail');
    expect(calls('setFailed')).toHaveLength(1);
  });

  it('warns on other errors too, and a passing gate stays passing', async () => {
    state.octokitError = new Error('socket hang up');
    state.gate = outcome([], { failed: false });
    await run();
    expect(calls('warning').map((c) => c.args[0])).toEqual([
      'connref-gate: could not write the pull-request comment (socket hang up). The gate result does not depend on the comment.',
    ]);
    expect(calls('setFailed')).toHaveLength(0);
  });

  it('warns without a token', async () => {
    state.inputs.set('github-token', '');
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.tokens).toEqual([]);
    expect(calls('warning')).toHaveLength(1);
  });

  it.each(['push', 'workflow_dispatch'])('does not comment on %s events', async (event) => {
    state.context.eventName = event;
    process.env['GITHUB_EVENT_NAME'] = event;
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.tokens).toEqual([]);
    expect(calls('warning')).toHaveLength(0);
  });

  it('comments on pull_request_target', async () => {
    state.context.eventName = 'pull_request_target';
    process.env['GITHUB_EVENT_NAME'] = 'pull_request_target';
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'create']);
  });

  it('does not comment when comment-on-pr is false', async () => {
    state.inputs.set('comment-on-pr', 'false');
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    expect(state.tokens).toEqual([]);
  });
});
