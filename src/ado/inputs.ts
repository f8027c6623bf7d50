// The one place that reads the task's inputs and the agent's variables. Everything else in the
// adapter works from the typed TaskSettings this returns.
import { tmpdir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task.js';
import {
  inputLines,
  notForInitCheck,
  parseBoolean,
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
import { readOnlineSettings, systemAccessToken } from './online.js';

/** `check`: the gate. `init-check`: `init --check`, a drift check of the settings files. */
export type TaskCommand = AdapterCommand;

/** Where and how to comment on the pull request that triggered the build. */
export interface PullRequestContext {
  /** `System.PullRequest.PullRequestId`. */
  id: string;
  /** `System.TeamFoundationCollectionUri`, always ending in `/`. */
  collectionUri: string;
  /** `System.TeamProjectId`, or the project name. */
  project: string;
  /** `Build.Repository.ID`. */
  repositoryId: string;
  /** The job's access token; undefined when the agent gave none. */
  token: string | undefined;
  /** `Build.Repository.Provider`, e.g. `TfsGit`; comments work only for Azure Repos. */
  provider: string | undefined;
  /** Link to this run, shown in the comment. */
  runUrl: string | undefined;
}

export interface TaskSettings {
  command: TaskCommand;
  /** The `workingDirectory` input, absolute. */
  workingDirectory: string;
  /**
   * The base the core resolves and reports paths against: the repository root
   * (`Build.SourcesDirectory`) when the working directory is inside it, so that issue source
   * paths and SARIF URIs are repository-relative; else the working directory itself.
   */
  cwd: string;
  /** Solution paths/globs, relative to `cwd` (or absolute). */
  solutions: string[];
  /**
   * Settings files/globs, relative to the repository root = `cwd` (or absolute). Empty: none;
   * for `init --check`, `deploymentSettings.json` in the working directory.
   */
  settings: string[];
  /** Each solution's own settings, relative to the solution's folder (`settingsPerSolution`). */
  settingsPerSolution: string[];
  placeholders: PlaceholderMode;
  failOn: FailOn;
  rules: Record<string, SeverityOverride>;
  /** Absolute path of the SARIF file to write, or undefined. */
  sarifFile: string | undefined;
  /** Absolute path of the resolved settings file to write, or undefined. */
  resolvedSettings: string | undefined;
  commentOnPullRequest: boolean;
  /** Set on a pull-request build when commentOnPullRequest is true. */
  pullRequest: PullRequestContext | undefined;
  /** Folder for the report and summary files (`Agent.TempDirectory`). */
  tempDirectory: string;
  /** Values for placeholders in settings: the environment plus secret pipeline variables. */
  env: Record<string, string | undefined>;
  /** The online checks, with a Power Platform service connection (`powerPlatformSPN`). */
  online?: OnlineOptions;
}

/** A multiLine input: trimmed, without empty lines and `#` comment lines. */
function lines(name: string): string[] {
  return inputLines(tl.getInput(name, false));
}

function optionalInput(name: string): string | undefined {
  const value = tl.getInput(name, false)?.trim();
  return value ? value : undefined;
}

function variable(name: string): string | undefined {
  const value = tl.getVariable(name)?.trim();
  return value ? value : undefined;
}

function isSamePath(a: string, b: string): boolean {
  const norm = (p: string) => resolve(p).replace(/[\\/]+$/, '');
  return process.platform === 'win32'
    ? norm(a).toLowerCase() === norm(b).toLowerCase()
    : norm(a) === norm(b);
}

function readPullRequest(): PullRequestContext | undefined {
  const id = variable('System.PullRequest.PullRequestId');
  if (id === undefined) return undefined;
  const collection =
    variable('System.TeamFoundationCollectionUri') ??
    variable('System.CollectionUri') ??
    tl.getEndpointUrl('SystemVssConnection', true);
  const projectName = variable('System.TeamProject');
  const project = variable('System.TeamProjectId') ?? projectName;
  const repositoryId = variable('Build.Repository.ID');
  const buildId = variable('Build.BuildId');
  const collectionUri = collection
    ? collection.endsWith('/')
      ? collection
      : `${collection}/`
    : '';
  return {
    id,
    collectionUri,
    project: project ?? '',
    repositoryId: repositoryId ?? '',
    token: systemAccessToken(),
    provider: variable('Build.Repository.Provider'),
    runUrl:
      collectionUri && project && buildId
        ? `${collectionUri}${encodeURIComponent(projectName ?? project)}/_build/results?buildId=${encodeURIComponent(buildId)}`
        : undefined,
  };
}

/**
 * Placeholder values: the process environment, plus secret pipeline variables, which the agent
 * hands to tasks encrypted (task-lib keeps them out of process.env). Public variables are already
 * in the environment under their `A_B` names; a secret one is fetched only when a placeholder
 * asks for it, so no value is ever enumerated or logged.
 */
function substitutionEnv(): Record<string, string | undefined> {
  const base: Record<string, string | undefined> = { ...process.env };
  const secretCache = new Map<string, string | undefined>();
  const secret = (name: string): string | undefined => {
    const key = name.replace(/[.\s]/g, '_').toUpperCase();
    if (key === '' || Object.hasOwn(base, key)) return undefined;
    if (!secretCache.has(key)) {
      let value: string | undefined;
      try {
        value = tl.getVariable(name);
      } catch {
        value = undefined;
      }
      secretCache.set(key, value || undefined);
    }
    return secretCache.get(key);
  };
  return new Proxy(base, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      return Object.hasOwn(target, name) ? target[name] : secret(name);
    },
    has(target, name) {
      return (
        typeof name === 'string' && (Object.hasOwn(target, name) || secret(name) !== undefined)
      );
    },
    getOwnPropertyDescriptor(target, name) {
      if (typeof name !== 'string') return undefined;
      if (Object.hasOwn(target, name)) return Object.getOwnPropertyDescriptor(target, name);
      const value = secret(name);
      return value === undefined
        ? undefined
        : { value, writable: false, enumerable: false, configurable: true };
    },
  });
}

