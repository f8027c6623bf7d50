// The zip reader's own contract, below the solution reader: entries come back whole (read through
// one window, inflated with node:zlib's public inflateRawSync). The bytes may be a view the next
// read overwrites, so a reader that keeps them must copy them, and a copy stays whole.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { ZipArchive, ZipFormatError } from '../src/core/zip.js';
import { buildZip, type RawEntry } from './helpers/hostile-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'connref-gate-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, entries: RawEntry[]): string {
  const path = join(dir, name);
  writeFileSync(path, buildZip(entries));
  return path;
}

/** Text that compresses like JSON, of a given size. */
function jsonLike(seed: number, size: number): Buffer {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `{"k${seed}_${i}":"v${i * seed}"},`;
  return Buffer.from(text.slice(0, size));
}

describe('ZipArchive', () => {
  it('returns every entry intact, and copies of earlier entries stay intact after later reads', async () => {
    const contents = [
      ...Array.from({ length: 300 }, (_, i) => jsonLike(i, 200 + ((i * 997) % 9000))),
      Buffer.alloc(0),
      randomBytes(70_000), // larger than zlib's output chunk, incompressible
      jsonLike(7, 3 * 1024 * 1024), // larger than the read window
    ];
    const entries: RawEntry[] = contents.map((data, i) => ({
      name: `e${i}.json`,
      data,
      ...(i % 10 === 3 ? { method: 0 } : {}),
    }));
    const archive = await ZipArchive.open(write('many.zip', entries), DEFAULT_LIMITS);
    try {
      const copies: Buffer[] = [];
      for (const [i, data] of contents.entries()) {
        const bytes = archive.read(archive.find(`e${i}.json`)!);
        expect(bytes.equals(data), `e${i}`).toBe(true);
        copies.push(Buffer.from(bytes));
      }
      for (const [i, data] of contents.entries()) {
        expect(copies[i]!.equals(data), `copy of e${i}`).toBe(true);
      }
    } finally {
      await archive.close();
    }
  });

  it('reads on after an entry that cannot be inflated', async () => {
    const good = jsonLike(1, 5000);
    const archive = await ZipArchive.open(
      write('corrupt.zip', [
        { name: 'a.json', data: good },
        { name: 'bad.json', data: good, compressed: randomBytes(800) },
        { name: 'b.json', data: good },
      ]),
      DEFAULT_LIMITS,
    );
    try {
      expect(archive.read(archive.find('a.json')!).equals(good)).toBe(true);
      expect(() => archive.read(archive.find('bad.json')!)).toThrow(ZipFormatError);
      expect(archive.read(archive.find('b.json')!).equals(good)).toBe(true);
    } finally {
      await archive.close();
    }
  });
});
