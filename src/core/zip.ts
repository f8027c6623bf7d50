// A random-access zip reader on node:zlib.
//
// Why not jszip for the outer solution zip: it loads the whole archive into memory, so a solution
// with hundreds of MB of canvas-app media costs that much RSS and time before a single flow is
// read. Solutions only need a handful of small entries; this reader reads the central directory,
// then seeks to and inflates just those entries, and never touches the media. It also enforces
// the limits a pull-request gate needs against hostile zips (bombs, lying sizes, zip64 tricks).
import { constants as fs, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type { ReadLimits } from './options.js';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;
/**
 * More central records than any real solution has (the corpus tops out at 57; big Dynamics
 * solutions hold a few thousand). Only a zip64 directory can claim more than 65535.
 */
const MAX_ENTRIES = 100_000;
/** Ratios are only meaningful for entries big enough to matter. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** Any problem with the archive itself; the message is one line for an SL001 finding. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
  /** True when the file never was a zip (rather than a damaged one). */
  readonly notAZip: boolean;
  constructor(message: string, options: { notAZip?: boolean } = {}) {
    super(message);
    this.notAZip = options.notAZip ?? false;
  }
}

export interface ZipEntry {
  /** Entry name with backslashes turned into slashes (msapp files use backslashes). */
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

export class ZipArchive {
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly reader: EntryReader;
  private totalInflated = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly fileSize: number,
    readonly entries: ZipEntry[],
    private readonly limits: ReadLimits,
  ) {
    this.reader = new EntryReader(file.fd, fileSize, limits);
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      if (!this.byLowerName.has(key)) this.byLowerName.set(key, entry);
    }
  }

  /** Opens a zip and reads its central directory. Throws ZipFormatError for anything not a zip. */
  static async open(path: string, limits: ReadLimits): Promise<ZipArchive> {
    // O_NOFOLLOW and O_NONBLOCK: a link is not followed and a FIFO cannot block the read.
    let file: FileHandle;
    try {
      file = await open(path, fs.O_RDONLY | fs.O_NOFOLLOW | fs.O_NONBLOCK);
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOOP') {
        throw new ZipFormatError('is a symbolic link; solutions are not read through links');
      }
      throw error;
    }
    try {
      const stats = await file.stat();
      if (!stats.isFile())
        throw new ZipFormatError('not a zip file (not a regular file)', { notAZip: true });
      const { size } = stats;
      const entries = await readCentralDirectory(file, size);
      return new ZipArchive(file, size, entries, limits);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** Case-insensitive look-up by entry name (slashes). */
  find(name: string): ZipEntry | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  /**
   * Reads and inflates one entry within the limits (synchronously: see readAt). The bytes may be a
   * view of a buffer the next read overwrites (SolutionFiles.read has the same contract): decode
   * them, or copy them, before reading on.
   */
  read(entry: ZipEntry): Buffer {
    if (this.totalInflated + entry.uncompressedSize > this.limits.maxTotalBytes) {
      throw new ZipFormatError(
        `reading ${entry.name} would pass the ${this.limits.maxTotalBytes}-byte total limit for one solution`,
      );
    }
    this.totalInflated += entry.uncompressedSize;
    return this.reader.read(entry);
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}

/**
 * Reads and inflates entries of an open zip within the per-entry limits (ZipArchive counts the
 * total). Entries that lie near each other are read through one buffer (thousands of small flows
 * cost a few reads instead of two system calls each).
 */
class EntryReader {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fd: number,
    private readonly fileSize: number,
    private readonly limits: ReadLimits,
    private readonly windowSize = 1024 * 1024,
  ) {}

  read(entry: ZipEntry): Buffer {
    const { limits } = this;
    if (entry.encrypted) {
      throw new ZipFormatError(`entry ${entry.name} is encrypted; export the solution unencrypted`);
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipFormatError(
        `entry ${entry.name} inflates to ${entry.uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte limit`,
      );
    }
    if (
      entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES &&
      entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
    ) {
      throw new ZipFormatError(
        `entry ${entry.name} has a compression ratio over ${limits.maxCompressionRatio}:1 (a zip bomb?)`,
      );
    }
    // The header's fields are read in the window itself: a view per header costs more than that.
    const at = this.cover(entry.localHeaderOffset, 30);
    const window = this.window;
    if (at < 0 || window.readUInt32LE(at) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`entry ${entry.name} has no valid local header (corrupt zip)`);
    }
    const dataStart =
      entry.localHeaderOffset + 30 + window.readUInt16LE(at + 26) + window.readUInt16LE(at + 28);
    if (dataStart + entry.compressedSize > this.fileSize) {
      throw new ZipFormatError(`entry ${entry.name} runs past the end of the file (truncated zip)`);
    }
    const compressed = this.bytes(dataStart, entry.compressedSize);

    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) {
        throw new ZipFormatError(`stored entry ${entry.name} has inconsistent sizes (corrupt zip)`);
      }
      data = compressed;
    } else if (entry.method === 8) {
      try {
        // The declared size bounds the output, so a lying header cannot inflate without limit.
        data = this.inflate(compressed, Math.max(1, entry.uncompressedSize));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipFormatError(
            `entry ${entry.name} inflates past its declared size (corrupt or hostile zip)`,
          );
        }
        throw new ZipFormatError(`entry ${entry.name} cannot be inflated (corrupt zip)`);
      }
    } else {
      throw new ZipFormatError(
        `entry ${entry.name} uses unsupported compression method ${entry.method}`,
      );
    }
    if (data.length !== entry.uncompressedSize) {
      throw new ZipFormatError(
        `entry ${entry.name} is not the size its header declares (corrupt zip)`,
      );
    }
    return data;
  }

  /** A byte range of the zip, through the window when it fits (shorter at the end of the file). */
  private bytes(position: number, length: number): Buffer {
    if (length > this.windowSize) return readAt(this.fd, position, length);
    const at = this.cover(position, length);
    return at < 0
      ? this.window.subarray(position - this.windowStart)
      : this.window.subarray(at, at + length);
  }

  /**
   * Moves the window over [position, position + length) when it is not there yet; the offset of
   * position in the window, or -1 when the file ends before position + length.
   */
  private cover(position: number, length: number): number {
    let offset = position - this.windowStart;
    if (offset < 0 || offset + length > this.window.length) {
      this.window = readAt(this.fd, position, this.windowSize);
      this.windowStart = position;
      offset = 0;
    }
    return offset + length <= this.window.length ? offset : -1;
  }

  /**
   * node:zlib's public synchronous inflate. It builds and tears down a stream per entry, which
   * costs about 7 % of a check of 2,000 flows against reusing one stream through node's private
   * `_processChunk`: not enough to lean on node's internals (docs/architecture.md, "Zip reader
   * and zlib").
   */
  private inflate(compressed: Buffer, maxOutputLength: number): Buffer {
    return inflateRawSync(compressed, { maxOutputLength });
  }
}

