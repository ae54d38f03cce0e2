import { mix32 } from './random';

/**
 * Vendor ids for person #index, computed rather than stored: a keyed bijection on 32 bits turns the
 * index into a random-looking number, and the id can be turned back into the index without a Map.
 * That keeps 100,000 users cheap (no id strings held in memory, no id indexes).
 */

const MUL = 0x2c1b3c6d;
const MUL_INV = inverseMod32(MUL);

function inverseMod32(a: number): number {
  let inv = a;
  for (let i = 0; i < 5; i++) inv = Math.imul(inv, 2 - Math.imul(a, inv));
  return inv >>> 0;
}

function scramble(index: number, key: number): number {
  let x = Math.imul((index ^ key) >>> 0, MUL) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x;
}

function unscramble(x: number, key: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  return (Math.imul(x, MUL_INV) ^ key) >>> 0;
}

const hex = (n: number, width: number): string =>
  (n >>> 0)
    .toString(16)
    .padStart(8, '0')
    .slice(8 - width);
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = BASE62[n % 62] + s;
    n = Math.floor(n / 62);
  }
  return s;
}

function unbase62(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return -1;
    n = n * 62 + d;
  }
  return n;
}

export class IdCodec {
  constructor(private readonly key: number) {}

  /** Graph object id: a GUID (version-4 layout). */
  graphId(index: number): string {
    const x = scramble(index, this.key);
    const a = mix32(x ^ this.key ^ 0xa1);
    const b = mix32(a ^ 0xb2);
    const c = mix32(b ^ 0xc3);
    const variant = '89ab'[a & 3];
    return `${hex(x, 8)}-${hex(a >>> 16, 4)}-4${hex(a, 3)}-${variant}${hex(b >>> 20, 3)}-${hex(b, 4)}${hex(c, 8)}`;
  }

  /** Okta user id: "00u" + 17 base-62 characters, like 00u118oQYT4TBTemp0g4. */
  oktaId(index: number): string {
    const x = scramble(index, this.key ^ 0x5a5a);
    const a = mix32(x ^ this.key ^ 0xd4);
    const b = mix32(a ^ 0xe5);
    return `00u${base62(x, 6)}${base62(a, 5)}${base62(b, 3)}0g4`;
  }

  /** Google user id: a 21-digit decimal string. */
  googleId(index: number): string {
    const x = scramble(index, this.key ^ 0x3c3c);
    const a = mix32(x ^ this.key ^ 0xf6) % 1e9;
    return `1${String(x).padStart(10, '0')}${String(a).padStart(10, '0')}`;
  }

  graphIndex(id: string): number {
    const m = /^([0-9a-f]{8})-/.exec(id.toLowerCase());
    return m ? this.verify(unscramble(parseInt(m[1], 16), this.key), id.toLowerCase(), (i) => this.graphId(i)) : -1;
  }

  oktaIndex(id: string): number {
    if (!/^00u[0-9A-Za-z]{17}$/.test(id)) return -1;
    const x = unbase62(id.slice(3, 9));
    return x < 0 ? -1 : this.verify(unscramble(x, this.key ^ 0x5a5a), id, (i) => this.oktaId(i));
  }

  googleIndex(id: string): number {
    if (!/^1\d{20}$/.test(id)) return -1;
    return this.verify(unscramble(Number(id.slice(1, 11)), this.key ^ 0x3c3c), id, (i) => this.googleId(i));
  }

  private verify(index: number, id: string, format: (i: number) => string): number {
    return index < 0x7fffffff && format(index) === id ? index : -1;
  }
}
