// The pull-request comment: one comment per pull request, found by a hidden marker, created once
// and then updated in place. The body comes from the core's formatter; this file only talks REST.
import type * as github from '@actions/github';
import { COMMENT_MARKER } from '../core/format/markdown.js';

export type Octokit = ReturnType<typeof github.getOctokit>;

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  url?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** True for the events that can have a pull-request comment (`GITHUB_EVENT_NAME`). */
export function isPullRequestEvent(eventName: string): boolean {
  return PULL_REQUEST_EVENTS.has(eventName);
}

/** The pull request the run is about, or undefined when the event is not a pull request. */
export function pullRequestOf(context: typeof github.context): PullRequestRef | undefined {
  if (!isPullRequestEvent(context.eventName)) return undefined;
  const number = (context.payload.pull_request as { number?: unknown } | undefined)?.number;
  if (typeof number !== 'number') return undefined;
  const { owner, repo } = context.repo;
  return { owner, repo, number };
}

/**
 * Creates the comment, or updates the one that carries COMMENT_MARKER. `render` gets the body of
 * the existing comment (so the formatter can say "passes now, after an earlier failure").
 * Throws the Octokit error on failure; the caller decides that it is only a warning.
 */
export async function upsertComment(
  octokit: Octokit,
  pr: PullRequestRef,
  render: (previousBody: string | undefined) => string,
): Promise<CommentResult> {
  const params = { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, params);
  const marked = comments.filter((comment) => comment.body?.includes(COMMENT_MARKER));
  // Prefer a comment written by a bot (ours); a person quoting the marker must not capture it.
  const existing = marked.find((comment) => comment.user?.type === 'Bot') ?? marked[0];

  // The core keeps the body under GitHub's 65,536-character limit.
  const body = render(existing?.body ?? undefined);
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/**
 * The HTTP status of an Octokit error, if a server answered. Octokit gives a request that never
 * got an answer (a refused connection, a DNS failure, a timeout) status 500 and no response: that
 * is a network failure, not an HTTP 500.
 */
export function httpStatus(error: unknown): number | undefined {
  const { status, response } = (error ?? {}) as { status?: unknown; response?: unknown };
  if (typeof status !== 'number') return undefined;
  return status === 500 && response === undefined ? undefined : status;
}
