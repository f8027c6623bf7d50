// The pull-request thread client (src/ado/pr-thread.ts) against a loopback fake Azure DevOps.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertPullRequestComment, type PullRequestTarget } from '../src/ado/pr-thread.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from './fixtures/ado/fake-azure-devops.js';

const TOKEN = 'job-token-7f6e5d';
const MARKER = '<!-- connref-gate -->';
const PROJECT = '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c';
const REPO = '3c1a7f0e-2b4d-4e6f-8a9b-0c1d2e3f4a5b';

let fake: FakeAzureDevOps;

function target(overrides: Partial<PullRequestTarget> = {}): PullRequestTarget {
  return {
    collectionUri: fake.collectionUri,
    project: PROJECT,
    repositoryId: REPO,
    pullRequestId: '17',
    token: TOKEN,
    ...overrides,
  };
}

function body(text: string): string {
  return `${MARKER}\n${text}`;
}

beforeEach(async () => {
  fake = await startFakeAzureDevOps({ token: TOKEN, project: PROJECT, repositoryId: REPO });
});

afterEach(async () => {
  await fake.close();
});

describe('upsertPullRequestComment', () => {
  it('creates one thread, then updates its comment in place', async () => {
    const previous: (string | undefined)[] = [];
    const first = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: (prev) => {
        previous.push(prev);
        return body('fails');
      },
    });
    expect(first).toEqual({ kind: 'created', threadId: 101, commentId: 1 });
    expect(fake.threads).toHaveLength(1);
    expect(fake.threads[0]!.status).toBe('active');
    expect(fake.threads[0]!.comments[0]!.content).toBe(body('fails'));

    const second = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: false,
      render: (prev) => {
        previous.push(prev);
        return body('passes');
      },
    });
    expect(second).toEqual({ kind: 'updated', threadId: 101, commentId: 1 });
    expect(fake.threads).toHaveLength(1);
    expect(fake.threads[0]!.comments).toHaveLength(1);
    expect(fake.threads[0]!.comments[0]!.content).toBe(body('passes'));
    // Fixed once it passes after a failure, so a "resolve all comments" policy is satisfied.
    expect(fake.threads[0]!.status).toBe('fixed');
    // The renderer saw the earlier body, to announce that the problems are fixed.
    expect(previous).toEqual([undefined, body('fails')]);

    const third = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: false,
      render: () => body('passes'),
    });
    expect(third.kind).toBe('unchanged');
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(3);
  });

  it('reopens the thread when a later run fails again', async () => {
    await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: false,
      render: () => body('passes'),
    });
    expect(fake.threads[0]!.status).toBe('closed');
    await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('fails'),
    });
    expect(fake.threads[0]!.status).toBe('active');
  });

  it('calls the documented endpoints with the bearer token and api-version 7.1', async () => {
    await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    const threadsPath = `/contoso/${PROJECT}/_apis/git/repositories/${REPO}/pullRequests/17/threads`;
    const calls = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual([
      'GET /contoso/_apis/connectionData',
      `GET ${threadsPath}`,
      `POST ${threadsPath}`,
    ]);
    for (const request of fake.requests) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    for (const request of fake.requests.slice(1))
      expect(request.query.get('api-version')).toBe('7.1');
    const created = JSON.parse(fake.requests[2]!.body) as Record<string, unknown>;
    expect(created).toEqual({
      comments: [{ parentCommentId: 0, content: body('x'), commentType: 1 }],
      status: 'active',
    });
  });

  it('ignores a copied marker in someone else’s comment, and deleted comments', async () => {
    fake.threads.push(
      {
        id: 5,
        status: 'active',
        comments: [
          {
            id: 1,
            parentCommentId: 0,
            content: body('planted by the pull request author'),
            commentType: 1,
            author: { id: 'someone-else', displayName: 'Mallory' },
          },
        ],
      },
      {
        id: 6,
        status: 'active',
        comments: [
          {
            id: 1,
            parentCommentId: 0,
            content: body('old'),
            commentType: 1,
            isDeleted: true,
            author: { id: 'build-service-identity', displayName: 'Build' },
          },
        ],
      },
    );
    const outcome = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('fresh'),
    });
    expect(outcome.kind).toBe('created');
    expect(fake.threads[0]!.comments[0]!.content).toBe(body('planted by the pull request author'));
  });

  it('survives 403 on writes with a permission hint', async () => {
    fake.failWrites = 403;
    const outcome = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.status).toBe(403);
    expect(outcome.message).toContain('Contribute to pull requests');
    expect(outcome.message).toContain('the gate result stands');
    expect(outcome.message).not.toMatch(/\n/);
  });

  it('survives 401 and a sign-in page (203) as auth failures', async () => {
    fake.failAll = 401;
    const unauthorized = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(unauthorized).toMatchObject({ kind: 'failed', status: 401 });

    fake.failAll = undefined;
    fake.signInPage = true;
    const signIn = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(signIn).toMatchObject({ kind: 'failed', status: 401 });
    if (signIn.kind === 'failed') expect(signIn.message).toContain('Contribute to pull requests');
  });

  it('rejects a wrong token like the service does', async () => {
    const outcome = await upsertPullRequestComment(target({ token: 'wrong' }), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(outcome).toMatchObject({ kind: 'failed', status: 401 });
  });

  it('survives server errors, refused connections and timeouts', async () => {
    fake.failAll = 500;
    const serverError = await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(serverError).toMatchObject({ kind: 'failed', status: 500 });
    if (serverError.kind === 'failed') expect(serverError.message).toContain('HTTP 500');

    const closed = await startFakeAzureDevOps({ token: TOKEN });
    const deadUri = closed.collectionUri;
    await closed.close();
    const refused = await upsertPullRequestComment(target({ collectionUri: deadUri }), {
      marker: MARKER,
      failing: true,
      render: () => body('x'),
    });
    expect(refused.kind).toBe('failed');
    if (refused.kind === 'failed') expect(refused.message).toContain('ECONNREFUSED');

    const silent = createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const timedOut = await upsertPullRequestComment(
        target({ collectionUri: `http://127.0.0.1:${port}/contoso/` }),
        { marker: MARKER, failing: true, render: () => body('x'), timeoutMs: 300 },
      );
      expect(timedOut).toMatchObject({ kind: 'failed' });
      if (timedOut.kind === 'failed') expect(timedOut.message).toContain('timed out');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('cuts a comment that would exceed the service limit', async () => {
    await upsertPullRequestComment(target(), {
      marker: MARKER,
      failing: true,
      render: () => body('x'.repeat(200_000)),
    });
    const content = fake.threads[0]!.comments[0]!.content;
    expect(content.length).toBeLessThanOrEqual(150_000);
    expect(content.startsWith(MARKER)).toBe(true);
    expect(content).toContain('truncated');
  });

  it('encodes a project name with spaces in the URL', async () => {
    const named = await startFakeAzureDevOps({ token: TOKEN, project: 'Power Platform ALM' });
    try {
      const outcome = await upsertPullRequestComment(
        target({ collectionUri: named.collectionUri, project: 'Power Platform ALM' }),
        { marker: MARKER, failing: false, render: () => body('x') },
      );
      expect(outcome.kind).toBe('created');
      expect(named.requests[1]!.path).toContain('/Power%20Platform%20ALM/_apis/git/');
    } finally {
      await named.close();
    }
  });
});
