// Path and glob handling shared by solution discovery and settings files.
// Node 20 has no fs.glob, so a small matcher covers `*`, `?`, `**` and `{a,b}`.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/** Folders that never hold a solution and are expensive to walk. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Relative to cwd with forward slashes: how every path appears in reports. */
export function toReportPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** lstat, or undefined when nothing is there: a link is seen as a link, never followed. */
export async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch {
    return undefined;
  }
}

/** True when `child` is `parent` or lies below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function hasGlobMagic(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

/** Expands `{a,b}` alternatives (not nested) into plain patterns. */
function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return match[1]!.split(',').flatMap((alt) => expandBraces(before + alt + after));
}

function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const ch of segment) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, process.platform === 'win32' ? 'i' : '');
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function listDirectory(path: string): Promise<{ name: string; isDir: boolean }[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch {
    return [];
  }
}

async function walkGlob(base: string, segments: string[], out: Set<string>): Promise<void> {
  if (segments.length === 0) {
    out.add(base);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') {
    // `**` matches zero or more folders.
    await walkGlob(base, rest, out);
    for (const entry of await listDirectory(base)) {
      if (entry.isDir && !SKIPPED_FOLDERS.has(entry.name)) {
        await walkGlob(join(base, entry.name), segments, out);
      }
    }
    return;
  }
  if (!hasGlobMagic(head)) {
    const next = join(base, head);
    if (rest.length === 0 || (await isDirectory(next))) {
      if (rest.length > 0 || (await exists(next))) await walkGlob(next, rest, out);
    }
    return;
  }
  const regexp = segmentRegExp(head);
  for (const entry of await listDirectory(base)) {
    if (!regexp.test(entry.name)) continue;
    if (rest.length > 0 && !entry.isDir) continue;
    await walkGlob(join(base, entry.name), rest, out);
  }
}

/** True when something exists at the path (following links). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function matchGlob(pattern: string, base: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const alternative of expandBraces(pattern.replace(/\\/g, '/'))) {
    const absolute = isAbsolute(alternative);
    const segments = alternative.split('/').filter((s) => s !== '' && s !== '.');
    await walkGlob(absolute ? resolve('/') : base, segments, found);
  }
  return found;
}

/**
 * The paths that paths and globs match relative to `base`, absolute and sorted; what does not
 * exist or matches nothing is left out (no error).
 */
export async function matchPaths(patterns: readonly string[], base: string): Promise<string[]> {
  const results = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    if (!hasGlobMagic(pattern)) {
      const abs = resolve(base, pattern);
      if (await exists(abs)) results.add(abs);
      continue;
    }
    for (const path of await matchGlob(pattern, base)) results.add(path);
  }
  return [...results].sort();
}

/**
 * Expands paths and globs against cwd into absolute paths, sorted, without duplicates.
 * A literal path that does not exist, or a glob that matches nothing, is a UsageError naming
 * `what` (e.g. "solution", "settings file").
 */
export async function expandPaths(
  patterns: string[],
  cwd: string,
  what: string,
): Promise<string[]> {
  const results = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    if (!hasGlobMagic(pattern)) {
      const abs = resolve(cwd, pattern);
      if (!(await exists(abs))) {
        throw new UsageError(
          `${what} not found: ${pattern} (check the path; it is relative to ${cwd})`,
        );
      }
      results.add(abs);
      continue;
    }
    const found = await matchGlob(pattern, cwd);
    if (found.size === 0) {
      throw new UsageError(
        `no ${what} matches ${pattern} (check the glob; it is relative to ${cwd})`,
      );
    }
    for (const path of found) results.add(path);
  }
  return [...results].sort();
}

/**
 * Writes a file the user named as an output, creating its folder. A pull request controls what
 * already sits at that path: a symbolic link there is not followed (O_NOFOLLOW: ELOOP), a FIFO
 * does not block (O_NONBLOCK: ENXIO), and anything but a regular file is refused (EINVAL), so
 * bytes land only where they were asked to. Errors keep their `code` for the caller's message.
 */
export async function writeRegularFile(
  absPath: string,
  data: string | Uint8Array,
  mode = 0o666,
): Promise<void> {
  await mkdir(dirname(absPath), { recursive: true });
  const handle = await open(
    absPath,
    constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    mode,
  );
  try {
    if (!(await handle.stat()).isFile()) {
      throw Object.assign(new Error(`${absPath} is not a regular file`), { code: 'EINVAL' });
    }
    // Truncate only once it is known to be a regular file.
    await handle.truncate(0);
    if (mode !== 0o666) await handle.chmod(mode);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
