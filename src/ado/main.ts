// The Azure Pipelines task: a thin adapter over the core gate (and `init --check`). It maps the
// outcome to logging commands (issues, summary, output variables, result) and a pull-request
// thread.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task.js';
import {
  failReason,
  initCheckVerdict,
  initOutOfStepFiles,
  initOutOfStepMessage,
  onlineSummaryText,
  resolvedSettingsNote,
  secretParts,
} from '../core/adapter-support.js';
import { redactSecrets } from '../core/engine.js';
import { UsageError, errorMessage } from '../core/errors.js';
import { bySeverity, plural, summaryText } from '../core/format/common.js';
import { formatInitMarkdown, formatInitText } from '../core/format/init.js';
import {
  AZURE_DEVOPS_COMMENT_BUDGET,
  COMMENT_MARKER,
  formatPullRequestComment,
} from '../core/format/markdown.js';
import { runGate, type GateOutcome } from '../core/gate.js';
import { init, InitSolutionError, type InitResult } from '../core/init.js';
import type { FailOn, Finding, Report } from '../core/model.js';
import { readTaskSettings, type TaskSettings } from './inputs.js';
import { upsertPullRequestComment } from './pr-thread.js';

/** Registers every secret with the agent's masker; a multi-line value is masked line by line. */
function maskSecrets(secrets: readonly string[]): void {
  for (const part of secretParts(secrets)) {
    if (!/[\r\n]/.test(part)) tl.setSecret(part);
  }
}

/**
 * Replaces secrets in text the agent does not mask itself (the summary attachment, the PR
 * comment) and in issue messages, with the core's rule (values too short to be told apart from
 * ordinary text are left alone). The core never puts secrets there; this is the second lock.
 */
function redact(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secretParts(secrets));
}

function logFinding(finding: Finding, report: Report, secrets: readonly string[]): void {
  const parts = [`${finding.ruleId}: ${finding.message}`];
  if (report.solutions.length > 1 && finding.solution) parts.push(`(solution ${finding.solution})`);
  if (finding.settings) parts.push(`(settings ${finding.settings})`);

  let path: string | undefined;
  let line: number | undefined;
  let column: number | undefined;
  const location = finding.location;
  if (location) {
    const zipSplit = location.file.indexOf('!/');
    if (zipSplit >= 0) {
      // An entry inside a zip: point at the zip, and say where inside it.
      path = location.file.slice(0, zipSplit);
      parts.push(`(at ${location.file}${location.line ? `:${location.line}` : ''})`);
    } else {
      path = location.file;
      line = location.line;
      column = location.column;
    }
  }
  const message = redact(parts.join(' '), secrets);

  if (finding.severity === 'note') {
    const where = path ? ` [${path}${line ? `:${line}` : ''}]` : '';
    console.log(`note ${message}${where}`);
    return;
  }
  const type = finding.severity === 'error' ? tl.IssueType.Error : tl.IssueType.Warning;
  tl.logIssue(type, message, path, line, column, finding.ruleId);
}

function logReport(outcome: GateOutcome): void {
  const { report, secrets } = outcome.result;
  console.log(
    `connref-gate ${report.tool.version}: checked ${plural(report.solutions.length, 'solution')}: ` +
      summaryText(report.summary),
  );
  for (const finding of bySeverity(report.findings)) logFinding(finding, report, secrets);
}

function writeSummary(markdown: string, directory: string): string {
  // The summary section on the run's Extensions tab is titled with the file name.
  const file = join(directory, 'connref-gate.md');
  writeFileSync(file, markdown, { mode: 0o600 });
  tl.uploadSummary(file);
  return file;
}

function setOutputs(outcome: GateOutcome, reportFile: string | undefined): void {
  const { summary } = outcome.result.report;
  const output = (name: string, value: string) => tl.setVariable(name, value, false, true);
  output('result', outcome.failed ? 'fail' : 'pass');
  output('errors', String(summary.errors));
  output('warnings', String(summary.warnings));
  output('notes', String(summary.notes));
  output('report', reportFile ?? '');
  output('sarifFile', outcome.written.sarifFile ?? '');
  output('resolvedSettings', outcome.written.resolvedSettings ?? '');
}

async function commentOnPullRequest(outcome: GateOutcome, settings: TaskSettings): Promise<void> {
  const pr = settings.pullRequest;
  if (!pr) return;
  if (pr.provider && pr.provider.toLowerCase() !== 'tfsgit') {
    console.log(
      `Pull request comments are posted on Azure Repos only (this repository's provider is ${pr.provider}); no comment.`,
    );
    return;
  }
  if (!pr.collectionUri || !pr.project || !pr.repositoryId) {
    tl.warning(
      'could not comment on the pull request: the agent did not provide the collection, project or repository; the gate result stands',
    );
    return;
  }
  if (!pr.token) {
    tl.warning(
      'could not comment on the pull request: the job has no access token (SystemVssConnection); the gate result stands',
    );
    return;
  }
  const { report, secrets } = outcome.result;
  const result = await upsertPullRequestComment(
    {
      collectionUri: pr.collectionUri,
      project: pr.project,
      repositoryId: pr.repositoryId,
      pullRequestId: pr.id,
      token: pr.token,
    },
    {
      marker: COMMENT_MARKER,
      failing: outcome.failed,
      render: (previousBody) =>
        redact(
          formatPullRequestComment(report, {
            failOn: settings.failOn,
            previousBody,
            runUrl: pr.runUrl,
            maxLength: AZURE_DEVOPS_COMMENT_BUDGET,
            // Azure DevOps renders Mermaid only in wikis: in a comment it would be raw source.
            diagram: false,
          }),
          secrets,
        ),
    },
  );
  switch (result.kind) {
    case 'created':
      console.log(`Commented on pull request ${pr.id} (thread ${result.threadId}).`);
      break;
    case 'updated':
      console.log(`Updated the comment on pull request ${pr.id} (thread ${result.threadId}).`);
      break;
    case 'unchanged':
      console.log(
        `The comment on pull request ${pr.id} is up to date (thread ${result.threadId}).`,
      );
      break;
    case 'failed':
      tl.warning(result.message);
      break;
  }
}

