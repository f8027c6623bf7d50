// Hostile and broken solution zips, their entries (see test/hostile-zip-archive.test.ts for the
// archive itself): lying sizes, encryption and methods, hostile names, and bombs must be SL001 with
// one line naming the entry and what is wrong, in bounded time and memory, and nothing is ever
// extracted to disk.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { ZipArchive } from '../src/core/zip.js';
import {
  ENV_VALUES,
  FLOW_FILE,
  HOSTILE_TIMEOUT,
  expectUnreadable,
  readZip,
  removeTempDirs,
  solutionEntries,
  tempDir,
  withinMemory,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';
import { buildZip, deflateZeros, zipLandmarks, type RawEntry } from './helpers/hostile-zip.js';

afterAll(removeTempDirs);

const MB = 1024 * 1024;

describe('hostile zips: lying sizes, encryption, methods', () => {
  const file = 'customizations.xml';
  const where = `S.zip!/${file}`;
  const actual = Buffer.byteLength(zipSolutionFiles()[file]!);

  const cases: [string, Partial<RawEntry>, RegExp][] = [
    [
      'declared smaller than it inflates',
      { declaredUncompressedSize: 100 },
      /inflates past its declared size/,
    ],
    [
      'declared larger than it inflates',
      { declaredUncompressedSize: actual + 1000 },
      /not the size its header declares/,
    ],
    ['declared zero', { declaredUncompressedSize: 0 }, /(inflates past|not the size)/],
    ['compressed size past the end', { declaredCompressedSize: 10_000_000 }, /overlaps/],
    [
      'compressed size too small',
      { declaredCompressedSize: 10 },
      /(cannot be inflated|not the size|corrupt)/,
    ],
    [
      'garbage deflate data',
      { compressed: randomBytes(500) },
      /(cannot be inflated|inflates past|not the size)/,
    ],
    [
      'stored with inconsistent sizes',
      { method: 0, declaredCompressedSize: 5 },
      /inconsistent sizes/,
    ],
    ['encrypted', { flags: 0x0801 }, /encrypted/],
    ['bzip2', { method: 12 }, /unsupported compression method 12/],
    [
      'zip64 flag without the extra field',
      { zip64: true, declaredUncompressedSize: 0xffffffff },
      /(over the|limit|not the size)/,
    ],
  ];
  for (const [name, change, what] of cases) {
    it(
      `reports customizations.xml ${name}`,
      async () => {
        const dir = tempDir();
        writeZip(dir, 'S.zip', solutionEntries(undefined, { [file]: change }));
        // A size that makes the entry overlap the next one is caught when the zip is opened.
        expectUnreadable(await readZip(dir), what.source === 'overlaps' ? 'S.zip' : where, what);
      },
      HOSTILE_TIMEOUT,
    );
  }

  it(
    'does not care about encrypted entries it never reads (canvas app media)',
    async () => {
      const dir = tempDir();
      writeZip(
        dir,
        'S.zip',
        solutionEntries(undefined, { 'CanvasApps/new_app_1_DocumentUri.msapp': { flags: 1 } }),
      );
      expect((await readZip(dir)).ok).toBe(true);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile zips: entry names', () => {
  it(
    'uses names with .., absolute paths and backslashes only as look-up keys, never extracts',
    async () => {
      const dir = tempDir();
      const marker = `crg-escape-${process.pid}-${Date.now()}`;
      const names = [
        `../${marker}-dotdot.json`,
        `../../../../../../../../tmp/${marker}-deep.json`,
        `/tmp/${marker}-absolute.json`,
        `..\\..\\${marker}-backslash.json`,
        `C:\\Windows\\Temp\\${marker}-drive.json`,
        `Workflows/../../${marker}-workflows.json`,
        `Workflows/..\\..\\${marker}-mixed.json`,
      ];
      const entries = [
        ...solutionEntries(),
        ...names.map((name) => ({ name, data: '{"properties":{}}' })),
      ];
      writeZip(dir, 'S.zip', entries);
      const before = readdirSync(tmpdir());
      const result = await readZip(dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      // Only the real flow is a flow: nothing below Workflows/ resolves through `..`.
      expect(result.solution.flows.map((f) => f.file)).toEqual([FLOW_FILE]);
      expect(readdirSync(tmpdir()).filter((n) => n.includes(marker))).toEqual([]);
      expect(readdirSync(tmpdir()).length).toBeLessThanOrEqual(before.length + 1);
      for (const name of names) expect(existsSync(join(dir, name))).toBe(false);
      expect(readdirSync(dir)).toEqual(['S.zip']);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'keeps a reason on one line when an entry name holds a newline',
    async () => {
      const dir = tempDir();
      const evil = 'Workflows/x\n::error::injected\r\n.json';
      writeZip(dir, 'S.zip', [...solutionEntries(), { name: evil, data: '{not json' }]);
      expectUnreadable(await readZip(dir), /^S\.zip!\/Workflows\/x/, /not valid JSON/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'takes the first of duplicate entry names, whatever their case',
    async () => {
      const dir = tempDir();
      writeZip(dir, 'S.zip', [
        ...solutionEntries(),
        { name: 'Customizations.XML', data: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' },
      ]);
      expect((await readZip(dir)).ok).toBe(true);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile zips: bombs', () => {
  it('refuses an entry that inflates past maxEntryBytes (default limits), without inflating it', async () => {
    const dir = tempDir();
    const size = DEFAULT_LIMITS.maxEntryBytes + MB;
    // Incompressible tail keeps the ratio under the ratio limit: only the size limit applies.
    const compressed = await deflateZeros(size, randomBytes(400 * 1024));
    writeZip(
      dir,
      'S.zip',
      solutionEntries(undefined, {
        [FLOW_FILE]: { compressed, declaredUncompressedSize: size + 400 * 1024 },
      }),
    );
    const result = await withinMemory(() => readZip(dir), 64);
    expectUnreadable(result, `S.zip!/${FLOW_FILE}`, /over the \d+-byte limit/);
  }, 20_000);

  it(
    'refuses an entry whose ratio passes maxCompressionRatio (default limits)',
    async () => {
      const dir = tempDir();
      const size = 64 * MB;
      const compressed = await deflateZeros(size);
      expect(size / compressed.length).toBeGreaterThan(DEFAULT_LIMITS.maxCompressionRatio);
      writeZip(
        dir,
        'S.zip',
        solutionEntries(undefined, {
          'customizations.xml': { compressed, declaredUncompressedSize: size },
        }),
      );
      const result = await withinMemory(() => readZip(dir), 64);
      expectUnreadable(result, 'S.zip!/customizations.xml', /compression ratio over 1000:1/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'stops inflating at the declared size when the header lies about a bomb',
    async () => {
      const dir = tempDir();
      const compressed = await deflateZeros(200 * MB);
      writeZip(
        dir,
        'S.zip',
        solutionEntries(undefined, {
          [ENV_VALUES]: { compressed, declaredUncompressedSize: 1000 },
        }),
      );
      const result = await withinMemory(() => readZip(dir), 64);
      expectUnreadable(result, `S.zip!/${ENV_VALUES}`, /inflates past its declared size/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'honours configured limits (CheckOptions.limits)',
    async () => {
      const dir = tempDir();
      writeZip(dir, 'S.zip', solutionEntries());
      expectUnreadable(
        await readZip(dir, { maxEntryBytes: 100 }),
        /^S\.zip!\//,
        /over the 100-byte limit/,
      );
      expectUnreadable(
        await readZip(dir, { maxTotalBytes: 1000 }),
        /^S\.zip!\//,
        /1000-byte total limit/,
      );
      const compressed = await deflateZeros(2 * MB, randomBytes(2048));
      writeZip(
        dir,
        'S.zip',
        solutionEntries(undefined, {
          [FLOW_FILE]: { compressed, declaredUncompressedSize: 2 * MB + 2048 },
        }),
      );
      expectUnreadable(
        await readZip(dir, { maxCompressionRatio: 50 }),
        `S.zip!/${FLOW_FILE}`,
        /compression ratio over 50:1/,
      );
      // Through the engine: CheckOptions.limits over DEFAULT_LIMITS.
      const checked = await check({
        solutions: ['S.zip'],
        cwd: dir,
        limits: { maxCompressionRatio: 50 },
      });
      expect(checked.report.findings.find((f) => f.ruleId === 'SL001')?.message).toMatch(
        /compression ratio over 50:1/,
      );
      // With the default ratio the entry is inflated (and then is no JSON: zeros and noise).
      const defaults = await check({ solutions: ['S.zip'], cwd: dir });
      expect(defaults.report.findings.find((f) => f.ruleId === 'SL001')?.message).toMatch(
        /not valid UTF-8/,
      );
    },
    HOSTILE_TIMEOUT,
  );

  it('refuses overlapping entries (many names sharing one bomb payload)', async () => {
    const dir = tempDir();
    // 100 MB per entry under a 1000:1 ratio; 200 flow entries would inflate 20 GB.
    const compressed = await deflateZeros(100 * MB, randomBytes(8 * 1024));
    const flows: RawEntry[] = [
      { name: 'Workflows/F-0.json', compressed, declaredUncompressedSize: 100 * MB + 8 * 1024 },
    ];
    for (let i = 1; i < 200; i++) {
      flows.push({
        name: `Workflows/F-${i}.json`,
        shareDataWith: solutionEntries().length,
        declaredUncompressedSize: 100 * MB + 8 * 1024,
      });
    }
    writeZip(dir, 'S.zip', [...solutionEntries(), ...flows]);
    const result = await withinMemory(() => readZip(dir), 512);
    expectUnreadable(result, /^S\.zip/, /(overlap|total limit|hostile)/);
  }, 20_000);

  it(
    'keeps the total limit when many distinct entries are read at once',
    async () => {
      const dir = tempDir();
      // Valid JSON (leading spaces, then an object), so each flow parses and only the total
      // limit can stop the read: flows are read one after another.
      const tail = Buffer.from(`{"x":"${randomBytes(8188).toString('hex')}"}`);
      const compressed = await deflateZeros(8 * MB, tail, 0x20);
      const flows: RawEntry[] = [];
      for (let i = 0; i < 40; i++) {
        flows.push({
          name: `Workflows/F-${i}.json`,
          compressed,
          declaredUncompressedSize: 8 * MB + 16 * 1024,
        });
      }
      writeZip(dir, 'S.zip', [...solutionEntries(), ...flows]);
      const inflated: number[] = [];
      const read = ZipArchive.prototype.read;
      ZipArchive.prototype.read = function (entry) {
        const data = read.call(this, entry);
        inflated.push(data.length);
        return data;
      };
      try {
        const result = await readZip(dir, { maxTotalBytes: 64 * MB });
        expectUnreadable(
          result,
          /^S\.zip!\/Workflows\/F-\d+\.json$/,
          /64\d+-byte total limit|67108864-byte total limit/,
        );
      } finally {
        ZipArchive.prototype.read = read;
      }
      expect(inflated.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(64 * MB);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses a central directory with a huge number of entries',
    async () => {
      const dir = tempDir();
      // 300,000 central records (zip64 count), all naming one tiny local entry.
      const records = 300_000;
      const base = buildZip([{ name: 'a', data: 'x' }]);
      const { directoryOffset } = zipLandmarks(base);
      const record = base.subarray(directoryOffset, directoryOffset + 46 + 1);
      const directory = Buffer.alloc(record.length * records);
      for (let i = 0; i < records; i++) record.copy(directory, i * record.length);
      const zip64End = Buffer.alloc(56);
      zip64End.writeUInt32LE(0x06064b50, 0);
      zip64End.writeBigUInt64LE(44n, 4);
      zip64End.writeBigUInt64LE(BigInt(records), 24);
      zip64End.writeBigUInt64LE(BigInt(records), 32);
      zip64End.writeBigUInt64LE(BigInt(directory.length), 40);
      zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(0xffff, 8);
      eocd.writeUInt16LE(0xffff, 10);
      eocd.writeUInt32LE(0xffffffff, 12);
      eocd.writeUInt32LE(0xffffffff, 16);
      writeFileSync(
        join(dir, 'S.zip'),
        Buffer.concat([base.subarray(0, directoryOffset), directory, zip64End, locator, eocd]),
      );
      const started = Date.now();
      const result = await withinMemory(() => readZip(dir), 128);
      expect(Date.now() - started).toBeLessThan(2_000);
      expectUnreadable(result, 'S.zip', /(entries|overlap|corrupt)/);
    },
    HOSTILE_TIMEOUT,
  );
});