/** Reads and validates every input. Throws UsageError with one line for a bad input. */
export function readTaskSettings(): TaskSettings {
  const command = parseCommand(optionalInput('command') ?? '', 'command', 'a pipeline');
  const sources = variable('Build.SourcesDirectory') ?? variable('System.DefaultWorkingDirectory');
  const root = resolve(sources ?? process.cwd());
  const base = pathBase(root, optionalInput('workingDirectory') ?? '', 'workingDirectory');
  const { cwd } = base;

  const solutions = requireSolutions(lines('solution'), 'solution');

  // `settings` is a filePath input: the agent roots a relative value at the repository root and
  // hands an empty one over as the repository root itself, which therefore means "not given".
  const emptyMeans = [root, variable('System.DefaultWorkingDirectory')].filter(
    (path): path is string => path !== undefined,
  );
  let settings = lines('settings')
    .filter((path) => !emptyMeans.some((empty) => isSamePath(resolve(root, path), empty)))
    .map((path) => (isAbsolute(path) || cwd === root ? path : resolve(root, path)));
  if (command === 'init-check') {
    // Like `connref-gate init`: the file in the working directory.
    if (settings.length === 0) settings = [base.toCorePattern(DEFAULT_SETTINGS_FILE)];
    for (const name of ['sarifFile', 'resolvedSettings']) {
      if (optionalInput(name) !== undefined) throw notForInitCheck(name);
    }
  }

  const settingsPerSolution = lines('settingsPerSolution');
  if (command === 'init-check' && settingsPerSolution.length > 0) {
    throw notForInitCheck('settingsPerSolution');
  }
  const placeholders = parsePlaceholders(optionalInput('placeholders') ?? '', 'placeholders');
  const rules = parseRulesInput(lines('rules'), 'rules');
  const outputPath = (name: string): string | undefined => {
    const value = optionalInput(name);
    return value === undefined ? undefined : resolve(base.workingDirectory, value);
  };
  const failOn = parseFailOn(optionalInput('failOn') ?? '', 'failOn');
  const sarifFile = outputPath('sarifFile');
  const resolvedSettings = outputPath('resolvedSettings');
  const commentOnPullRequest = parseBoolean(
    optionalInput('commentOnPullRequest') ?? '',
    'commentOnPullRequest',
    true,
  );
  // The service connection's secret is masked as it is read, before the gate logs anything.
  const online = readOnlineSettings(command, optionalInput);

  return {
    command,
    workingDirectory: base.workingDirectory,
    cwd,
    solutions: solutions.map(base.toCorePattern),
    settings,
    // Relative to each solution's folder, not to the working directory: passed as given.
    settingsPerSolution,
    placeholders,
    failOn,
    rules,
    sarifFile,
    resolvedSettings,
    commentOnPullRequest,
    // init --check never comments: no token is read for it.
    pullRequest: commentOnPullRequest && command === 'check' ? readPullRequest() : undefined,
    tempDirectory: variable('Agent.TempDirectory') ?? tmpdir(),
    env: substitutionEnv(),
    ...(online && { online }),
  };
}
