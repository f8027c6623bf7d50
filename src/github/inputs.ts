// The one place that reads the action's inputs (in the style of actions/checkout's input-helper):
// raw `INPUT_*` values in, a typed, validated settings object out. Everything else in
// src/github works from `ActionInputs` and never calls core.getInput.
import { statSync } from 'node:fs';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { UsageError, errorMessage } from '../core/errors.js';
import { DEFAULT_SETTINGS_FILE } from '../core/init.js';
import type { FailOn, SeverityOverride } from '../core/model.js';
import { parseRuleOverrides } from '../core/rules/index.js';

/** `check`: the gate. `init-check`: `init --check`, a drift check of the settings files. */
export type ActionCommand = 'check' | 'init-check';

export interface ActionInputs {
  command: ActionCommand;
  /** Solution paths/globs, relative to `cwd` (or absolute). */
  solutions: string[];
  /**
   * Settings files/globs, relative to `cwd` (or absolute). Empty: check against empty settings;
   * for `init --check`, `deploymentSettings.json` in the working directory.
   */
  settings: string[];
  failOn: FailOn;
  rules: Record<string, SeverityOverride>;
  /** Absolute path of the SARIF file to write, when asked for. */
  sarifFile?: string;
  /** Absolute path of the resolved settings file to write, when asked for. */
  resolvedSettingsFile?: string;
  commentOnPr: boolean;
  /** May be empty: the comment is then skipped with a warning. */
  githubToken: string;
  /** The `working-directory` input, absolute. */
  workingDirectory: string;
  /**
   * The base the core resolves and reports paths against: the workspace root when the working
   * directory is inside it (so that annotations and SARIF URIs are repository-relative), else the
   * working directory itself.
   */
  cwd: string;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Reads and validates every input. Throws UsageError with a one-line message on a bad input. */
export function getInputs(): ActionInputs {
  const command = commandInput();
  const workspace = resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
  const workingDirectory = resolve(workspace, core.getInput('working-directory'));
  if (!isDirectory(workingDirectory)) {
    throw new UsageError(
      `input 'working-directory': ${workingDirectory} does not exist or is not a folder`,
    );
  }

  // Inside the workspace, hand the core workspace-relative patterns: every path it reports is
  // then relative to the repository root, which is what annotations and code scanning expect.
  const prefix = relative(workspace, workingDirectory).split(sep).join('/');
  const insideWorkspace =
    prefix === '' || (!prefix.startsWith('../') && prefix !== '..' && !isAbsolute(prefix));
  const cwd = insideWorkspace ? workspace : workingDirectory;
  const toCorePattern = (pattern: string): string =>
    !insideWorkspace || prefix === '' || isAbsolute(pattern)
      ? pattern
      : posix.join(prefix, pattern);

  const solutions = lines('solution');
  if (solutions.length === 0) {
    throw new UsageError(
      "input 'solution' is required: give one solution path or glob per line (a zip, an unpacked folder, or a folder holding several)",
    );
  }
  let settings = lines('settings');
  if (command === 'init-check') {
    if (settings.length === 0) settings = [DEFAULT_SETTINGS_FILE];
    for (const name of ['sarif-file', 'resolved-settings']) {
      if (core.getInput(name) !== '') {
        throw new UsageError(
          `input '${name}' is for command 'check': 'init --check' compares the settings with the solution and writes nothing`,
        );
      }
    }
  }

  const failOnRaw = core.getInput('fail-on').toLowerCase() || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOnRaw)) {
    throw new UsageError(
      `input 'fail-on' is '${core.getInput('fail-on')}': use one of ${FAIL_ON.join(', ')}`,
    );
  }

  let rules: Record<string, SeverityOverride>;
  try {
    rules = parseRuleOverrides(lines('rules'));
  } catch (error) {
    throw new UsageError(`input 'rules': ${errorMessage(error)}`);
  }

  const outputPath = (name: string): string | undefined => {
    const value = core.getInput(name);
    return value === '' ? undefined : resolve(workingDirectory, value);
  };

  return {
    command,
    solutions: solutions.map(toCorePattern),
    settings: settings.map(toCorePattern),
    failOn: failOnRaw as FailOn,
    rules,
    sarifFile: outputPath('sarif-file'),
    resolvedSettingsFile: outputPath('resolved-settings'),
    commentOnPr: booleanInput('comment-on-pr', true),
    githubToken: core.getInput('github-token'),
    workingDirectory,
    cwd,
  };
}

/** `check` (default) or `init --check`; spacing and case do not matter. */
function commandInput(): ActionCommand {
  const raw = core.getInput('command');
  const value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (value === '' || value === 'check') return 'check';
  if (value === 'init --check') return 'init-check';
  const hint =
    value === 'init'
      ? " (init writes the settings file: run it where you commit, and use 'init --check' in a workflow)"
      : '';
  throw new UsageError(`input 'command' is '${raw}': use check or init --check${hint}`);
}

/** A multi-line input: trimmed, without empty lines and `#` comment lines. */
function lines(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return false;
  throw new UsageError(`input '${name}' is '${core.getInput(name)}': use true or false`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
