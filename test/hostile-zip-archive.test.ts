// Hostile and broken solution zips, the archive itself (see test/hostile-zip-entries.test.ts for
// its entries): what is not a zip, is truncated or corrupt, or breaks zip64 must be SL001 with one
// line naming the file and what is wrong, in bounded time, and nothing is ever extracted to disk.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { ZipArchive, ZipFormatError } from '../src/core/zip.js';
import {
  FLOW_FILE,
  HOSTILE_TIMEOUT,
  expectUnreadable,
  readZip,
  removeTempDirs,
  solutionEntries,
  tempDir,
  writeZip,
} from './helpers/hostile-solution.js';
import { buildZip, zipLandmarks } from './helpers/hostile-zip.js';

afterAll(removeTempDirs);

describe('hostile zips: baseline', () => {
  it(
    'reads the raw-built solution zip (the hostile cases below break one thing each)',
    async () => {
      const dir = tempDir();
      writeZip(dir, 'S.zip', solutionEntries());
      const result = await readZip(dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.uniqueName).toBe('Hostile');
      expect(result.solution.connectionReferences.map((r) => r.logicalName)).toEqual([
        'new_sharedoffice365_1',
      ]);
      expect(result.solution.flows.map((f) => f.location.file)).toEqual([`S.zip!/${FLOW_FILE}`]);
      expect(result.solution.canvasApps).toHaveLength(1);
      expect(result.solution.environmentVariables.map((v) => v.currentValue)).toEqual([
        'https://contoso.example',
      ]);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads a valid zip64 archive (zip64 end record, locator and extra fields)',
    async () => {
      const dir = tempDir();
      writeZip(
        dir,
        'S.zip',
        solutionEntries().map((e) => ({ ...e, zip64: true })),
        { zip64: true },
      );
      const result = await readZip(dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows).toHaveLength(1);
      expect(result.solution.environmentVariables).toHaveLength(1);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads stored entries, a self-extractor prefix and an archive comment',
    async () => {
      const dir = tempDir();
      writeZip(
        dir,
        'S.zip',
        solutionEntries().map((e) => ({ ...e, method: 0 })),
        { prefix: Buffer.from('MZ stub '.repeat(64)), comment: Buffer.from('exported') },
      );
      const result = await readZip(dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows).toHaveLength(1);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile zips: not a zip, truncated, corrupt', () => {
  it(
    'says that files which are not zips are not zips',
    async () => {
      const dir = tempDir();
      const cases: [string, Buffer][] = [
        ['empty', Buffer.alloc(0)],
        ['tiny', Buffer.from('PK')],
        ['text', Buffer.from('hello, I am not a zip\n'.repeat(100))],
        ['random', randomBytes(200_000)],
        ['png', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(5000)])],
        ['nul', Buffer.alloc(100_000)],
      ];
      for (const [, bytes] of cases) {
        writeFileSync(join(dir, 'S.zip'), bytes);
        expectUnreadable(
          await readZip(dir),
          'S.zip',
          /^S\.zip(: | is not a solution: ).*(not a zip|too small|corrupt)/,
        );
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reports a truncated zip, cut anywhere',
    async () => {
      const dir = tempDir();
      const whole = buildZip(solutionEntries());
      const { directoryOffset, eocdOffset } = zipLandmarks(whole);
      for (const length of [
        30,
        Math.floor(whole.length / 2),
        directoryOffset,
        directoryOffset + 10,
        eocdOffset,
        eocdOffset + 21,
        whole.length - 1,
      ]) {
        writeFileSync(join(dir, 'S.zip'), whole.subarray(0, length));
        expectUnreadable(await readZip(dir), /^S\.zip/, /(truncated|corrupt|not a zip)/);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reports a cut that keeps the end record but loses entry data',
    async () => {
      const dir = tempDir();
      // The central directory says customizations.xml is at an offset past the end of the file.
      const entries = solutionEntries();
      const whole = buildZip(entries);
      const { directoryOffset } = zipLandmarks(whole);
      // Drop the local headers and data, keep the directory: every entry points into nothing.
      const shifted = Buffer.concat([whole.subarray(0, 10), whole.subarray(directoryOffset)]);
      shifted.writeUInt32LE(10, shifted.length - 6);
      writeFileSync(join(dir, 'S.zip'), shifted);
      expectUnreadable(
        await readZip(dir),
        /^S\.zip/,
        /(no valid local header|past the end|overlaps the central directory|corrupt)/,
      );
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reports bad central directories',
    async () => {
      const dir = tempDir();
      const whole = buildZip(solutionEntries());
      const { directoryOffset, eocdOffset } = zipLandmarks(whole);
      const variants: [string, (zip: Buffer) => void, RegExp][] = [
        ['bad record signature', (z) => z.writeUInt32LE(0xdeadbeef, directoryOffset), /corrupt/],
        ['offset past the end', (z) => z.writeUInt32LE(0xfffffff0, eocdOffset + 16), /corrupt/],
        ['size past the end', (z) => z.writeUInt32LE(0x7ffffff0, eocdOffset + 12), /corrupt/],
        ['count that cannot fit', (z) => z.writeUInt16LE(0xfff0, eocdOffset + 10), /corrupt/],
        ['name length overrun', (z) => z.writeUInt16LE(0xffff, directoryOffset + 28), /corrupt/],
        ['extra length overrun', (z) => z.writeUInt16LE(0xfff0, directoryOffset + 30), /corrupt/],
        ['directory too short', (z) => z.writeUInt32LE(50, eocdOffset + 12), /corrupt/],
      ];
      for (const [, mutate] of variants) {
        const zip = Buffer.from(whole);
        mutate(zip);
        writeFileSync(join(dir, 'S.zip'), zip);
        expectUnreadable(await readZip(dir), /^S\.zip/, /(corrupt|not a zip)/);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reports a local header that is not one',
    async () => {
      const dir = tempDir();
      const whole = buildZip(solutionEntries());
      whole.writeUInt32LE(0x12345678, 0); // solution.xml is the first entry
      writeFileSync(join(dir, 'S.zip'), whole);
      expectUnreadable(await readZip(dir), 'S.zip!/solution.xml', /no valid local header/);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile zips: zip64 corruption', () => {
  const all64 = () => solutionEntries().map((e) => ({ ...e, zip64: true }));
  const cases: [string, Parameters<typeof buildZip>[1], RegExp][] = [
    [
      'an end record that asks for zip64 but has no locator',
      { eocd: { entryCount: 0xffff } },
      /zip64/,
    ],
    ['a locator pointing at garbage', { zip64: true, zip64LocatorOffset: 3n }, /zip64/],
    ['a locator past the end', { zip64: true, zip64LocatorOffset: 1n << 40n }, /zip64/],
    ['a locator out of range', { zip64: true, zip64LocatorOffset: 1n << 62n }, /zip64/],
    [
      'a size out of range',
      { zip64: true, zip64Eocd: { directorySize: 1n << 60n } },
      /(zip64|corrupt)/,
    ],
    [
      'an offset past the end',
      { zip64: true, zip64Eocd: { directoryOffset: 1n << 40n } },
      /corrupt/,
    ],
    ['a count of 2^40 entries', { zip64: true, zip64Eocd: { entryCount: 1n << 40n } }, /corrupt/],
  ];
  for (const [name, options, what] of cases) {
    it(
      `reports ${name}`,
      async () => {
        const dir = tempDir();
        writeZip(dir, 'S.zip', all64(), options);
        expectUnreadable(await readZip(dir), /^S\.zip/, what);
      },
      HOSTILE_TIMEOUT,
    );
  }

  it(
    'reports a zip64 extra field whose sizes are out of range',
    async () => {
      const dir = tempDir();
      const zip = buildZip(all64(), { zip64: true });
      // The first central record's zip64 extra: uncompressed size = 2^62.
      const { directoryOffset } = zipLandmarks(zip);
      const extra = directoryOffset + 46 + zip.readUInt16LE(directoryOffset + 28);
      zip.writeBigUInt64LE(1n << 62n, extra + 4);
      writeFileSync(join(dir, 'S.zip'), zip);
      expectUnreadable(await readZip(dir), /^S\.zip/, /(zip64|corrupt|out of range)/);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile zips: the zip reader itself', () => {
  it(
    'throws only ZipFormatError from open() and read() for a file that is not a zip',
    async () => {
      const dir = tempDir();
      const path = join(dir, 'x.zip');
      writeFileSync(path, randomBytes(1000));
      await expect(ZipArchive.open(path, DEFAULT_LIMITS)).rejects.toBeInstanceOf(ZipFormatError);
      writeFileSync(path, buildZip(solutionEntries()));
      truncateSync(path, readFileSync(path).length - 30);
      await expect(ZipArchive.open(path, DEFAULT_LIMITS)).rejects.toBeInstanceOf(ZipFormatError);
    },
    HOSTILE_TIMEOUT,
  );
});
