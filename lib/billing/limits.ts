/**
 * Effective limits (DOMAIN.md section 2): an edition's limits raised by its active
 * add-ons, and which limits would fall on a change (the migration preview).
 */
import {
  ADDONS,
  EDITIONS,
  HISTORY_RETENTION,
  LIMITS,
  PERIODIC_ADDONS,
  formatLimitValue,
  type AddonCode,
  type Edition,
  type LimitKey,
  type LimitRow,
  type LimitValue,
  type PeriodicAddon,
  type Scheme,
} from './catalog';
import { BillingRuleError } from './errors';

/** An add-on an app holds: a code, or an object like `appStateOn(...).addons[i]`; `days` for HISTORY_RETENTION. */
export type AddonHolding = AddonCode | { code: AddonCode; days?: number };

export interface EffectiveLimitsOptions {
  scheme: Scheme;
  edition: Edition;
  addons?: readonly AddonHolding[];
  /** The retention tier held, if not passed among `addons` (`appStateOn(...).retention`). */
  retention?: { days: number } | null;
}

export interface EffectiveLimit {
  key: LimitKey;
  labelEn: string;
  labelZh: string;
  unitEn: string;
  unitZh: string;
  raisable: boolean;
  noteEn?: string;
  noteZh?: string;
  base: LimitValue;
  effective: LimitValue;
  /** The add-on that raised it, when one did. */
  raisedBy?: AddonCode;
}

function isPeriodic(code: AddonCode): code is PeriodicAddon {
  return (PERIODIC_ADDONS as readonly string[]).includes(code);
}

export function effectiveLimits({ scheme, edition, addons = [], retention = null }: EffectiveLimitsOptions): EffectiveLimit[] {
  if (EDITIONS[edition]?.scheme !== scheme) {
    throw new BillingRuleError('edition', `${edition} is not an edition of the ${scheme} scheme`);
  }
  const rows = LIMITS[scheme] as readonly LimitRow[];
  const raised = new Map<LimitKey, { to: LimitValue; by: AddonCode }>();
  let retentionDays = retention?.days ?? null;
  for (const holding of addons) {
    const code = typeof holding === 'string' ? holding : holding.code;
    if (code === 'HISTORY_RETENTION') {
      if (typeof holding !== 'string' && holding.days !== undefined) retentionDays = holding.days;
      continue;
    }
    if (!isPeriodic(code) || (edition !== 'PROFESSIONAL' && edition !== 'FLAGSHIP')) continue;
    const raises = ADDONS[code].offers[edition]?.raises;
    if (raises !== undefined) raised.set(raises.limit, { to: raises.to, by: code });
  }
  if (retentionDays !== null && scheme === 'LEGACY' && EDITIONS[edition].paid) {
    raised.set(HISTORY_RETENTION.raises, { to: retentionDays, by: 'HISTORY_RETENTION' });
  }
  return rows.map((row) => {
    const base = row.values[edition as keyof typeof row.values] as LimitValue;
    const lift = raised.get(row.key);
    const limit: EffectiveLimit = {
      key: row.key,
      labelEn: row.labelEn,
      labelZh: row.labelZh,
      unitEn: row.unitEn,
      unitZh: row.unitZh,
      raisable: row.raisable,
      base,
      effective: base,
    };
    if (row.noteEn !== undefined) limit.noteEn = row.noteEn;
    if (row.noteZh !== undefined) limit.noteZh = row.noteZh;
    if (lift !== undefined && row.raisable && compareCapacity(lift.to, base).rises) {
      limit.effective = lift.to;
      limit.raisedBy = lift.by;
    }
    return limit;
  });
}

/**
 * Limits that measure the same thing under another name in the other scheme: the
 * legacy "audio/video chat room" (AVChatRoom) is the current scheme's "live group".
 */
export const LIMIT_EQUIVALENTS: Readonly<Partial<Record<LimitKey, LimitKey>>> = {
  avChatRooms: 'liveGroups',
  liveGroups: 'avChatRooms',
};

function parts(value: LimitValue): Map<string, number> {
  if (value === 'unlimited') return new Map([['*', Number.POSITIVE_INFINITY]]);
  if (typeof value === 'number') return new Map([['*', value]]);
  return new Map(value.split.map((p) => [p.key, p.value]));
}

/** Compares capacities part by part (a plain number applies to every group type). */
function compareCapacity(after: LimitValue, before: LimitValue): { falls: boolean; rises: boolean } {
  const a = parts(after);
  const b = parts(before);
  const keys = new Set([...a.keys(), ...b.keys()]);
  if (keys.size > 1) keys.delete('*');
  let falls = false;
  let rises = false;
  for (const key of keys) {
    const x = a.get(key) ?? (a.get('*') as number);
    const y = b.get(key) ?? (b.get('*') as number);
    if (x < y) falls = true;
    if (x > y) rises = true;
  }
  return { falls, rises };
}

export interface FallingLimit {
  key: LimitKey;
  /** The key on the `after` side when it differs (avChatRooms -> liveGroups). */
  afterKey: LimitKey;
  labelEn: string;
  labelZh: string;
  before: LimitValue;
  after: LimitValue;
  /** The add-on that held the limit up before, if any. */
  raisedBy?: AddonCode;
  /** e.g. `Members per group (...): 2,000 -> 200`. */
  explain: string;
}

/**
 * The limits that would decrease going from `before` to `after` (both from
 * `effectiveLimits`, possibly of different schemes). Rows without a counterpart
 * (DAU vs MAU quotas) are not compared.
 */
export function fallingLimits(before: readonly EffectiveLimit[], after: readonly EffectiveLimit[]): FallingLimit[] {
  const byKey = new Map(after.map((l) => [l.key, l]));
  const out: FallingLimit[] = [];
  for (const b of before) {
    const alias = LIMIT_EQUIVALENTS[b.key];
    const a = byKey.get(b.key) ?? (alias === undefined ? undefined : byKey.get(alias));
    if (a === undefined) continue;
    if (!compareCapacity(a.effective, b.effective).falls) continue;
    const falling: FallingLimit = {
      key: b.key,
      afterKey: a.key,
      labelEn: b.labelEn,
      labelZh: b.labelZh,
      before: b.effective,
      after: a.effective,
      explain: `${b.labelEn}: ${formatLimitValue(b.effective)}${b.raisedBy === undefined ? '' : ` (with ${b.raisedBy})`} -> ${formatLimitValue(a.effective)}`,
    };
    if (b.raisedBy !== undefined) falling.raisedBy = b.raisedBy;
    out.push(falling);
  }
  return out;
}
