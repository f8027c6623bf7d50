// The read limits (ReadLimits, DEFAULT_LIMITS) must stop hostile input and never a real
// solution: measure what the reader actually reads in every solution of ../shared/corpus and
// check the defaults leave a wide margin.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { FolderSolutionFiles } from '../src/core/solution/folder-files.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';
import { ZipArchive } from '../src/core/zip.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

interface Measured {
  largestEntry: { bytes: number; where: string };
  highestRatio: { ratio: number; where: string };
  largestTotal: { bytes: number; where: string };
  mostEntries: { count: number; where: string };
}

const measured: Measured = {
  largestEntry: { bytes: 0, where: '' },
  highestRatio: { ratio: 0, where: '' },
  largestTotal: { bytes: 0, where: '' },
  mostEntries: { count: 0, where: '' },
};

afterAll(() => {
  if (hasCorpus) console.info(`[limits] corpus measurements: ${JSON.stringify(measured)}`);
});

describe.skipIf(!hasCorpus)('read limits against the real corpus', () => {
  it('reads every corpus solution within the default limits, with a wide margin', async () => {
    const zipRead = ZipArchive.prototype.read;
    const folderRead = FolderSolutionFiles.prototype.read;
    let current = '';
    let total = 0;
    ZipArchive.prototype.read = function (entry) {
      const data = zipRead.call(this, entry);
      total += data.length;
      if (data.length > measured.largestEntry.bytes) {
        measured.largestEntry = { bytes: data.length, where: `${current}!/${entry.name}` };
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.method === 8 && ratio > measured.highestRatio.ratio) {
        measured.highestRatio = { ratio, where: `${current}!/${entry.name}` };
      }
      return data;
    };
    FolderSolutionFiles.prototype.read = function (path) {
      const data = folderRead.call(this, path);
      total += data.length;
      if (data.length > measured.largestEntry.bytes) {
        measured.largestEntry = { bytes: data.length, where: `${current}/${path}` };
      }
      return data;
    };
    try {
      for (const target of await findSolutions(['.'], corpusDir)) {
        current = target.reportPath;
        total = 0;
        if (target.kind === 'zip') {
          const archive = await ZipArchive.open(target.absPath, DEFAULT_LIMITS).catch(() => null);
          if (archive) {
            if (archive.entries.length > measured.mostEntries.count) {
              measured.mostEntries = { count: archive.entries.length, where: current };
            }
            await archive.close();
          }
        }
        const result = await readSolution(target, DEFAULT_LIMITS);
        // The corpus holds two legacy export packages: SL001 for what they are, not a limit.
        if (!result.ok) expect(result.unreadable.reason).toMatch(/legacy export package/);
        if (total > measured.largestTotal.bytes) {
          measured.largestTotal = { bytes: total, where: current };
        }
      }
    } finally {
      ZipArchive.prototype.read = zipRead;
      FolderSolutionFiles.prototype.read = folderRead;
    }
    // At the time of writing: 2.0 MB (a customizations.xml), 14.4:1, 57 entries.
    expect(measured.largestEntry.bytes * 50).toBeLessThan(DEFAULT_LIMITS.maxEntryBytes);
    expect(measured.highestRatio.ratio * 20).toBeLessThan(DEFAULT_LIMITS.maxCompressionRatio);
    expect(measured.largestTotal.bytes * 50).toBeLessThan(DEFAULT_LIMITS.maxTotalBytes);
    expect(measured.mostEntries.count * 100).toBeLessThan(100_000);
  }, 120_000);

  it('still reads every corpus solution with limits at a tenth of the defaults', async () => {
    const tight = {
      maxEntryBytes: DEFAULT_LIMITS.maxEntryBytes / 10,
      maxCompressionRatio: DEFAULT_LIMITS.maxCompressionRatio / 10,
      maxTotalBytes: DEFAULT_LIMITS.maxTotalBytes / 10,
    };
    for (const target of await findSolutions(['.'], corpusDir)) {
      const result = await readSolution(target, tight);
      if (!result.ok) expect(result.unreadable.reason).toMatch(/legacy export package/);
    }
  }, 120_000);
});
