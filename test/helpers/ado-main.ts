// The unit tests of src/ado/main.ts share this: a mocked core gate and PR-thread client reading
// and writing `state`, the task-lib stand-in of test/fixtures/ado/mock-task-lib.ts, and a fresh
// repository and agent temp folder per test. Each test file registers the mocks with vi.mock
// (which belongs in the test file), taking the factories from here.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { PullRequestTarget, UpsertCommentOptions } from '../../src/ado/pr-thread.js';
import type { GateOutcome } from '../../src/core/gate.js';
import type { Finding } from '../../src/core/model.js';
import { taskLib } from '../fixtures/ado/mock-task-lib.js';
import { gateOutcome, mockGateOf } from './adapter-main.js';

export const state = {
  gate: undefined as unknown,
  gateError: undefined as unknown,
  gateOptions: [] as unknown[],
  upserts: [] as { target: unknown; options: unknown; rendered: string }[],
  upsertResult: { kind: 'created', threadId: 101, commentId: 1 } as unknown,
  previousBody: undefined as string | undefined,
};

/** The core gate: records its options, then returns state.gate or throws state.gateError. */
export function mockGate() {
  return mockGateOf(state);
}

/** The PR-thread client: records the target and the rendered comment, returns state.upsertResult. */
export function mockPrThread() {
  return {
    upsertPullRequestComment: async (target: PullRequestTarget, options: UpsertCommentOptions) => {
      state.upserts.push({ target, options, rendered: options.render(state.previousBody) });
      return state.upsertResult;
    },
  };
}

export const SECRET = 'canary-5a4b3c';

/** Build.SourcesDirectory and Agent.TempDirectory of the running test, and what it logged. */
export let repo: string;
export let temp: string;
export let logs: string[];

export function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'CR001',
    severity: 'error',
    message: 'Connection reference x has no ConnectionId.',
    solution: 'ContosoAlerts',
    subject: 'x',
    ...overrides,
  };
}

export function outcome(
  findings: Finding[],
  options: { failed?: boolean; solutions?: number } = {},
): GateOutcome {
  return gateOutcome(findings, {
    failed: options.failed,
    solutions: options.solutions ?? 1,
    secrets: [SECRET],
    markdown: `## report\n\nmarkdown body mentioning ${SECRET} by mistake\n`,
    reportFile: join(temp, 'r.json'),
  });
}

/** The one setResult call. */
export function result(): unknown[] {
  const results = taskLib.of('setResult');
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** The output variables set, each checked to be a plain (not secret) output. */
export function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value, secret, isOutput] of taskLib.of('setVariable')) {
    expect(secret).toBe(false);
    expect(isOutput).toBe(true);
    out[name as string] = value as string;
  }
  return out;
}

/** Before each test: the inputs of a check of solutions/ContosoAlerts, empty records. */
export function useTaskState(): void {
  beforeEach(() => {
    taskLib.reset();
    state.gate = undefined;
    state.gateError = undefined;
    state.gateOptions.length = 0;
    state.upserts.length = 0;
    state.upsertResult = { kind: 'created', threadId: 101, commentId: 1 };
    state.previousBody = undefined;
    repo = mkdtempSync(join(tmpdir(), 'connref-ado-main-'));
    temp = mkdtempSync(join(tmpdir(), 'connref-ado-agent-'));
    mkdirSync(join(repo, 'solutions'));
    taskLib.variables.set('Build.SourcesDirectory', repo);
    taskLib.variables.set('Agent.TempDirectory', temp);
    taskLib.inputs.set('solution', 'solutions/ContosoAlerts');
    taskLib.inputs.set('settings', 'config/Test/deploymentSettings.json');
    logs = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logs.push(args.join(' '));
      taskLib.calls.push({ fn: 'console.log', args });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(repo, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  });
}
