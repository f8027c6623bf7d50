// A small streaming zip writer on node:zlib, so the generator needs no dependency and its zips
// are reproducible: media is STOREd (as in real exports), the rest deflated, timestamps fixed.
import { Buffer } from 'node:buffer';
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import * as zlib from 'node:zlib';
import { MiB } from './random.mjs';

/** @type {(data: Buffer, value?: number) => number} */
const crc32 =
  typeof zlib.crc32 === 'function'
    ? (data, value = 0) => zlib.crc32(data, value)
    : (() => {
        // Node < 20.15 has no zlib.crc32.
        const table = new Int32Array(256);
        for (let n = 0; n < 256; n++) {
          let c = n;
          for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          table[n] = c;
        }
        return (data, value = 0) => {
          let c = ~value;
          for (let i = 0; i < data.length; i++)
            c =
              /** @type {number} */ (table[(c ^ /** @type {number} */ (data[i])) & 0xff]) ^
              (c >>> 8);
          return ~c >>> 0;
        };
      })();

// 2024-01-15 10:30:00 in DOS format: fixed so the output is byte-for-byte reproducible.
const DOS_TIME = (10 << 11) | (30 << 5);
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15;

/** A minimal zip writer (no zip64: every offset and size must stay under 4 GiB). */
export class ZipWriter {
  /** @param {(chunk: Buffer) => void} write */
  constructor(write) {
    this.write = write;
    this.offset = 0;
    /** @type {{name: Buffer, crc: number, method: number, csize: number, usize: number, offset: number}[]} */
    this.records = [];
  }

  /**
   * @param {string} name entry name (use backslashes inside .msapp, like Power Apps does)
   * @param {Buffer} data
   * @param {{store?: boolean}} [options] store: no compression (media)
   */
  add(name, data, options = {}) {
    const nameBuf = Buffer.from(name, 'utf8');
    const method = options.store ? 0 : 8;
    const body = options.store ? data : zlib.deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    if (this.offset + 30 + nameBuf.length + body.length > 0xffffffff) {
      throw new Error('generated zip would need zip64 (over 4 GiB); lower the media size');
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    header.writeUInt16LE(0, 28);
    this.records.push({
      name: nameBuf,
      crc,
      method,
      csize: body.length,
      usize: data.length,
      offset: this.offset,
    });
    this.emit(header);
    this.emit(nameBuf);
    this.emit(body);
  }

  /** @param {Buffer} chunk */
  emit(chunk) {
    this.write(chunk);
    this.offset += chunk.length;
  }

  finish() {
    const start = this.offset;
    for (const r of this.records) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(r.method, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(r.crc, 16);
      c.writeUInt32LE(r.csize, 20);
      c.writeUInt32LE(r.usize, 24);
      c.writeUInt16LE(r.name.length, 28);
      c.writeUInt32LE(r.offset, 42);
      this.emit(c);
      this.emit(r.name);
    }
    if (this.records.length > 0xfffe)
      throw new Error('generated zip would need zip64 (too many entries)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.emit(end);
  }
}

/**
 * Writes a zip to a file. Small chunks (headers, names) are gathered into 1 MiB writes; large
 * ones (media) go straight through rather than being copied once more.
 * @param {string} path
 * @param {(zip: ZipWriter) => void} fill
 */
export function writeZipFile(path, fill) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  const writeAll = (/** @type {Buffer} */ data) => {
    let done = 0;
    while (done < data.length) done += writeSync(fd, data, done, data.length - done);
  };
  /** @type {Buffer[]} */
  let pending = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    writeAll(
      pending.length === 1
        ? /** @type {Buffer} */ (pending[0])
        : Buffer.concat(pending, pendingBytes),
    );
    pending = [];
    pendingBytes = 0;
  };
  try {
    const zip = new ZipWriter((chunk) => {
      if (chunk.length >= MiB) {
        flush();
        writeAll(chunk);
        return;
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= MiB) flush();
    });
    fill(zip);
    zip.finish();
    flush();
  } finally {
    closeSync(fd);
  }
  // renamed last, so an interrupted run never leaves a complete-looking zip behind
  renameSync(tmp, path);
}
