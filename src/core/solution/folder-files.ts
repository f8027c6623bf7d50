// A solution as a folder: unpacked (pac solution unpack / SolutionPackager) or an extracted zip.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadLimits } from '../options.js';
import { SolutionFileError, type SolutionFiles } from './files.js';

/**
 * An unpacked or extracted solution on disk. Symbolic links are never followed and only regular
 * files are read: a pull request controls this tree, and a link or FIFO must not leak or hang.
 */
export class FolderSolutionFiles implements SolutionFiles {
  private readonly listings = new Map<
    string,
    Map<string, { name: string; kind: 'file' | 'dir' }>
  >();
  /** Reused for every file that fits (see SolutionFiles.read). */
  private readonly scratch = Buffer.allocUnsafe(256 * 1024);
  /** Bytes read (or being read) so far, against limits.maxTotalBytes. */
  private totalRead = 0;

  constructor(
    private readonly root: string,
    /** The root as reported (relative to the working directory). */
    private readonly reportRoot: string,
    private readonly limits: ReadLimits,
  ) {}

  /**
   * Children of a folder keyed by lower-case name; symlinks and special files are left out.
   * Synchronous like read: an unpacked solution has a folder per environment variable, and a
   * thread-pool round trip each cost more than the listing.
   */
  private children(folder: string): Map<string, { name: string; kind: 'file' | 'dir' }> {
    let listing = this.listings.get(folder);
    if (!listing) {
      listing = new Map();
      try {
        for (const entry of readdirSync(join(this.root, folder), { withFileTypes: true })) {
          const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : undefined;
          if (kind && !listing.has(entry.name.toLowerCase())) {
            listing.set(entry.name.toLowerCase(), { name: entry.name, kind });
          }
        }
      } catch {
        // An unreadable or missing folder simply has no files.
      }
      this.listings.set(folder, listing);
    }
    return listing;
  }

  /** Resolves a relative path case-insensitively, segment by segment. */
  private resolveCase(path: string, kind: 'file' | 'dir'): string | undefined {
    const segments = path.split('/').filter((s) => s !== '');
    let current = '';
    for (let i = 0; i < segments.length; i++) {
      const child = this.children(current).get(segments[i]!.toLowerCase());
      const wanted = i === segments.length - 1 ? kind : 'dir';
      if (!child || child.kind !== wanted) return undefined;
      current = current === '' ? child.name : `${current}/${child.name}`;
    }
    return current;
  }

  async list(folder: string, depth: number): Promise<string[]> {
    const start = folder === '' ? '' : this.resolveCase(folder, 'dir');
    if (start === undefined) return [];
    const result: string[] = [];
    const walk = (dir: string, level: number): void => {
      for (const child of this.children(dir).values()) {
        const path = dir === '' ? child.name : `${dir}/${child.name}`;
        if (child.kind === 'file') result.push(path);
        else if (level < depth) walk(path, level + 1);
      }
    };
    walk(start, 1);
    return result.sort();
  }

  async find(path: string): Promise<string | undefined> {
    return this.resolveCase(path, 'file');
  }

  read(path: string): Buffer {
    const absolute = join(this.root, path);
    const where = this.where(path);
    // Synchronous: thousands of small files read one after another beat a thread-pool round trip
    // per call, and only one file's bytes are alive at a time.
    // O_NOFOLLOW and O_NONBLOCK: a link is refused and a FIFO cannot block; fstat (for files
    // larger than the scratch buffer) then sees exactly the file that was opened.
    let fd: number;
    try {
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new SolutionFileError(
        code === 'ENOENT'
          ? `${path} is missing`
          : code === 'ELOOP'
            ? `${path} is not a regular file`
            : `${path} cannot be opened (check its permissions)`,
        where,
      );
    }
    const refuse = (message: string): never => {
      closeSync(fd);
      throw new SolutionFileError(message, where);
    };
    const count = (size: number) => {
      if (size > this.limits.maxEntryBytes) {
        refuse(`${path} is ${size} bytes, over the ${this.limits.maxEntryBytes}-byte limit`);
      }
      if (this.totalRead + size > this.limits.maxTotalBytes) {
        refuse(
          `reading ${path} would pass the ${this.limits.maxTotalBytes}-byte total limit for one solution`,
        );
      }
      this.totalRead += size;
    };

    // Most files fit the scratch buffer, and a read of a regular file that comes back short has
    // reached its end: one read, no fstat (4,000 files of an unpacked solution). Only files the
    // listing saw as regular are read, and O_NONBLOCK keeps anything swapped in since from
    // blocking.
    let first = 0;
    try {
      first = readSync(fd, this.scratch, 0, this.scratch.length, 0);
    } catch {
      refuse(`${path} cannot be read (check its permissions)`);
    }
    if (first < this.scratch.length) {
      count(first);
      closeSync(fd);
      return this.scratch.subarray(0, first);
    }

    const stats = fstatSync(fd);
    if (!stats.isFile()) refuse(`${path} is not a regular file`);
    count(stats.size);
    try {
      // Exactly the size fstat saw: a file that grows meanwhile cannot pass the limits.
      const buffer = Buffer.allocUnsafe(stats.size);
      let filled = 0;
      while (filled < buffer.length) {
        const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    } catch {
      throw new SolutionFileError(`${path} cannot be read (check its permissions)`, where);
    } finally {
      closeSync(fd);
    }
  }

  where(path: string): string {
    return this.reportRoot === '.' ? path : `${this.reportRoot}/${path}`;
  }

  async close(): Promise<void> {}
}