/**
 * Reads a byte range. Synchronous on purpose: entries are small and read one after another, and
 * a thread-pool round trip per entry cost more than the read itself on thousands of flows.
 */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const bytesRead = readSync(fd, buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

async function readCentralDirectory(file: FileHandle, size: number): Promise<ZipEntry[]> {
  if (size < 22) throw new ZipFormatError('not a zip file (too small)', { notAZip: true });
  const tailLength = Math.min(size, MAX_EOCD_SEARCH);
  const tailStart = size - tailLength;
  const tail = readAt(file.fd, tailStart, tailLength);

  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const head = readAt(file.fd, 0, 4);
    if (head.length === 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE) {
      throw new ZipFormatError('truncated or corrupt zip (no end of central directory)');
    }
    throw new ZipFormatError('not a zip file', { notAZip: true });
  }

  let entryCount = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);

  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new ZipFormatError('corrupt zip64 archive (no zip64 locator)');
    }
    const zip64Offset = toSafeNumber(tail.readBigUInt64LE(locator + 8));
    const record = readAt(file.fd, zip64Offset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('corrupt zip64 archive (bad zip64 end record)');
    }
    entryCount = toSafeNumber(record.readBigUInt64LE(32));
    directorySize = toSafeNumber(record.readBigUInt64LE(40));
    directoryOffset = toSafeNumber(record.readBigUInt64LE(48));
  }

  if (directoryOffset + directorySize > size) {
    throw new ZipFormatError('corrupt zip (central directory past the end of the file)');
  }
  // Each central record is at least 46 bytes: a count that cannot fit is a lie.
  if (entryCount * 46 > directorySize) {
    throw new ZipFormatError('corrupt zip (entry count does not fit the central directory)');
  }
  if (entryCount > MAX_ENTRIES) {
    throw new ZipFormatError(
      `zip has ${entryCount} entries, more than the ${MAX_ENTRIES} a solution can hold (hostile zip?)`,
    );
  }

  const directory = readAt(file.fd, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const spans: { name: string; start: number; end: number }[] = [];
  let offset = 0;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('corrupt zip (bad central directory record)');
    }
    const flags = directory.readUInt16LE(offset + 8);
    const method = directory.readUInt16LE(offset + 10);
    let compressedSize = directory.readUInt32LE(offset + 20);
    let uncompressedSize = directory.readUInt32LE(offset + 24);
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    let localHeaderOffset = directory.readUInt32LE(offset + 42);
    const nameStart = offset + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) throw new ZipFormatError('corrupt zip (central record overruns)');

    const raw = directory.toString('utf8', nameStart, extraStart);
    const name = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;

    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // Zip64 extended information: only the fields that overflowed are present, in this order.
      let extra = extraStart;
      const extraEnd = extraStart + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = directory.readUInt16LE(extra);
        const length = directory.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const fieldEnd = Math.min(field + length, extraEnd);
          if (uncompressedSize === 0xffffffff && field + 8 <= fieldEnd) {
            uncompressedSize = toSafeNumber(directory.readBigUInt64LE(field));
            field += 8;
          }
          if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) {
            compressedSize = toSafeNumber(directory.readBigUInt64LE(field));
            field += 8;
          }
          if (localHeaderOffset === 0xffffffff && field + 8 <= fieldEnd) {
            localHeaderOffset = toSafeNumber(directory.readBigUInt64LE(field));
          }
          break;
        }
        extra += 4 + length;
      }
    }

    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      method,
      encrypted: (flags & 0x1) !== 0,
      localHeaderOffset,
    });
    spans.push({
      name,
      start: localHeaderOffset,
      end: localHeaderOffset + 30 + nameLength + compressedSize,
    });
    offset = next;
  }
  assertNoOverlap(spans, directoryOffset);
  return entries;
}

/**
 * Entries whose local header and data overlap another's are never written by a real zip tool;
 * they are how a small file makes many entries inflate one payload (an overlapping zip bomb).
 * `end` is a lower bound of where an entry's data ends (the local extra field is not counted).
 */
function assertNoOverlap(
  spans: { name: string; start: number; end: number }[],
  directoryOffset: number,
): void {
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const next = spans[i + 1];
    if (spans[i]!.end > (next ? next.start : directoryOffset)) {
      throw new ZipFormatError(
        `entry ${spans[i]!.name} overlaps ${next ? `entry ${next.name}` : 'the central directory'} (corrupt or hostile zip)`,
      );
    }
  }
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipFormatError('corrupt zip64 archive (size out of range)');
  return Number(value);
}
