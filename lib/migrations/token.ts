/**
 * The preview token: a sha256 of everything the preview used, so execution can tell whether
 * any of it changed since (issue 7). Each part is hashed on its own too, so the refusal can say
 * what changed ("usage", "plan events", ...).
 */
import { createHash } from 'node:crypto';

export const BASIS_PARTS = ['account', 'apps', 'events', 'usage', 'editions', 'months', 'priceBooks', 'effectiveOn'] as const;
export type BasisPart = (typeof BASIS_PARTS)[number];
export type PreviewBasis = Record<BasisPart, unknown>;
export type TokenParts = Record<BasisPart, string>;

/** JSON with object keys sorted at every level; bigint and Decimal-like values as strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot hash ${value}`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    // decimal.js / Prisma.Decimal: their exact text, never a float.
    if (typeof (value as { toFixed?: unknown }).toFixed === 'function' && typeof (value as { isFinite?: unknown }).isFinite === 'function') {
      return String(value);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalize(v);
    }
    return out;
  }
  throw new TypeError(`cannot hash a ${typeof value}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function previewToken(basis: PreviewBasis): { token: string; parts: TokenParts } {
  const parts = Object.fromEntries(BASIS_PARTS.map((part) => [part, sha256(canonicalJson(basis[part]))])) as TokenParts;
  const token = sha256(BASIS_PARTS.map((part) => `${part}:${parts[part]}`).join('\n'));
  return { token, parts };
}

/** The parts whose hash differs (all of them when the stored parts are missing). */
export function changedParts(stored: Partial<TokenParts> | null | undefined, now: TokenParts): BasisPart[] {
  return BASIS_PARTS.filter((part) => stored?.[part] !== now[part]);
}
