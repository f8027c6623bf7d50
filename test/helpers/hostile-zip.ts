// A tiny raw zip writer for hostile tests. jszip only writes honest archives; these tests need
// archives that lie: wrong sizes, encryption flags, zip64 records, overlapping entries, bad
// central directories. Everything is built in memory at test time; nothing binary is committed.
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface RawEntry {
  /** Entry name, written as is (no slash normalization): `..`, `/abs`, `a\\b` all allowed. */
  name: string | Buffer;
  /** The content. Ignored for the data when `compressed` is given (still used for the CRC). */
  data?: string | Buffer;
  /** 0 stored, 8 deflate (default), anything else to test unsupported methods. */
  method?: number;
  /** General purpose flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8). */
  flags?: number;
  /** Raw bytes to store as the entry data instead of deflating `data`. */
  compressed?: Buffer;
  /** Declared sizes, when they should lie (written to both the local and central headers). */
  declaredCompressedSize?: number;
  declaredUncompressedSize?: number;
  /** Write sizes and offset as 0xffffffff with a zip64 extended-information extra field. */
  zip64?: boolean;
  /** Write no local header or data: the central record points at entry `shareDataWith`. */
  shareDataWith?: number;
}

export interface RawZipOptions {
  /** Bytes before the first local header (a self-extractor stub, or junk). */
  prefix?: Buffer;
  /** Write a zip64 end record and locator, and 0xffff/0xffffffff in the classic end record. */
  zip64?: boolean;
  /** Lies in the (classic) end of central directory record. */
  eocd?: { entryCount?: number; directorySize?: number; directoryOffset?: number };
  /** Lies in the zip64 end record. */
  zip64Eocd?: { entryCount?: bigint; directorySize?: bigint; directoryOffset?: bigint };
  /** Where the zip64 locator says the zip64 end record is. */
  zip64LocatorOffset?: bigint;
  /** Archive comment (at most 65535 bytes). */
  comment?: Buffer;
}

interface Written {
  localOffset: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
}

function toBuffer(value: string | Buffer | undefined): Buffer {
  return value === undefined
    ? Buffer.alloc(0)
    : Buffer.isBuffer(value)
      ? value
      : Buffer.from(value);
}

function zip64Extra(uncompressed: number, compressed: number, offset: number): Buffer {
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(uncompressed), 4);
  extra.writeBigUInt64LE(BigInt(compressed), 12);
  extra.writeBigUInt64LE(BigInt(offset), 20);
  return extra;
}

/** Builds a zip archive byte by byte, honest unless told to lie. */
export function buildZip(entries: RawEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  let position = 0;
  const push = (buffer: Buffer) => {
    parts.push(buffer);
    position += buffer.length;
  };
  if (options.prefix) push(options.prefix);

  const written: Written[] = [];
  entries.forEach((entry, index) => {
    const name = toBuffer(entry.name);
    const data = toBuffer(entry.data);
    const method = entry.method ?? 8;
    const payload =
      entry.compressed ?? (method === 8 ? deflateRawSync(data, { level: 9 }) : Buffer.from(data));
    const crc = crc32(data);
    if (entry.shareDataWith !== undefined) {
      const shared = written[entry.shareDataWith];
      if (!shared) throw new Error(`entry ${index} shares data with a later entry`);
      written.push({
        ...shared,
        compressedSize: entry.declaredCompressedSize ?? shared.compressedSize,
        uncompressedSize: entry.declaredUncompressedSize ?? shared.uncompressedSize,
      });
      return;
    }
    const compressedSize = entry.declaredCompressedSize ?? payload.length;
    const uncompressedSize = entry.declaredUncompressedSize ?? data.length;
    const localOffset = position;
    const extra = entry.zip64
      ? zip64Extra(uncompressedSize, compressedSize, 0).subarray(0, 20)
      : null;
    if (extra) extra.writeUInt16LE(16, 2);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    header.writeUInt16LE(entry.flags ?? 0x0800, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(0, 10);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(entry.zip64 ? 0xffffffff : compressedSize >>> 0, 18);
    header.writeUInt32LE(entry.zip64 ? 0xffffffff : uncompressedSize >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra?.length ?? 0, 28);
    push(header);
    push(name);
    if (extra) push(extra);
    push(payload);
    written.push({ localOffset, crc, compressedSize, uncompressedSize });
  });

  const directoryOffset = position;
  entries.forEach((entry, index) => {
    const name = toBuffer(entry.name);
    const info = written[index]!;
    const extra = entry.zip64
      ? zip64Extra(info.uncompressedSize, info.compressedSize, info.localOffset)
      : Buffer.alloc(0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    record.writeUInt16LE(entry.zip64 ? 45 : 20, 6);
    record.writeUInt16LE(entry.flags ?? 0x0800, 8);
    record.writeUInt16LE(entry.method ?? 8, 10);
    record.writeUInt32LE(info.crc, 16);
    record.writeUInt32LE(entry.zip64 ? 0xffffffff : info.compressedSize >>> 0, 20);
    record.writeUInt32LE(entry.zip64 ? 0xffffffff : info.uncompressedSize >>> 0, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(entry.zip64 ? 0xffffffff : info.localOffset >>> 0, 42);
    push(record);
    push(name);
    push(extra);
  });
  const directorySize = position - directoryOffset;

  if (options.zip64) {
    const zip64EocdOffset = position;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(options.zip64Eocd?.entryCount ?? BigInt(entries.length), 24);
    record.writeBigUInt64LE(options.zip64Eocd?.entryCount ?? BigInt(entries.length), 32);
    record.writeBigUInt64LE(options.zip64Eocd?.directorySize ?? BigInt(directorySize), 40);
    record.writeBigUInt64LE(options.zip64Eocd?.directoryOffset ?? BigInt(directoryOffset), 48);
    push(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(options.zip64LocatorOffset ?? BigInt(zip64EocdOffset), 8);
    locator.writeUInt32LE(1, 16);
    push(locator);
  }

  const comment = options.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = options.eocd?.entryCount ?? (options.zip64 ? 0xffff : entries.length);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(
    options.eocd?.directorySize ?? (options.zip64 ? 0xffffffff : directorySize),
    12,
  );
  eocd.writeUInt32LE(
    options.eocd?.directoryOffset ?? (options.zip64 ? 0xffffffff : directoryOffset),
    16,
  );
  eocd.writeUInt16LE(comment.length, 20);
  push(eocd);
  push(comment);
  return Buffer.concat(parts);
}

/** Offset of the central directory and of the end record in a zip built by buildZip. */
export function zipLandmarks(zip: Buffer): { directoryOffset: number; eocdOffset: number } {
  const eocdOffset = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let directoryOffset = zip.readUInt32LE(eocdOffset + 16);
  if (directoryOffset === 0xffffffff) {
    const zip64End = Number(zip.readBigUInt64LE(eocdOffset - 20 + 8));
    directoryOffset = Number(zip.readBigUInt64LE(zip64End + 48));
  }
  return { directoryOffset, eocdOffset };
}

/**
 * Raw deflate of `size` zero bytes followed by `tail`, streamed so the test never holds the
 * inflated bytes: the payload of a zip bomb (about 1030:1 for zeros alone).
 */
export async function deflateZeros(
  size: number,
  tail: Buffer = Buffer.alloc(0),
  fill = 0,
): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let left = size; left > 0; left -= block.length) {
    if (!deflate.write(left >= block.length ? block : block.subarray(0, left))) {
      await new Promise((resolve) => deflate.once('drain', resolve));
    }
  }
  deflate.end(tail);
  await done;
  return Buffer.concat(chunks);
}
