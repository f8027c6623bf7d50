// The GitHub Action: inputs → core gate → masks, annotations, job summary, outputs, PR comment.
// A thin adapter: every rule, count and text comes from the core.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import {
  failReason,
  initCheckVerdict,
  initOutOfStepFiles,
  initOutOfStepMessage,
  onlineSummaryText,
  resolvedSettingsNote,
  secretLines,
} from '../core/adapter-support.js';
import { UsageError, errorMessage } from '../core/errors.js';
import { summaryText } from '../core/format/common.js';
import { formatInitMarkdown, formatInitText } from '../core/format/init.js';
import { GITHUB_COMMENT_BUDGET, formatPullRequestComment } from '../core/format/markdown.js';
import { init, InitSolutionError, type InitResult } from '../core/init.js';
import { runGate, type GateOptions, type GateOutcome } from '../core/gate.js';
import { ANNOTATIONS_PER_TYPE, describeMore, planAnnotations } from './annotations.js';
import { httpStatus, isPullRequestEvent, pullRequestOf, upsertComment } from './comment.js';
import { getInputs, type ActionInputs } from './inputs.js';

export async function run(): Promise<void> {
  let inputs: ActionInputs;
  let outcome: GateOutcome;
  try {
    inputs = getInputs();
    if (inputs.command === 'init-check') {
      await runInitCheck(inputs);
      return;
    }
    const request: GateOptions = {
      solutions: inputs.solutions,
      settings: inputs.settings,
      settingsPerSolution: inputs.settingsPerSolution,
      placeholders: inputs.placeholders,
      cwd: inputs.cwd,
      env: process.env,
      rules: inputs.rules,
      failOn: inputs.failOn,
      sarifFile: inputs.sarifFile,
      reportFile: reportPath(),
      resolvedSettingsFile: inputs.resolvedSettingsFile,
      ...(inputs.online && { online: inputs.online }),
    };
    outcome = await runGate(request);
  } catch (error) {
    fail(error);
    return;
  }

  try {
    // Before anything is logged: every value that came from a substitution is a secret.
    maskSecrets(outcome.result.secrets);
    if (outcome.result.online) core.info(onlineSummaryText(outcome.result.online));

    const { report } = outcome;
    const plan = planAnnotations(report.findings, {
      cwd: inputs.cwd,
      workspace: resolve(process.env['GITHUB_WORKSPACE'] || process.cwd()),
    });
    for (const annotation of plan.annotations) {
      core[annotation.kind](annotation.message, annotation.properties);
    }
    const more = describeMore(plan.more);
    if (more) {
      core.startGroup(
        `${more} (GitHub shows ${ANNOTATIONS_PER_TYPE} annotations of each type per step)`,
      );
      for (const line of plan.overflow) core.info(line);
      core.endGroup();
      core.info(
        `connref-gate: GitHub shows ${ANNOTATIONS_PER_TYPE} annotations of each type per step; ${more} are listed in the group above and in the JSON report.`,
      );
    }

    const summary = report.summary;
    core.setOutput('result', outcome.failed ? 'fail' : 'pass');
    core.setOutput('errors', String(summary.errors));
    core.setOutput('warnings', String(summary.warnings));
    core.setOutput('notes', String(summary.notes));
    const written = outcome.written;
    core.setOutput('report', written.reportFile ?? '');
    core.setOutput('sarif-file', written.sarifFile ?? '');
    core.setOutput('resolved-settings', written.resolvedSettings ?? '');
    if (written.reportFile) core.info(`connref-gate: JSON report: ${written.reportFile}`);
    if (written.sarifFile) core.info(`connref-gate: SARIF: ${written.sarifFile}`);
    // Where the resolved settings went and how many entries they hold: never their content.
    const resolved = resolvedSettingsNote(outcome, inputs.resolvedSettingsFile);
    if (resolved?.written) core.info(resolved.text);
    else if (resolved) core.warning(resolved.text);

    await writeSummary(outcome.markdown, more);
    if (inputs.commentOnPr) await comment(inputs, outcome);

    if (outcome.failed) {
      core.setFailed(`connref-gate: ${failReason(summary, inputs.failOn, 'fail-on')}`);
    } else {
      core.info(`connref-gate: passed with ${summaryText(summary)} (fail-on=${inputs.failOn})`);
    }
  } catch (error) {
    fail(error);
  }
}

/**
 * `command: init --check`: fails when a settings file is out of step with the solution (or cannot
 * be read), with the changes init would make in the log, the job summary and an annotation on the
 * file. Writes nothing. Only `result` is set among the outputs.
 */
