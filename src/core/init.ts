// `connref-gate init`: writes a pac deployment-settings file for a solution, or brings an existing
// one in step with it. Existing files are edited in place, not re-serialized: every kept entry,
// every value, unknown keys (ConnectionOwner, `$schema`), the indentation, key spacing, line
// endings, BOM and final newline stay byte for byte, so the diff in a pull request shows only the
// entries that were added or removed. Names are printed, never values.
import { resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { Solution } from './model.js';
import { DEFAULT_LIMITS, type ReadLimits } from './options.js';
import {
  expandPaths,
  hasGlobMagic,
  isInside,
  lstatOrUndefined,
  toReportPath,
  writeRegularFile,
} from './paths.js';
import { parseSettings, readSettingsBytes } from './settings.js';
import {
  detectEncoding,
  type InitNames,
  encode,
  renderFresh,
  solutionEntries,
  uniqueByName,
  updateSettingsText,
} from './settings-editor.js';
import { findSolutions } from './solution/discovery.js';
import { readSolution } from './solution/reader.js';
import { decodeText } from './text.js';

export const DEFAULT_SETTINGS_FILE = 'deploymentSettings.json';

export interface InitOptions {
  /** One solution: a path or a glob that matches exactly one solution. */
  solution: string[];
  /** Settings files or globs; default `deploymentSettings.json` in cwd. */
  settings?: string[];
  cwd?: string;
  /** Drift check: compute the changes but write nothing. */
  check?: boolean;
  limits?: Partial<ReadLimits>;
}

export interface InitFileResult {
  /** As reported: relative to cwd, forward slashes. */
  path: string;
  /**
   * `created` (did not exist, or held only whitespace), `updated`, `unchanged`, or `unusable`
   * (DS001: never overwritten). With `check`, created and updated mean "would be".
   */
  status: 'created' | 'updated' | 'unchanged' | 'unusable';
  /** The DS001 reason, for `unusable`. */
  reason?: string;
  added: InitNames;
  kept: InitNames;
  removed: InitNames;
  /** True when the file was written (never with `check`). */
  written: boolean;
}

export interface InitResult {
  solution: { uniqueName: string; version: string; path: string };
  files: InitFileResult[];
}

/** A solution that cannot be read: init stops with this one-line reason (exit 1, like SL001). */
export type { InitNames };

export class InitSolutionError extends Error {
  override name = 'InitSolutionError';
}

// ---------------------------------------------------------------------------------------------
// The command

const emptyNames = (): InitNames => ({ connectionReferences: [], environmentVariables: [] });

function isEmptyChange(result: { added: InitNames; removed: InitNames }): boolean {
  return (
    result.added.connectionReferences.length +
      result.added.environmentVariables.length +
      result.removed.connectionReferences.length +
      result.removed.environmentVariables.length ===
    0
  );
}

/**
 * Writes or updates the settings file(s) for one solution (SPEC section 3). Throws UsageError
 * for bad options and paths, InitSolutionError when the solution cannot be read. An unusable
 * settings file (DS001) is reported in its result and left untouched.
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const patterns = options.solution.filter((p) => p.trim() !== '');
  if (patterns.length === 0) {
    throw new UsageError('missing --solution: give the one solution to write settings for');
  }
  const targets = await findSolutions(patterns, cwd);
  if (targets.length !== 1) {
    const listed = targets
      .slice(0, 5)
      .map((t) => t.reportPath)
      .join(', ');
    throw new UsageError(
      targets.length === 0
        ? `no solution found in ${patterns.join(', ')}: give an unpacked solution folder or a solution zip`
        : `init writes settings for one solution at a time, but ${targets.length} were found (${listed}${targets.length > 5 ? ', …' : ''}): name one`,
    );
  }
  const target = targets[0]!;

  // Settings paths: literal paths may not exist yet (they are created); globs must match.
  const settingsPatterns = (options.settings ?? []).filter((p) => p.trim() !== '');
  const absPaths = new Set<string>();
  for (const pattern of settingsPatterns.length > 0 ? settingsPatterns : [DEFAULT_SETTINGS_FILE]) {
    if (hasGlobMagic(pattern.trim())) {
      for (const path of await expandPaths([pattern], cwd, 'settings file')) absPaths.add(path);
    } else {
      absPaths.add(resolve(cwd, pattern.trim()));
    }
  }
  for (const absPath of absPaths) {
    const where = toReportPath(absPath, cwd);
    if (target.kind === 'folder' ? isInside(absPath, target.absPath) : absPath === target.absPath) {
      throw new UsageError(
        `refusing to write the settings file ${where} inside the solution ${target.reportPath}: choose a path outside it`,
      );
    }
    if ((await lstatOrUndefined(absPath))?.isDirectory()) {
      throw new UsageError(`settings file ${where} is a folder: name a JSON file`);
    }
  }

  const read = await readSolution(target, limits);
  if (!read.ok) throw new InitSolutionError(read.unreadable.reason);
  const solution = read.solution;

  const files: InitFileResult[] = [];
  for (const absPath of [...absPaths].sort()) {
    files.push(
      await initFile(absPath, toReportPath(absPath, cwd), solution, options.check ?? false),
    );
  }
  return {
    solution: { uniqueName: solution.uniqueName, version: solution.version, path: solution.path },
    files,
  };
}

async function initFile(
  absPath: string,
  reportPath: string,
  solution: Solution,
  checkOnly: boolean,
): Promise<InitFileResult> {
  const stats = await lstatOrUndefined(absPath);
  let bytes: Uint8Array | undefined;
  if (stats) {
    const unusable = (reason: string): InitFileResult => ({
      path: reportPath,
      status: 'unusable',
      reason,
      added: emptyNames(),
      kept: emptyNames(),
      removed: emptyNames(),
      written: false,
    });
    // Read once: the bytes that were parsed are the bytes that are edited.
    const raw = await readSettingsBytes(absPath, reportPath);
    if ('unusable' in raw) return unusable(raw.unusable.reason);
    const parsed = parseSettings(raw.bytes, reportPath);
    if (!('unusable' in parsed)) bytes = raw.bytes;
    // Nothing to lose in a file that holds only whitespace: it is written like a new one.
    else if (decodeText(raw.bytes).trim() !== '') return unusable(parsed.unusable.reason);
  }

  if (bytes === undefined) {
    const entries = solutionEntries(solution);
    entries.ConnectionReferences = uniqueByName(entries.ConnectionReferences);
    entries.EnvironmentVariables = uniqueByName(entries.EnvironmentVariables);
    const result: InitFileResult = {
      path: reportPath,
      status: 'created',
      added: {
        connectionReferences: entries.ConnectionReferences.map((e) => e.name),
        environmentVariables: entries.EnvironmentVariables.map((e) => e.name),
      },
      kept: emptyNames(),
      removed: emptyNames(),
      written: false,
    };
    if (!checkOnly) {
      await writeSettings(absPath, reportPath, new TextEncoder().encode(renderFresh(entries)));
      result.written = true;
    }
    return result;
  }

  const encoding = detectEncoding(bytes);
  const text = decodeText(bytes);
  const updated = updateSettingsText(text, solution);
  const changed = !isEmptyChange(updated) && updated.text !== text;
  const result: InitFileResult = {
    path: reportPath,
    status: changed ? 'updated' : 'unchanged',
    added: updated.added,
    kept: updated.kept,
    removed: updated.removed,
    written: false,
  };
  if (changed && !checkOnly) {
    await writeSettings(absPath, reportPath, encode(updated.text, encoding));
    result.written = true;
  }
  return result;
}

async function writeSettings(
  absPath: string,
  reportPath: string,
  bytes: Uint8Array,
): Promise<void> {
  try {
    // Not through a link or into a FIFO that a pull request placed at the path.
    await writeRegularFile(absPath, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${reportPath} (${code}): check the path and permissions`);
  }
}
