// The unit tests of src/github/main.ts share this: a recording @actions/core (its real input
// readers, fed as the runner feeds them), a mocked @actions/github, core gate, comment renderer and
// rule-override parser, all reading and writing `state`. Each test file registers the mocks with
// vi.mock (which belongs in the test file), taking the factories from here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { GateOutcome } from '../../src/core/gate.js';
import type { Finding, Report } from '../../src/core/model.js';
import { gateOutcome, mockGateOf } from './adapter-main.js';

export const MARKER = '<!-- connref-gate:test-marker -->';

export const state = {
  inputs: new Map<string, string>(),
  /** Every workflow command issued, in order. */
  calls: [] as { fn: string; args: unknown[] }[],
  summary: [] as string[],
  summaryError: undefined as unknown,
  gate: undefined as unknown,
  gateError: undefined as unknown,
  gateOptions: [] as unknown[],
  context: {
    eventName: 'pull_request',
    payload: { pull_request: { number: 7 } } as Record<string, unknown>,
    repo: { owner: 'contoso', repo: 'alm' },
    runId: 42,
    serverUrl: 'https://github.com',
  },
  comments: [] as { id: number; body: string; user: { type: string } }[],
  octokitError: undefined as unknown,
  tokens: [] as string[],
  rest: [] as { op: string; params: Record<string, unknown> }[],
  renderCalls: [] as unknown[],
};

/** @actions/core: the input readers are the real ones; everything the action reports is recorded. */
export async function mockActionsCore(importOriginal: <T>() => Promise<T>) {
  const real = await importOriginal<typeof import('@actions/core')>();
  // Fed from state.inputs as the runner would (INPUT_*), only while an input is read.
  const fromInputs =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      const keys = [...state.inputs.keys()].map((name) => `INPUT_${name.toUpperCase()}`);
      for (const [name, value] of state.inputs) process.env[`INPUT_${name.toUpperCase()}`] = value;
      try {
        return read(...args);
      } finally {
        for (const key of keys) delete process.env[key];
      }
    };
  const record =
    (fn: string) =>
    (...args: unknown[]) => {
      state.calls.push({ fn, args });
    };
  const summary = {
    addRaw(text: string) {
      state.summary.push(text);
      return summary;
    },
    async write() {
      if (state.summaryError) throw state.summaryError;
      state.calls.push({ fn: 'summary.write', args: [] });
      return summary;
    },
  };
  return {
    getInput: fromInputs(real.getInput),
    getMultilineInput: fromInputs(real.getMultilineInput),
    getBooleanInput: fromInputs(real.getBooleanInput),
    setSecret: record('setSecret'),
    setOutput: record('setOutput'),
    setFailed: record('setFailed'),
    error: record('error'),
    warning: record('warning'),
    notice: record('notice'),
    info: record('info'),
    debug: record('debug'),
    startGroup: record('startGroup'),
    endGroup: record('endGroup'),
    summary,
  };
}

/** @actions/github: the context of state.context and an Octokit over state.comments. */
export function mockActionsGithub() {
  return {
    context: state.context,
    getOctokit: (token: string) => {
      state.tokens.push(token);
      const fail = () => {
        if (state.octokitError) throw state.octokitError;
      };
      const rest = {
        issues: {
          listComments: async (params: Record<string, unknown>) => {
            state.rest.push({ op: 'list', params });
            fail();
            return { data: state.comments };
          },
          createComment: async (params: Record<string, unknown>) => {
            state.rest.push({ op: 'create', params });
            fail();
            return { data: { id: 100, html_url: 'https://github.com/c/a/pull/7#c100' } };
          },
          updateComment: async (params: Record<string, unknown>) => {
            state.rest.push({ op: 'update', params });
            fail();
            return { data: { id: params['comment_id'], html_url: 'https://x/c' } };
          },
        },
      };
      return {
        rest,
        paginate: async (
          method: (p: Record<string, unknown>) => Promise<{ data: unknown[] }>,
          params: Record<string, unknown>,
        ) => (await method(params)).data,
      };
    },
  };
}

/** The core gate: records its options, then returns state.gate or throws state.gateError. */
export function mockGate() {
  return mockGateOf(state);
}

/** The comment renderer: records its options and returns a body with the marker. */
export function mockMarkdown() {
  return {
    COMMENT_MARKER: MARKER,
    GITHUB_COMMENT_BUDGET: 65_000,
    formatPullRequestComment: (report: Report, options: unknown) => {
      state.renderCalls.push(options);
      return `${MARKER}\ncomment with ${report.summary.errors} errors`;
    },
  };
}

/** The rule-override parser: ID=severity lines, a UsageError for an id of no known family. */
export async function mockRules() {
  const { UsageError } = await import('../../src/core/errors.js');
  return {
    parseRuleOverrides: (lines: string[]) => {
      const out: Record<string, string> = {};
      for (const line of lines) {
        const [id, severity] = line.split('=');
        if (!/^(CR|EV|DS|SL)\d{3}$/.test(id ?? '')) throw new UsageError(`unknown rule id ${id}`);
        out[id!] = severity!;
      }
      return out;
    },
  };
}

export function finding(
  severity: Finding['severity'],
  ruleId: string,
  subject: string,
  location?: Finding['location'],
): Finding {
  return {
    ruleId,
    severity,
    subject,
    message: `${ruleId} message about ${subject}`,
    solution: 'Contoso',
    location,
  };
}

export function outcome(
  findings: Finding[],
  options: { failed: boolean; secrets?: string[] },
): GateOutcome {
  return gateOutcome(findings, {
    ...options,
    markdown: '## connref-gate\n\nsummary markdown\n',
    reportFile: '/tmp/r/connref-gate-report.json',
  });
}

export const calls = (fn: string) => state.calls.filter((c) => c.fn === fn);
export const outputs = () =>
  Object.fromEntries(calls('setOutput').map((c) => [c.args[0], c.args[1]]));

/** GITHUB_WORKSPACE (and RUNNER_TEMP) of the running test: a fresh temp folder. */
export let workspace: string;

/** Before each test: a fresh workspace, the default inputs of a pull request, empty records. */
export function useActionState(): void {
  const saved = { ...process.env };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'connref-gate-main-'));
    process.env['GITHUB_WORKSPACE'] = workspace;
    process.env['RUNNER_TEMP'] = workspace;
    process.env['GITHUB_STEP_SUMMARY'] = join(workspace, 'summary.md');
    process.env['GITHUB_EVENT_NAME'] = 'pull_request';
    state.inputs.clear();
    state.inputs.set('solution', 'solutions/Contoso.zip');
    state.inputs.set('settings', 'config/deploymentSettings.json');
    state.inputs.set('github-token', 'ghs_fake');
    state.calls.length = 0;
    state.summary.length = 0;
    state.gateOptions.length = 0;
    state.gateError = undefined;
    state.summaryError = undefined;
    state.comments = [];
    state.octokitError = undefined;
    state.tokens.length = 0;
    state.rest.length = 0;
    state.renderCalls.length = 0;
    state.context.eventName = 'pull_request';
    state.context.payload = { pull_request: { number: 7 } };
  });

  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
}
