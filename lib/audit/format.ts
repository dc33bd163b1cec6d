/**
 * A compact reading of an audit entry's before/after JSON: the fields whose values differ, as
 * `path: before → after`, so a table row shows what changed without unfolding two documents.
 * Objects present on both sides are compared field by field; anything else (arrays, an object
 * against null) is compared whole.
 */

export type ChangeSummary = { path: string; before: string | null; after: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function diff(before: unknown, after: unknown, path: string, out: ChangeSummary[], depth: number): void {
  if (isRecord(before) && isRecord(after) && depth < 4) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diff(before[key], after[key], path ? `${path}.${key}` : key, out, depth + 1);
    }
    return;
  }
  const b = show(before);
  const a = show(after);
  if (b !== a) out.push({ path: path || '(value)', before: b, after: a });
}

export function summarizeChange(before: unknown, after: unknown): ChangeSummary[] {
  const out: ChangeSummary[] = [];
  // A creation (no before) or a removal (no after) lists every field of the side that exists.
  const b = before ?? (isRecord(after) ? {} : before);
  const a = after ?? (isRecord(before) ? {} : after);
  diff(b, a, '', out, 0);
  return out;
}
