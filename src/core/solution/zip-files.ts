// A solution as an exported zip: entries read through the project's zip reader (src/core/zip.ts).
import type { ReadLimits } from '../options.js';
import { ZipArchive, ZipFormatError } from '../zip.js';
import { SolutionFileError, type SolutionFiles } from './files.js';

export class ZipSolutionFiles implements SolutionFiles {
  /** Entry names in lower case, once: the reader lists five folders of thousands of entries. */
  private lowerNames: string[] | undefined;

  private constructor(
    private readonly archive: ZipArchive,
    private readonly reportPath: string,
  ) {}

  static async open(
    absPath: string,
    reportPath: string,
    limits: ReadLimits,
  ): Promise<ZipSolutionFiles> {
    return new ZipSolutionFiles(await ZipArchive.open(absPath, limits), reportPath);
  }

  async list(folder: string, depth: number): Promise<string[]> {
    const prefix = folder === '' ? '' : `${folder.toLowerCase()}/`;
    const result: string[] = [];
    const lowerNames = (this.lowerNames ??= this.archive.entries.map((e) => e.name.toLowerCase()));
    this.archive.entries.forEach((entry, index) => {
      const lower = lowerNames[index]!;
      if (!lower.startsWith(prefix) || lower.endsWith('/')) return;
      // At most `depth` segments below the folder: count the slashes, no array per entry.
      let slashes = 0;
      for (let at = lower.indexOf('/', prefix.length); at !== -1; at = lower.indexOf('/', at + 1)) {
        if (++slashes >= depth) return;
      }
      result.push(entry.name);
    });
    return result;
  }

  async find(path: string): Promise<string | undefined> {
    return this.archive.find(path)?.name;
  }

  read(path: string): Buffer {
    const entry = this.archive.find(path);
    if (!entry) throw new SolutionFileError(`${path} is missing`, this.where(path));
    try {
      return this.archive.read(entry);
    } catch (error) {
      if (error instanceof ZipFormatError)
        throw new SolutionFileError(error.message, this.where(path));
      throw error;
    }
  }

  where(path: string): string {
    return `${this.reportPath}!/${path}`;
  }

  async close(): Promise<void> {
    await this.archive.close();
  }

  /** All entry names, for layout sniffing (legacy packages). */
  entryNames(): string[] {
    return this.archive.entries.map((e) => e.name);
  }
}
