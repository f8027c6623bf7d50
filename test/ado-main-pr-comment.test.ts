// Unit tests of src/ado/main.ts (see test/helpers/ado-main.ts for the mocks): the pull-request
// thread, upserted with the core comment, and skipped or warned about, never failing the gate.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/ado/main.js';
import { COMMENT_MARKER } from '../src/core/format/markdown.js';
import { taskLib } from './fixtures/ado/mock-task-lib.js';
import { finding, logs, outcome, result, state, useTaskState } from './helpers/ado-main.js';

vi.mock('azure-pipelines-task-lib/task.js', async () =>
  (await import('./fixtures/ado/mock-task-lib.js')).createTaskLibMock(),
);
vi.mock('../src/core/gate.js', async () => (await import('./helpers/ado-main.js')).mockGate());
vi.mock('../src/ado/pr-thread.js', async () =>
  (await import('./helpers/ado-main.js')).mockPrThread(),
);

useTaskState();

describe('pull-request comment', () => {
  beforeEach(() => {
    taskLib.variables.set('System.PullRequest.PullRequestId', '17');
    taskLib.variables.set('System.TeamFoundationCollectionUri', 'https://dev.azure.com/contoso/');
    taskLib.variables.set('System.TeamProject', 'Power Platform');
    taskLib.variables.set('System.TeamProjectId', 'project-guid');
    taskLib.variables.set('Build.Repository.ID', 'repo-guid');
    taskLib.variables.set('Build.Repository.Provider', 'TfsGit');
    taskLib.variables.set('Build.BuildId', '991');
    taskLib.endpointAuth = { scheme: 'OAuth', parameters: { AccessToken: 'job-token' } };
  });

  it('upserts one thread with the core comment, then sets the result', async () => {
    state.gate = outcome([finding({})]);
    state.previousBody = 'earlier body';
    await run();
    expect(state.upserts).toHaveLength(1);
    const [upsert] = state.upserts;
    expect(upsert!.target).toEqual({
      collectionUri: 'https://dev.azure.com/contoso/',
      project: 'project-guid',
      repositoryId: 'repo-guid',
      pullRequestId: '17',
      token: 'job-token',
    });
    expect(upsert!.options).toMatchObject({ marker: COMMENT_MARKER, failing: true });
    expect(upsert!.rendered.startsWith(COMMENT_MARKER)).toBe(true);
    expect(upsert!.rendered).toContain(
      'https://dev.azure.com/contoso/Power%20Platform/_build/results?buildId=991',
    );
    expect(logs).toContain('Commented on pull request 17 (thread 101).');
    const order = taskLib.calls.map((c) => c.fn);
    expect(order.lastIndexOf('setResult')).toBe(order.length - 1);
    expect(taskLib.of('setSecret')[0]).toEqual(['job-token']);
  });

  it('warns when the comment fails and keeps the gate result', async () => {
    state.gate = outcome([]);
    state.upsertResult = { kind: 'failed', status: 403, message: 'could not comment (HTTP 403)' };
    await run();
    expect(taskLib.of('warning')).toEqual([['could not comment (HTTP 403)']]);
    expect(result()[0]).toBe(0);
  });

  it('skips repositories outside Azure Repos, and builds without a token', async () => {
    taskLib.variables.set('Build.Repository.Provider', 'GitHub');
    state.gate = outcome([]);
    await run();
    expect(state.upserts).toEqual([]);
    expect(logs.some((l) => l.includes('Azure Repos only'))).toBe(true);

    taskLib.calls.length = 0;
    taskLib.variables.set('Build.Repository.Provider', 'TfsGit');
    taskLib.endpointAuth = undefined;
    await run();
    expect(state.upserts).toEqual([]);
    expect(taskLib.of('warning')[0]![0]).toMatch(/no access token/);
    expect(result()[0]).toBe(0);
  });

  it('does not comment when commentOnPullRequest is false', async () => {
    taskLib.inputs.set('commentOnPullRequest', 'false');
    state.gate = outcome([finding({})]);
    await run();
    expect(state.upserts).toEqual([]);
  });
});
