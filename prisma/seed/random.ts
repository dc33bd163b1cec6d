import { encodeBase64 } from 'bcryptjs';

/**
 * Seeded randomness for the demo seed. Everything the seed writes is a function of
 * (seed, accounts, today): no Math.random, no clock. Each account and app draws from its own
 * stream keyed by its position, so account #17 looks the same whether 200 or 100,000 accounts
 * are seeded.
 */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for demo data; uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a over the parts, then a murmur3 finalizer so near keys give far-apart seeds. */
export function hashKey(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(seed: number, ...parts: readonly (string | number)[]): Rng {
  return mulberry32(hashKey(seed, ...parts));
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

export function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted: empty list');
  return last[0];
}

/** Log-normal around `median` (sigma in natural-log units): most apps small, a few large. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  const u1 = Math.max(rng(), 1e-12);
  const u2 = rng();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * normal);
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function randomBytesFrom(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => Math.floor(rng() * 256));
}

/** A version-4-shaped UUID drawn from the stream, so user ids repeat across seeds with the same args. */
export function uuidFrom(rng: Rng): string {
  const b = randomBytesFrom(rng, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A bcrypt salt drawn from the stream. The demo passwords are published in the README, so a
 * predictable salt gives nothing away, and it keeps the seeded rows byte-identical run to run.
 * Real users' passwords are hashed with random salts by the sign-up and admin code, not here.
 */
export function bcryptSaltFrom(rng: Rng, cost = 10): string {
  return `$2b$${String(cost).padStart(2, '0')}$${encodeBase64(randomBytesFrom(rng, 16), 16)}`;
}
