// One pull-request thread per PR, created once and then updated in place, through the Azure
// DevOps REST API (api-version 7.1) with the job's access token. Never throws: every failure
// becomes a `failed` outcome for the caller to warn about, since the gate result must not depend
// on the comment.

/** What the comment needs to know about the pull request. */
export interface PullRequestTarget {
  /** Collection URL ending in `/`, e.g. `https://dev.azure.com/contoso/`. */
  collectionUri: string;
  /** Project id or name. */
  project: string;
  repositoryId: string;
  pullRequestId: string;
  token: string;
}

export interface UpsertCommentOptions {
  /** Hidden marker that identifies the tool's comment (COMMENT_MARKER). */
  marker: string;
  /** Renders the comment body; receives the body of the existing comment, if any. */
  render(previousBody: string | undefined): string;
  /** Whether the gate failed: the thread is active while it fails, resolved once it passes. */
  failing: boolean;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export type CommentOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; threadId: number; commentId: number }
  | { kind: 'failed'; status?: number; message: string };

/** Azure DevOps limits a comment's content; keep well below it. */
const MAX_CONTENT = 150_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Identity {
  id?: string;
}

interface ApiComment {
  id: number;
  content?: string;
  isDeleted?: boolean;
  author?: Identity;
}

interface ApiThread {
  id: number;
  status?: string | number;
  isDeleted?: boolean;
  comments?: ApiComment[];
}

/** Thread status codes as the API may return them numerically. */
const STATUS_NAMES = ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'];

function statusName(status: string | number | undefined): string {
  if (typeof status === 'number') return STATUS_NAMES[status] ?? 'unknown';
  return status ?? 'unknown';
}

function truncate(content: string): string {
  if (content.length <= MAX_CONTENT) return content;
  return `${content.slice(0, MAX_CONTENT - 200)}\n\n… (truncated: see the run's Extensions tab for the full report)`;
}

class Client {
  private readonly fetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(
    private readonly target: PullRequestTarget,
    options: UpsertCommentOptions,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get threadsUrl(): string {
    const t = this.target;
    return (
      `${t.collectionUri}${encodeURIComponent(t.project)}/_apis/git/repositories/` +
      `${encodeURIComponent(t.repositoryId)}/pullRequests/${encodeURIComponent(t.pullRequestId)}/threads`
    );
  }

  async request<T>(method: string, url: string, body?: unknown, apiVersion = '7.1'): Promise<T> {
    const separator = url.includes('?') ? '&' : '?';
    const versioned = apiVersion ? `${url}${separator}api-version=${apiVersion}` : url;
    const response = await this.fetch(versioned, {
      method,
      headers: {
        Authorization: `Bearer ${this.target.token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new HttpError(response.status, `HTTP ${response.status} ${response.statusText}`.trim());
    }
    // A rejected token gets 203 and a sign-in page instead of 401.
    if (response.status === 203 || !/json/i.test(response.headers.get('content-type') ?? '')) {
      throw new HttpError(
        401,
        `HTTP ${response.status}: not a JSON answer (the access token was not accepted)`,
      );
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The identity behind the token, to tell the tool's own comment from a copied marker. */
  async me(): Promise<string | undefined> {
    try {
      const data = await this.request<{ authenticatedUser?: Identity }>(
        'GET',
        `${this.target.collectionUri}_apis/connectionData`,
        undefined,
        // A preview resource: without a version the server answers with its current one.
        '',
      );
      return data.authenticatedUser?.id || undefined;
    } catch {
      return undefined;
    }
  }
}

function findExisting(
  threads: ApiThread[],
  marker: string,
  me: string | undefined,
): { thread: ApiThread; comment: ApiComment } | undefined {
  const sorted = [...threads].sort((a, b) => a.id - b.id);
  for (const thread of sorted) {
    if (thread.isDeleted) continue;
    for (const comment of thread.comments ?? []) {
      if (comment.isDeleted || !comment.content?.includes(marker)) continue;
      if (me !== undefined && comment.author?.id !== undefined && comment.author.id !== me)
        continue;
      return { thread, comment };
    }
  }
  return undefined;
}

function describeFailure(error: unknown, pullRequestId: string): CommentOutcome {
  if (error instanceof HttpError) {
    if (error.status === 401 || error.status === 403) {
      return {
        kind: 'failed',
        status: error.status,
        message:
          `could not comment on pull request ${pullRequestId} (${error.message}): give the project's ` +
          `Build Service identity "Contribute to pull requests" on the repository; the gate result stands`,
      };
    }
    return {
      kind: 'failed',
      status: error.status,
      message: `could not comment on pull request ${pullRequestId} (${error.message}); the gate result stands`,
    };
  }
  let reason = String(error);
  if (error instanceof Error) {
    // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a TLS error...) in `cause`.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    reason = error.name === 'TimeoutError' ? 'the request timed out' : `${error.message}${cause}`;
  }
  return {
    kind: 'failed',
    message: `could not comment on pull request ${pullRequestId} (${reason}); the gate result stands`,
  };
}

/** Creates the tool's thread on the pull request, or updates its comment in place. */
export async function upsertPullRequestComment(
  target: PullRequestTarget,
  options: UpsertCommentOptions,
): Promise<CommentOutcome> {
  const client = new Client(target, options);
  try {
    const me = await client.me();
    const list = await client.request<{ value?: ApiThread[] }>('GET', client.threadsUrl);
    const existing = findExisting(list.value ?? [], options.marker, me);
    const content = truncate(options.render(existing?.comment.content));

    if (existing === undefined) {
      const created = await client.request<ApiThread>('POST', client.threadsUrl, {
        comments: [{ parentCommentId: 0, content, commentType: 1 }],
        status: options.failing ? 'active' : 'closed',
      });
      return { kind: 'created', threadId: created.id, commentId: created.comments?.[0]?.id ?? 1 };
    }

    const { thread, comment } = existing;
    const threadUrl = `${client.threadsUrl}/${thread.id}`;
    let changed = false;
    if (comment.content !== content) {
      await client.request('PATCH', `${threadUrl}/comments/${comment.id}`, { content });
      changed = true;
    }
    const current = statusName(thread.status);
    const wanted = options.failing ? 'active' : current === 'active' ? 'fixed' : current;
    if (wanted !== current) {
      await client.request('PATCH', threadUrl, { status: wanted });
      changed = true;
    }
    return { kind: changed ? 'updated' : 'unchanged', threadId: thread.id, commentId: comment.id };
  } catch (error) {
    return describeFailure(error, target.pullRequestId);
  }
}
