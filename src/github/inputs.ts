// The one place that reads the action's inputs (in the style of actions/checkout's input-helper):
// raw inputs through @actions/core in, a typed, validated settings object out. Everything else in
// src/github works from `ActionInputs` and never calls core.getInput. Adding an input: a field in
// ActionInputs, its line in getInputs, and its entry in action.yml.
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import {
  inputLines,
  notForInitCheck,
  parseCommand,
  parseFailOn,
  parsePlaceholders,
  parseRulesInput,
  pathBase,
  requireSolutions,
  type AdapterCommand,
} from '../core/adapter-support.js';
import { DEFAULT_SETTINGS_FILE } from '../core/init.js';
import type { FailOn, PlaceholderMode, SeverityOverride } from '../core/model.js';
import type { OnlineOptions } from '../core/online/options.js';
import { readOnlineInputs } from './online.js';

/** `check`: the gate. `init-check`: `init --check`, a drift check of the settings files. */
export type ActionCommand = AdapterCommand;

export interface ActionInputs {
  command: ActionCommand;
  /** Solution paths/globs, relative to `cwd` (or absolute). */
  solutions: string[];
  /**
   * Settings files/globs, relative to `cwd` (or absolute). Empty: check against empty settings;
   * for `init --check`, `deploymentSettings.json` in the working directory.
   */
  settings: string[];
  /** Each solution's own settings, relative to the solution's folder (`settings-per-solution`). */
  settingsPerSolution: string[];
  placeholders: PlaceholderMode;
  failOn: FailOn;
  rules: Record<string, SeverityOverride>;
  /** Absolute path of the SARIF file to write, when asked for. */
  sarifFile?: string;
  /** Absolute path of the resolved settings file to write, when asked for. */
  resolvedSettingsFile?: string;
  commentOnPr: boolean;
  /** May be empty: the comment is then skipped with a warning. */
  githubToken: string;
  /**
   * `GITHUB_EVENT_NAME` (empty outside a runner). Only `pull_request` and `pull_request_target`
   * runs comment, and only they load @actions/github.
   */
  eventName: string;
  /** The `working-directory` input, absolute. */
  workingDirectory: string;
  /**
   * The base the core resolves and reports paths against: the workspace root when the working
   * directory is inside it (so that annotations and SARIF URIs are repository-relative), else the
   * working directory itself.
   */
  cwd: string;
  /** The online checks (`environment-url` and its companions). */
  online?: OnlineOptions;
}

/** Reads and validates every input. Throws UsageError with a one-line message on a bad input. */
export function getInputs(): ActionInputs {
  // First of all: the client secret is masked before anything else can log it.
  const clientSecret = text('client-secret');
  if (clientSecret) core.setSecret(clientSecret);
  const command = parseCommand(text('command'), 'command', 'a workflow');
  const online = readOnlineInputs(text, command);
  const workspace = resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
  const base = pathBase(workspace, text('working-directory'), 'working-directory');

  const solutions = requireSolutions(lines('solution'), 'solution');
  let settings = lines('settings');
  if (command === 'init-check') {
    if (settings.length === 0) settings = [DEFAULT_SETTINGS_FILE];
    for (const name of ['sarif-file', 'resolved-settings']) {
      if (text(name) !== '') throw notForInitCheck(name);
    }
  }
  const settingsPerSolution = lines('settings-per-solution');
  if (command === 'init-check' && settingsPerSolution.length > 0) {
    throw notForInitCheck('settings-per-solution');
  }
  const failOn = parseFailOn(text('fail-on'), 'fail-on');
  const placeholders = parsePlaceholders(text('placeholders'), 'placeholders');
  const rules = parseRulesInput(lines('rules'), 'rules');

  const outputPath = (name: string): string | undefined => {
    const value = text(name);
    return value === '' ? undefined : resolve(base.workingDirectory, value);
  };

  return {
    command,
    solutions: solutions.map(base.toCorePattern),
    settings: settings.map(base.toCorePattern),
    // Relative to each solution's folder, not to the working directory: passed as given.
    settingsPerSolution,
    placeholders,
    failOn,
    rules,
    sarifFile: outputPath('sarif-file'),
    resolvedSettingsFile: outputPath('resolved-settings'),
    commentOnPr: flag('comment-on-pr', true),
    githubToken: text('github-token'),
    eventName: process.env['GITHUB_EVENT_NAME'] ?? '',
    workingDirectory: base.workingDirectory,
    cwd: base.cwd,
    ...(online && { online }),
  };
}

/** A single-line input, trimmed; '' when not given. */
function text(name: string): string {
  // trimWhitespace spelled out: @github/local-action's stand-in trims only when asked to.
  return core.getInput(name, { trimWhitespace: true });
}

/** A multi-line input: trimmed lines, without empty lines and `#` comment lines. */
function lines(name: string): string[] {
  return inputLines(core.getMultilineInput(name, { trimWhitespace: true }).join('\n'));
}

/**
 * A boolean input as @actions/core reads it (YAML 1.2 core schema: true, True, TRUE, false, False,
 * FALSE); `fallback` when empty. A bad value is a one-line UsageError naming the input.
 */
function flag(name: string, fallback: boolean): boolean {
  const raw = text(name);
  if (raw === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UsageError(`input '${name}' is '${raw}': use true or false`);
  }
}
