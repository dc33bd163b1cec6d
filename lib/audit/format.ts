/**
 * A compact reading of an audit entry's before/after JSON: the paths whose values differ, as
 * `path: before → after`, so a table row shows what changed without unfolding two documents.
 */

type Flat = Map<string, string>;

function flatten(value: unknown, path: string, out: Flat, depth: number): void {
  if (value !== null && typeof value === 'object' && depth < 4) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(path, Array.isArray(value) ? '[]' : '{}');
    for (const [key, v] of entries) flatten(v, path ? `${path}.${key}` : key, out, depth + 1);
    return;
  }
  out.set(path, value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
}

export type ChangeSummary = { path: string; before: string | null; after: string | null };

export function summarizeChange(before: unknown, after: unknown): ChangeSummary[] {
  const b: Flat = new Map();
  const a: Flat = new Map();
  if (before !== null && before !== undefined) flatten(before, '', b, 0);
  if (after !== null && after !== undefined) flatten(after, '', a, 0);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((p) => b.get(p) !== a.get(p))
    .map((path) => ({ path: path || '(value)', before: b.get(path) ?? null, after: a.get(path) ?? null }));
}