function setTaskResult(outcome: GateOutcome, failOn: FailOn): void {
  const summary = outcome.result.report.summary;
  const { errors, warnings } = summary;
  if (outcome.failed) {
    tl.setResult(tl.TaskResult.Failed, `connref-gate: ${failReason(summary, failOn, 'failOn')}`);
  } else if (errors + warnings > 0) {
    tl.setResult(
      tl.TaskResult.SucceededWithIssues,
      `connref-gate: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, below failOn=${failOn}`,
    );
  } else {
    tl.setResult(tl.TaskResult.Succeeded, 'connref-gate: no errors or warnings');
  }
}

/**
 * `command: init --check`: fails when a settings file is out of step with the solution (or cannot
 * be read), with the changes init would make in the log, an error issue on each such file and the
 * summary. Writes nothing, sets only the `result` output, and does not comment.
 */
async function runInitCheck(settings: TaskSettings): Promise<void> {
  let result: InitResult;
  try {
    result = await init({
      solution: settings.solutions,
      settings: settings.settings,
      cwd: settings.cwd,
      check: true,
    });
  } catch (error) {
    if (error instanceof InitSolutionError) tl.setVariable('result', 'fail', false, true);
    throw error;
  }
  // An error line (a file init cannot read) becomes an issue on that file.
  for (const line of formatInitText(result, true)) {
    if (line.stream === 'stderr') tl.logIssue(tl.IssueType.Error, line.text, line.file);
    else console.log(line.text);
  }
  const outOfStep = initOutOfStepFiles(result);
  for (const file of outOfStep) {
    if (file.status === 'unusable') continue; // its error line is above
    tl.logIssue(tl.IssueType.Error, initOutOfStepMessage(result, file), file.path);
  }
  const directory = mkdtempSync(join(settings.tempDirectory, 'connref-gate-'));
  writeSummary(formatInitMarkdown(result), directory);
  tl.setVariable('result', outOfStep.length > 0 ? 'fail' : 'pass', false, true);
  tl.setResult(
    outOfStep.length > 0 ? tl.TaskResult.Failed : tl.TaskResult.Succeeded,
    initCheckVerdict(result),
  );
}

/** The task. Never throws: every problem ends as the task result, in one line. */
export async function run(): Promise<void> {
  try {
    const settings = readTaskSettings();
    if (settings.command === 'init-check') {
      await runInitCheck(settings);
      return;
    }
    const outputDirectory = mkdtempSync(join(settings.tempDirectory, 'connref-gate-'));
    const reportFile = join(outputDirectory, 'connref-gate.json');

    const outcome = await runGate({
      solutions: settings.solutions,
      settings: settings.settings,
      settingsPerSolution: settings.settingsPerSolution,
      placeholders: settings.placeholders,
      cwd: settings.cwd,
      env: settings.env,
      rules: settings.rules,
      failOn: settings.failOn,
      sarifFile: settings.sarifFile,
      reportFile,
      resolvedSettingsFile: settings.resolvedSettings,
      // Azure DevOps renders Mermaid only in wikis: in the summary it would be raw source.
      summaryDiagrams: false,
      ...(settings.online && { online: settings.online }),
    });
    // Before anything else is logged: every value that came from a substitution.
    const { secrets } = outcome.result;
    maskSecrets(secrets);

    if (outcome.result.online) {
      console.log(redact(onlineSummaryText(outcome.result.online), secrets));
    }
    logReport(outcome);
    // Where the resolved settings went and how many entries they hold: never their content.
    const resolved = resolvedSettingsNote(outcome, settings.resolvedSettings);
    if (resolved?.written) console.log(redact(resolved.text, secrets));
    else if (resolved) tl.warning(redact(resolved.text, secrets));
    writeSummary(redact(outcome.markdown, secrets), outputDirectory);
    setOutputs(outcome, outcome.written.reportFile);
    if (settings.commentOnPullRequest) await commentOnPullRequest(outcome, settings);
    setTaskResult(outcome, settings.failOn);
  } catch (error) {
    if (!(error instanceof UsageError))
      tl.debug(error instanceof Error ? String(error.stack) : String(error));
    const message = errorMessage(error).split(/\r?\n/)[0] ?? '';
    tl.setResult(tl.TaskResult.Failed, `connref-gate: ${message}`);
  }
}
