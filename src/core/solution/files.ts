// One view over the three physical forms of a solution (zip, extracted zip, unpacked folder), so
// the fact extraction never cares where bytes come from. The two forms are zip-files.ts and
// folder-files.ts.

/** A problem reading one file of a solution; becomes SL001 at that file. */
export class SolutionFileError extends Error {
  override name = 'SolutionFileError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export interface SolutionFiles {
  /** Files below `folder` (relative, slashes, actual case), at most `depth` levels deep. */
  list(folder: string, depth: number): Promise<string[]>;
  /** The path of a file if it exists (case-insensitive match per segment). */
  find(path: string): Promise<string | undefined>;
  /**
   * A file's bytes, read synchronously (thousands of small files one after another beat a
   * thread-pool round trip each). They may be a view that the next read overwrites: decode or
   * parse them before reading again (the files then need no buffer each).
   */
  read(path: string): Buffer;
  /** How a file appears in reports: `dir/Other/Customizations.xml` or `X.zip!/customizations.xml`. */
  where(path: string): string;
  close(): Promise<void>;
}
