// Deterministic randomness for the generator: the same seed gives the same solution byte for byte,
// so the bench can cache its inputs and the tests can assert exact counts.
import { Buffer } from 'node:buffer';
import { createCipheriv, createHash } from 'node:crypto';

export const MiB = 1024 * 1024;

/** mulberry32: small, fast, good enough for names and choices. */
export class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** @returns {number} in [0, 1) */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** @param {number} n @returns {number} integer in [0, n) */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** @param {number} lo @param {number} hi @returns {number} integer in [lo, hi] */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return /** @type {T} */ (items[this.int(items.length)]);
  }
  /** @param {number} length @returns {string} lower-case hex */
  hex(length) {
    let out = '';
    while (out.length < length)
      out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
  /** @returns {string} lower-case GUID with dashes */
  guid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

/**
 * Incompressible, deterministic bytes: the AES-256-CTR keystream under a key derived from `label`.
 * Media must not compress, or the zips would be far smaller than real ones of the same app count.
 * @param {string} label
 * @param {number} length
 * @returns {Buffer}
 */
export function seededBytes(label, length) {
  const key = createHash('sha256').update(label).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const out = Buffer.allocUnsafe(length);
  const chunk = 4 * MiB;
  const zeros = Buffer.alloc(Math.min(chunk, length));
  for (let at = 0; at < length; at += chunk) {
    const n = Math.min(chunk, length - at);
    cipher.update(n === zeros.length ? zeros : zeros.subarray(0, n)).copy(out, at);
  }
  return out;
}
