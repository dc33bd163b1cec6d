import { CURRENT_LIMITS, EDITIONS, LEGACY_LIMITS, type LimitValue, type Scheme } from '../../lib/billing/catalog';
import { addMonthsClamped, formatDay, monthSpanOfDay, type Day } from '../../lib/billing/dates';
import type { BulkInsert } from './bulk';
import { instant, type EditionSegment, type PlannedApp, type UsageProfile } from './plans';
import { chance, logNormal, randInt, type Rng } from './random';

/**
 * Believable daily usage (UsageDaily rows, source SEED): legacy apps report DAU, peak groups and,
 * on paid days, barrage bandwidth; current apps report the month's cumulative MAU (rising
 * through the month, starting again on the 1st), peak groups and PCC. Weekly rhythm, a trend and
 * noise; Trial and Developer days stay under their 100-user limit; some paid apps run over the
 * free quotas (DAU 10,000, peak groups 100,000, MAU 10,000) so the invoices have overage lines.
 */

export interface UsagePeriod {
  /** First day of the month three months before `today`'s month. */
  from: Day;
  /** Yesterday: today's usage is not in yet. */
  to: Day;
}

export function usagePeriod(today: Day): UsagePeriod {
  return { from: addMonthsClamped(monthSpanOfDay(today).first, -3), to: today - 1 };
}

// Trial and Developer apps serve at most 100 users (the catalog's maxUsers row).
const numericLimit = (value: LimitValue | undefined) => (typeof value === 'number' ? value : 100);
const TRIAL_USERS = numericLimit(LEGACY_LIMITS.find((r) => r.key === 'maxUsers')?.values.TRIAL);
const DEVELOPER_USERS = numericLimit(CURRENT_LIMITS.find((r) => r.key === 'maxUsers')?.values.DEVELOPER);

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function isPaid(segment: EditionSegment): boolean {
  return EDITIONS[segment.edition].paid;
}

export function defaultProfile(rng: Rng, app: PlannedApp, scheme: Scheme): UsageProfile {
  const paidEver = app.segments.some(isPaid);
  const weekendLift = 0.8 + rng() * 0.45;
  const growthPerMonth = -0.02 + rng() * 0.08;
  if (!paidEver) {
    return { users: randInt(rng, 3, 95), groupsPerUser: 0.5 + rng() * 2.5, growthPerMonth: 0, weekendLift, barrageMbps: 0, intlShare: 0 };
  }
  if (scheme === 'LEGACY') {
    const users = chance(rng, 0.16) ? randInt(rng, 11_000, 32_000) : Math.round(clamp(logNormal(rng, 2_500, 0.9), 80, 9_000));
    const groupsPerUser = chance(rng, 0.1) ? randInt(rng, 105_000, 260_000) / users : 0.3 + rng() * 3.7;
    const barrageMbps = chance(rng, 0.35) ? clamp(logNormal(rng, 6, 1), 0.2, 120) : 0;
    const intlShare = app.dataCenter === 'CHINA' ? 0.05 + rng() * 0.15 : 0.3 + rng() * 1.2;
    return { users, groupsPerUser, growthPerMonth, weekendLift, barrageMbps, intlShare };
  }
  const users = chance(rng, 0.2) ? randInt(rng, 10_500, 60_000) : Math.round(clamp(logNormal(rng, 3_000, 0.9), 150, 9_500));
  return { users, groupsPerUser: 0.2 + rng() * 2.8, growthPerMonth, weekendLift, barrageMbps: 0, intlShare: 0 };
}

/** Decimal string with at most 3 decimals, built from integer thousandths (no float formatting). */
export function mbps(value: number): string {
  const thousandths = Math.max(0, Math.round(value * 1000));
  const whole = Math.floor(thousandths / 1000);
  const frac = thousandths % 1000;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}

function editionAt(segments: readonly EditionSegment[], day: Day): EditionSegment {
  let current = segments[0]!;
  for (const s of segments) {
    if (s.from <= day) current = s;
    else break;
  }
  return current;
}

const isWeekend = (day: Day) => {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
};

/** Adds one app's rows for the period to `bulk`; returns how many. */
export function addUsageRows(options: {
  bulk: BulkInsert;
  app: PlannedApp;
  scheme: Scheme;
  period: UsagePeriod;
  profile: UsageProfile;
  rng: Rng;
}): number {
  const { bulk, app, scheme, period, profile: p, rng } = options;
  const from = Math.max(period.from, app.createdDay);
  let rows = 0;
  let monthIndex = -1;
  let monthTarget = 0;
  for (let day = from; day <= period.to; day++) {
    const span = monthSpanOfDay(day);
    const trend = Math.pow(1 + p.growthPerMonth, (day - period.from) / 30.44);
    const week = isWeekend(day) ? p.weekendLift : 1;
    const paid = isPaid(editionAt(app.segments, day));
    const date = formatDay(day);
    const updatedAt = instant(day + 1, 2 * 3600 + (app.sdkAppId % 3600));
    if (scheme === 'LEGACY') {
      let dau = Math.round(p.users * trend * week * (0.88 + rng() * 0.24));
      let peakGroups = Math.round(p.users * p.groupsPerUser * trend * (0.97 + rng() * 0.06));
      if (!paid) {
        dau = Math.min(dau, TRIAL_USERS);
        peakGroups = Math.min(peakGroups, 500);
      }
      let domestic: string | null = null;
      let intl: string | null = null;
      if (paid && p.barrageMbps > 0) {
        // Some days have no barrage at all (no live events).
        const live = chance(rng, 0.85);
        const base = live ? p.barrageMbps * week * (0.6 + rng() * 0.8) : 0;
        domestic = mbps(base);
        intl = mbps(base * p.intlShare * (0.5 + rng()));
      }
      bulk.add([app.sdkAppId, date, dau, peakGroups, null, null, domestic, intl, 'SEED', 'seed', updatedAt]);
    } else {
      if (span.index !== monthIndex) {
        monthIndex = span.index;
        // The month's MAU follows the edition held on its last reported day.
        const monthEnd = editionAt(app.segments, Math.min(span.last, period.to));
        monthTarget = p.users * trend * (0.92 + rng() * 0.16);
        if (!isPaid(monthEnd)) monthTarget = Math.min(monthTarget, DEVELOPER_USERS);
      }
      const dom = day - span.first + 1;
      const k = 0.15;
      const mau = Math.max(1, Math.round((monthTarget * (1 - Math.exp(-k * dom))) / (1 - Math.exp(-k * span.days))));
      let pcc = Math.round(monthTarget * 0.04 * week * (0.85 + rng() * 0.3));
      let peakGroups = Math.round(monthTarget * p.groupsPerUser * (0.97 + rng() * 0.06));
      if (!paid) {
        pcc = Math.min(pcc, DEVELOPER_USERS);
        peakGroups = Math.min(peakGroups, 100);
      }
      bulk.add([app.sdkAppId, date, null, peakGroups, mau, pcc, null, null, 'SEED', 'seed', updatedAt]);
    }
    rows++;
  }
  return rows;
}