async function runInitCheck(inputs: ActionInputs): Promise<void> {
  let result: InitResult;
  try {
    result = await init({
      solution: inputs.solutions,
      settings: inputs.settings,
      cwd: inputs.cwd,
      check: true,
    });
  } catch (error) {
    if (error instanceof InitSolutionError) core.setOutput('result', 'fail');
    fail(error);
    return;
  }
  for (const line of formatInitText(result, true)) {
    if (line.stream === 'stderr') core.error(line.text);
    else core.info(line.text);
  }
  const outOfStep = initOutOfStepFiles(result);
  for (const file of outOfStep) {
    if (file.status === 'unusable') continue; // already an error line above
    core.error(initOutOfStepMessage(result, file), {
      title: 'connref-gate init --check',
      file: file.path,
    });
  }
  core.setOutput('result', outOfStep.length > 0 ? 'fail' : 'pass');
  await writeSummary(formatInitMarkdown(result), '');
  if (outOfStep.length > 0) core.setFailed(initCheckVerdict(result));
  else core.info(initCheckVerdict(result));
}

/** Where the JSON report goes: a fresh folder under RUNNER_TEMP (or the OS temp folder). */
function reportPath(): string {
  const base = process.env['RUNNER_TEMP'] || tmpdir();
  return join(mkdtempSync(join(base, 'connref-gate-')), 'connref-gate-report.json');
}

function maskSecrets(secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret.trim() === '') continue;
    core.setSecret(secret);
    // The runner masks line by line: register each line of a multi-line value as well.
    if (/[\r\n]/.test(secret)) for (const line of secretLines(secret)) core.setSecret(line);
  }
}

async function writeSummary(markdown: string, more: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return;
  }
  let text = markdown;
  if (more) {
    text += `\n> [!NOTE]\n> GitHub shows at most ${ANNOTATIONS_PER_TYPE} annotations of each type per step: ${more} are not annotated on the files. The step log and the JSON report (output \`report\`) list every finding.\n`;
  }
  try {
    await core.summary.addRaw(text, true).write();
  } catch (error) {
    // Like the comment, the summary is a view of the result, never the result.
    core.warning(`connref-gate: could not write the job summary (${oneLine(errorMessage(error))})`);
  }
}

async function comment(inputs: ActionInputs, outcome: GateOutcome): Promise<void> {
  if (!isPullRequestEvent(inputs.eventName)) {
    core.debug(`event '${inputs.eventName}' is not a pull request: no comment`);
    return;
  }
  // Loaded only here: Octokit is most of the bundle, and only a pull-request run needs it.
  const github = await import('@actions/github');
  const context = github.context;
  const pr = pullRequestOf(context);
  if (!pr) {
    core.debug(`event '${context.eventName}' has no pull request number: no comment`);
    return;
  }
  if (!inputs.githubToken) {
    core.warning(
      'connref-gate: no github-token, so no pull-request comment; the gate result does not depend on it',
    );
    return;
  }
  const runUrl =
    Number.isFinite(context.runId) && context.runId > 0
      ? `${context.serverUrl}/${pr.owner}/${pr.repo}/actions/runs/${context.runId}`
      : undefined;
  try {
    const octokit = github.getOctokit(inputs.githubToken);
    const result = await upsertComment(octokit, pr, (previousBody) =>
      formatPullRequestComment(outcome.report, {
        failOn: inputs.failOn,
        previousBody,
        runUrl,
        maxLength: GITHUB_COMMENT_BUDGET,
      }),
    );
    core.info(
      `connref-gate: ${result.action} the pull-request comment${result.url ? ` ${result.url}` : ''}`,
    );
  } catch (error) {
    const status = httpStatus(error);
    const why = oneLine(errorMessage(error));
    if (status === 403 || status === 404) {
      core.warning(
        `connref-gate: could not write the pull-request comment (HTTP ${status}: ${why}); give the job 'permissions: pull-requests: write' (pull requests from forks only get a read-only token). The gate result does not depend on the comment.`,
      );
    } else {
      core.warning(
        `connref-gate: could not write the pull-request comment (${status ? `HTTP ${status}: ` : ''}${why}). The gate result does not depend on the comment.`,
      );
    }
  }
}

function fail(error: unknown): void {
  if (!(error instanceof UsageError) && error instanceof Error && error.stack) {
    core.debug(error.stack);
  }
  core.setFailed(`connref-gate: ${oneLine(errorMessage(error))}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
