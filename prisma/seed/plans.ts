import {
  addonOffered,
  AV_CALL_TRIAL,
  LEGACY_CLOSED_AT,
  PERIODIC_ADDONS,
  RETENTION_TIERS,
  type AddonCode,
  type DataCenter,
  type Edition,
  type PeriodicAddon,
  type RetentionDays,
  type Scheme,
} from '../../lib/billing/catalog';
import { addMonthsClamped, formatDay, monthSpanOfDay, parseDay, type Day } from '../../lib/billing/dates';
import { appNames, companyName } from './names';
import { chance, pick, randInt, rngFor, weighted, type Rng } from './random';

/**
 * What the seed writes, planned in memory one account at a time: accounts, apps, their plan
 * events (the append-only request log the engine reads) and audio/video call trial grants.
 * Every event is valid under DOMAIN.md: paid legacy editions only from Trial or each other,
 * never back to Trial; add-ons only on an edition that offers them (AV_CHATROOM_UNLIMITED on
 * Professional only, nothing on Trial), stopped on the edition they started on; retention
 * tiers from the catalog; current editions in any direction.
 */

export const SHANGHAI_OFFSET = '+08:00';

/** A timestamp in the billing calendar's zone, as Postgres reads it. */
export function instant(day: Day, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${formatDay(day)}T${hh}:${mm}:${ss}${SHANGHAI_OFFSET}`;
}

export function dayOf(date: string): Day {
  const d = parseDay(date);
  if (d === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return d;
}

const LEGACY_CLOSED: Day = dayOf(LEGACY_CLOSED_AT);
/** Legacy accounts were created 2019-01 .. 2022-12-20, a few days before the scheme closed. */
const LEGACY_ACCOUNTS_FROM: Day = dayOf('2019-01-01');
const LEGACY_ACCOUNTS_TO: Day = dayOf('2022-12-20');
/** Current accounts: from the day after the close, up to 30 days before `today`. */
const CURRENT_ACCOUNTS_FROM: Day = LEGACY_CLOSED + 1;
/** The fixed demo accounts below need this much history. */
export const EARLIEST_TODAY = '2024-01-01';

export interface PlannedEvent {
  date: Day;
  type: 'EDITION' | 'ADDON';
  edition: Edition | null;
  addon: AddonCode | null;
  action: 'START' | 'STOP' | null;
  retentionDays: RetentionDays | null;
  /** Seconds after midnight the request was logged. */
  at: number;
}

/** The edition in effect from `from` (a pending downgrade is not a segment until it takes effect). */
export interface EditionSegment {
  from: Day;
  edition: Edition;
}

export interface PlannedGrant {
  sdkAppId: number;
  startOn: Day;
  grantNo: number;
  accountGrantNo: number;
  at: number;
}

/** Usage shape of one app; see usage.ts. Set by hand for the demo accounts. */
export interface UsageProfile {
  /** Legacy: typical DAU; current: typical month-end MAU. */
  users: number;
  groupsPerUser: number;
  growthPerMonth: number;
  weekendLift: number;
  /** Typical daily barrage peak in Mbps on paid legacy days; 0 for none. */
  barrageMbps: number;
  intlShare: number;
}

export interface PlannedApp {
  sdkAppId: number;
  name: string;
  dataCenter: DataCenter;
  createdDay: Day;
  createdAt: string;
  events: PlannedEvent[];
  segments: EditionSegment[];
  grants: PlannedGrant[];
  profile?: UsageProfile;
}

export interface PlannedFeatureApplication {
  sdkAppId: number;
  status: 'PENDING' | 'APPROVED';
  note: string;
  requestedAt: string;
  decidedAt: string | null;
  enablesAt: string | null;
}

export interface PlannedAccount {
  /** 0-based position; the id is index + 1. */
  index: number;
  id: number;
  name: string;
  contactEmail: string;
  scheme: Scheme;
  createdDay: Day;
  createdAt: string;
  manager: 'am' | 'am2' | null;
  apps: PlannedApp[];
  featureApplications: PlannedFeatureApplication[];
}

export interface PlanContext {
  seed: number;
  today: Day;
  /** The next SDKAppID to hand out; apps are numbered consecutively from 1400000001. */
  nextSdkAppId: number;
}

export const FIRST_SDK_APP_ID = 1_400_000_001;

const APP_COUNTS = [
  [1, 25],
  [2, 30],
  [3, 25],
  [4, 11],
  [5, 6],
  [6, 3],
] as const;

const LEGACY_DATA_CENTERS: readonly (readonly [DataCenter, number])[] = [
  ['CHINA', 50], ['SINGAPORE', 16], ['KOREA', 6], ['GERMANY', 5], ['INDIA', 6], ['INDONESIA', 7], ['USA', 10],
];
const CURRENT_DATA_CENTERS: readonly (readonly [DataCenter, number])[] = [
  ['CHINA', 14], ['SINGAPORE', 20], ['KOREA', 10], ['GERMANY', 12], ['INDIA', 12], ['INDONESIA', 10], ['USA', 22],
];

const ADDON_SHARE: Readonly<Record<PeriodicAddon, number>> = {
  AV_CHATROOM_UNLIMITED: 0.3,
  GROUP_MEMBER_CAP: 0.25,
  GROUP_JOIN_CAP: 0.15,
  SECURITY_STRIKE: 0.2,
};

/** Managers by position: ~50% am, ~30% am2, ~20% nobody; the demo accounts (0..2) all am. */
export function managerOf(index: number): 'am' | 'am2' | null {
  const slot = index % 20;
  return slot < 10 ? 'am' : slot < 16 ? 'am2' : null;
}

function editionEvent(date: Day, edition: Edition, at: number): PlannedEvent {
  return { date, type: 'EDITION', edition, addon: null, action: null, retentionDays: null, at };
}

function addonEvent(
  date: Day,
  addon: AddonCode,
  action: 'START' | 'STOP',
  at: number,
  retentionDays: RetentionDays | null = null,
): PlannedEvent {
  return { date, type: 'ADDON', edition: null, addon, action, retentionDays, at };
}

/** First cycle anchor `anchor + k months` (k >= 1) after `day` (DOMAIN L1). */
function nextAnchorAfter(anchor: Day, day: Day): Day {
  let k = Math.max(1, Math.floor((day - anchor) / 31));
  while (addMonthsClamped(anchor, k) <= day) k++;
  while (k > 1 && addMonthsClamped(anchor, k - 1) > day) k--;
  return addMonthsClamped(anchor, k);
}

/** Same-day events in request order: edition changes first, then add-on starts, then stops. */
function sortEvents(events: PlannedEvent[]): PlannedEvent[] {
  const rank = (e: PlannedEvent) => (e.type === 'EDITION' ? 0 : e.action === 'START' ? 1 : 2);
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date - b.e.date || rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }, i) => ({ ...e, at: 9 * 3600 + i * 600 + (e.at % 600) }));
}

interface PaidRun {
  from: Day;
  to: Day;
  edition: Edition;
}

function paidRuns(segments: readonly EditionSegment[], last: Day): PaidRun[] {
  return segments
    .map((s, i) => ({ from: s.from, to: (segments[i + 1]?.from ?? last + 1) - 1, edition: s.edition }))
    .filter((r) => (r.edition === 'PROFESSIONAL' || r.edition === 'FLAGSHIP') && r.from <= r.to);
}

function planLegacyEvents(rng: Rng, created: Day, today: Day): { events: PlannedEvent[]; segments: EditionSegment[] } {
  const last = today - 1;
  const segments: EditionSegment[] = [{ from: created, edition: 'TRIAL' }];
  const events: PlannedEvent[] = [];
  if (created > last || !chance(rng, 0.55)) return { events, segments };
  const at = () => randInt(rng, 0, 599);

  const start = randInt(rng, created, last);
  const first: Edition = chance(rng, 0.65) ? 'PROFESSIONAL' : 'FLAGSHIP';
  events.push(editionEvent(start, first, at()));
  segments.push({ from: start, edition: first });
  let flagshipAnchor: Day | null = first === 'FLAGSHIP' ? start : null;

  if (first === 'PROFESSIONAL' && last - start >= 2 && chance(rng, 0.2)) {
    // Upgrade: immediate (L2).
    const upgrade = randInt(rng, start + 1, last);
    events.push(editionEvent(upgrade, 'FLAGSHIP', at()));
    segments.push({ from: upgrade, edition: 'FLAGSHIP' });
    flagshipAnchor = upgrade;
  } else if (first === 'FLAGSHIP' && last - start > 90 && chance(rng, 0.06)) {
    // A downgrade long ago: effective the day after the Flagship cycle holding the request.
    const request = randInt(rng, start + 1, last - 60);
    const effective = nextAnchorAfter(start, request);
    events.push(editionEvent(request, 'PROFESSIONAL', at()));
    if (effective <= last) segments.push({ from: effective, edition: 'PROFESSIONAL' });
    flagshipAnchor = null;
  }

  if (flagshipAnchor !== null && chance(rng, 0.08)) {
    // A pending downgrade: requested in the last three weeks, in the cycle that holds today,
    // so it takes effect after today.
    const cycleStart = addMonthsClamped(flagshipAnchor, monthsBetween(flagshipAnchor, today));
    const from = Math.max(cycleStart, flagshipAnchor + 1, today - 20);
    if (from <= last) events.push(editionEvent(randInt(rng, from, last), 'PROFESSIONAL', at()));
  }

  const runs = paidRuns(segments, last);
  for (const addon of PERIODIC_ADDONS) {
    if (!chance(rng, ADDON_SHARE[addon])) continue;
    const options = runs.filter((r) => addonOffered(addon, r.edition));
    if (options.length === 0) continue;
    const run = pick(rng, options);
    const startOn = randInt(rng, run.from, run.to);
    events.push(addonEvent(startOn, addon, 'START', at()));
    // Stopped on the edition it started on, so the stop is always offered.
    if (startOn < run.to && chance(rng, 0.2)) events.push(addonEvent(randInt(rng, startOn + 1, run.to), addon, 'STOP', at()));
  }

  if (runs.length > 0 && chance(rng, 0.2)) {
    const run = pick(rng, runs);
    // Flagship already keeps 30 days free (its 30-day tier costs 0), so nobody buys it there.
    const tiers = RETENTION_TIERS.filter((t) => run.edition !== 'FLAGSHIP' || t > 30);
    const tier = pick(rng, tiers);
    const startOn = randInt(rng, run.from, run.to);
    events.push(addonEvent(startOn, 'HISTORY_RETENTION', 'START', at(), tier));
    let lastChange = startOn;
    if (startOn < run.to && chance(rng, 0.3)) {
      lastChange = randInt(rng, startOn + 1, run.to);
      events.push(addonEvent(lastChange, 'HISTORY_RETENTION', 'START', at(), pick(rng, tiers.filter((t) => t !== tier))));
    }
    if (lastChange < run.to && chance(rng, 0.12)) {
      events.push(addonEvent(randInt(rng, lastChange + 1, run.to), 'HISTORY_RETENTION', 'STOP', at()));
    }
  }
  return { events: sortEvents(events), segments };
}

function monthsBetween(anchor: Day, day: Day): number {
  let k = 0;
  while (addMonthsClamped(anchor, k + 1) <= day) k++;
  return k;
}

function planCurrentEvents(rng: Rng, created: Day, today: Day): { events: PlannedEvent[]; segments: EditionSegment[] } {
  const last = today - 1;
  const segments: EditionSegment[] = [{ from: created, edition: 'DEVELOPER' }];
  const events: PlannedEvent[] = [];
  if (created > last || !chance(rng, 0.6)) return { events, segments };
  const start = randInt(rng, created, last);
  const first: Edition = chance(rng, 0.55) ? 'STANDARD' : 'PRO';
  events.push(editionEvent(start, first, 0));
  segments.push({ from: start, edition: first });
  if (last - start >= 2 && chance(rng, 0.25)) {
    // Current editions change in any direction, on their date (C1).
    const change = randInt(rng, start + 1, last);
    const next: Edition =
      first === 'STANDARD' ? (chance(rng, 0.6) ? 'PRO' : 'DEVELOPER') : chance(rng, 0.6) ? 'STANDARD' : 'DEVELOPER';
    events.push(editionEvent(change, next, 0));
    segments.push({ from: change, edition: next });
  }
  return { events: sortEvents(events), segments };
}

/** Grants for an account's apps, numbered per app and, in date order, per account (max 10). */
function planGrants(rng: Rng, apps: PlannedApp[], scheme: Scheme, today: Day): void {
  const last = today - 1;
  const all: PlannedGrant[] = [];
  for (const app of apps) {
    if (!chance(rng, scheme === 'CURRENT' ? 0.04 : 0.02)) continue;
    const from = Math.max(app.createdDay, today - 240);
    if (from > last) continue;
    const first = randInt(rng, from, last);
    all.push({ sdkAppId: app.sdkAppId, startOn: first, grantNo: 1, accountGrantNo: 0, at: randInt(rng, 9 * 3600, 19 * 3600) });
    const secondFrom = first + AV_CALL_TRIAL.days;
    if (secondFrom <= last && chance(rng, 0.35)) {
      const secondTo = Math.min(last, secondFrom + 90);
      all.push({ sdkAppId: app.sdkAppId, startOn: randInt(rng, secondFrom, secondTo), grantNo: 2, accountGrantNo: 0, at: randInt(rng, 9 * 3600, 19 * 3600) });
    }
  }
  assignGrants(apps, all);
}

function assignGrants(apps: PlannedApp[], grants: PlannedGrant[]): void {
  grants
    .sort((a, b) => a.startOn - b.startOn || a.sdkAppId - b.sdkAppId || a.grantNo - b.grantNo)
    .slice(0, AV_CALL_TRIAL.maxGrantsPerAccount)
    .forEach((g, i) => {
      g.accountGrantNo = i + 1;
      apps.find((a) => a.sdkAppId === g.sdkAppId)?.grants.push(g);
    });
}

export function planAccount(ctx: PlanContext, index: number): PlannedAccount {
  const showcase = SHOWCASE[index];
  if (showcase) return showcase(ctx, index);
  const { today } = ctx;
  const rng = rngFor(ctx.seed, 'account', index);
  const legacy = chance(rng, 0.45);
  const scheme: Scheme = legacy ? 'LEGACY' : 'CURRENT';
  const createdDay = legacy ? randInt(rng, LEGACY_ACCOUNTS_FROM, LEGACY_ACCOUNTS_TO) : randInt(rng, CURRENT_ACCOUNTS_FROM, today - 30);
  const createdSecond = randInt(rng, 8 * 3600, 21 * 3600);
  const company = companyName(rng, chance(rng, legacy ? 0.6 : 0.3));
  const appCount = weighted(rng, APP_COUNTS);
  const names = appNames(rng, company, appCount);
  const primaryDc = weighted(rng, legacy ? LEGACY_DATA_CENTERS : CURRENT_DATA_CENTERS);

  // Creation times first, then SDKAppIDs in creation order within the account.
  const created = names.map((_, k) => {
    if (k === 0) return { day: createdDay, second: createdSecond + randInt(rng, 300, 7200) };
    let from = createdDay;
    let to = today - 1;
    // Most apps of a legacy account predate the close; the first one always does.
    if (legacy && chance(rng, 0.7)) to = Math.min(to, LEGACY_CLOSED - 1);
    else if (legacy) from = Math.max(from, LEGACY_CLOSED);
    const day = randInt(rng, from, Math.max(from, to));
    const second = day === createdDay ? randInt(rng, createdSecond + 60, 86_399) : randInt(rng, 7 * 3600, 23 * 3600);
    return { day, second: Math.min(second, 86_399) };
  });
  created.sort((a, b) => a.day - b.day || a.second - b.second);

  const apps = names.map((name, k): PlannedApp => {
    const { day, second } = created[k]!;
    const appRng = rngFor(ctx.seed, 'app', index, k);
    const { events, segments } = legacy ? planLegacyEvents(appRng, day, today) : planCurrentEvents(appRng, day, today);
    return {
      sdkAppId: ctx.nextSdkAppId++,
      name,
      dataCenter: chance(appRng, 0.6) ? primaryDc : weighted(appRng, legacy ? LEGACY_DATA_CENTERS : CURRENT_DATA_CENTERS),
      createdDay: day,
      createdAt: instant(day, second),
      events,
      segments,
      grants: [],
    };
  });
  planGrants(rng, apps, scheme, today);

  return {
    index,
    id: index + 1,
    name: company.name,
    contactEmail: company.contactEmail,
    scheme,
    createdDay,
    createdAt: instant(createdDay, createdSecond),
    manager: managerOf(index),
    apps,
    featureApplications: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The fixed demo accounts (DEMO_ACCOUNTS in demo-users.ts): written first, the same every time,
// with dates that move with `today` so the recent months always show something.

type ShowcaseApp = {
  name: string;
  dataCenter: DataCenter;
  created: string;
  events: (today: Day) => PlannedEvent[];
  profile: UsageProfile;
  grants?: (today: Day) => Day[];
};

function monthStart(today: Day, monthsBack: number): Day {
  return addMonthsClamped(monthSpanOfDay(today).first, -monthsBack);
}

function showcaseAccount(options: {
  name: string;
  contactEmail: string;
  scheme: Scheme;
  created: string;
  apps: ShowcaseApp[];
  featureApplications?: (today: Day, apps: PlannedApp[]) => PlannedFeatureApplication[];
}): (ctx: PlanContext, index: number) => PlannedAccount {
  return (ctx, index) => {
    const { today } = ctx;
    const [createdDate, createdTime] = options.created.split(' ') as [string, string];
    const secondOf = (time: string) => {
      const [h, m, s] = time.split(':').map(Number) as [number, number, number];
      return h * 3600 + m * 60 + s;
    };
    const apps = options.apps.map((spec): PlannedApp => {
      const [date, time] = spec.created.split(' ') as [string, string];
      const createdDay = dayOf(date);
      const events = sortEvents(spec.events(today).map((e) => ({ ...e, date: Math.max(e.date, createdDay) })));
      const segments: EditionSegment[] = [{ from: createdDay, edition: options.scheme === 'LEGACY' ? 'TRIAL' : 'DEVELOPER' }];
      for (const e of events) if (e.type === 'EDITION' && e.edition) segments.push({ from: e.date, edition: e.edition });
      const sdkAppId = ctx.nextSdkAppId++;
      const grants = (spec.grants?.(today) ?? []).map((startOn, i): PlannedGrant => ({
        sdkAppId,
        startOn,
        grantNo: i + 1,
        accountGrantNo: 0,
        at: 10 * 3600 + 1800,
      }));
      return {
        sdkAppId,
        name: spec.name,
        dataCenter: spec.dataCenter,
        createdDay,
        createdAt: instant(createdDay, secondOf(time)),
        events,
        segments,
        grants,
        profile: spec.profile,
      };
    });
    const grants = apps.flatMap((a) => a.grants);
    for (const a of apps) a.grants = [];
    assignGrants(apps, grants);
    const createdDay = dayOf(createdDate);
    return {
      index,
      id: index + 1,
      name: options.name,
      contactEmail: options.contactEmail,
      scheme: options.scheme,
      createdDay,
      createdAt: instant(createdDay, secondOf(createdTime)),
      manager: managerOf(index),
      apps,
      featureApplications: options.featureApplications?.(today, apps) ?? [],
    };
  };
}

const ed = (date: Day, edition: Edition) => editionEvent(date, edition, 0);
const start = (date: Day, addon: AddonCode, days: RetentionDays | null = null) => addonEvent(date, addon, 'START', 0, days);

const SHOWCASE: readonly ((ctx: PlanContext, index: number) => PlannedAccount)[] = [
  // customer@demo.test
  showcaseAccount({
    name: 'Lumen Games',
    contactEmail: 'billing@lumengames.example',
    scheme: 'LEGACY',
    created: '2020-03-14 10:12:00',
    apps: [
      {
        name: 'Lumen Arena',
        dataCenter: 'CHINA',
        created: '2020-03-14 11:02:37',
        events: (t) => [
          ed(dayOf('2021-05-10'), 'PROFESSIONAL'),
          start(dayOf('2021-06-01'), 'GROUP_MEMBER_CAP'),
          ed(monthStart(t, 2) + 4, 'FLAGSHIP'),
          start(monthStart(t, 1) + 9, 'HISTORY_RETENTION', 90),
        ],
        // Over both legacy quotas: DAU above 10,000 and peak groups above 100,000.
        profile: { users: 24_000, groupsPerUser: 5.6, growthPerMonth: 0.02, weekendLift: 1.15, barrageMbps: 12, intlShare: 0.12 },
      },
      {
        name: 'Lumen Party',
        dataCenter: 'SINGAPORE',
        created: '2021-08-02 15:40:00',
        events: (t) => [
          ed(dayOf('2022-01-15'), 'PROFESSIONAL'),
          start(dayOf('2022-01-15'), 'AV_CHATROOM_UNLIMITED'),
          start(monthStart(t, 1) + 14, 'SECURITY_STRIKE'),
        ],
        profile: { users: 7_200, groupsPerUser: 1.2, growthPerMonth: 0.03, weekendLift: 1.25, barrageMbps: 4.5, intlShare: 0.9 },
        grants: (t) => [t - 20],
      },
      {
        name: 'Lumen Sandbox',
        dataCenter: 'CHINA',
        created: '2023-04-18 09:15:00',
        events: () => [],
        profile: { users: 40, groupsPerUser: 1.5, growthPerMonth: 0, weekendLift: 0.8, barrageMbps: 0, intlShare: 0 },
      },
    ],
  }),
  // customer2@demo.test
  showcaseAccount({
    name: 'Brightwave Health',
    contactEmail: 'finance@brightwavehealth.example',
    scheme: 'CURRENT',
    created: '2023-06-08 09:40:00',
    apps: [
      {
        name: 'Brightwave Care',
        dataCenter: 'USA',
        created: '2023-06-08 10:05:00',
        events: (t) => [ed(dayOf('2023-07-01'), 'STANDARD'), ed(monthStart(t, 2), 'PRO')],
        profile: { users: 6_500, groupsPerUser: 0.8, growthPerMonth: 0.04, weekendLift: 0.9, barrageMbps: 0, intlShare: 0 },
        grants: (t) => [t - 20],
      },
      {
        name: 'Brightwave Clinic',
        dataCenter: 'SINGAPORE',
        created: '2023-09-20 14:22:00',
        events: () => [ed(dayOf('2023-10-01'), 'STANDARD')],
        // Over the MAU quota every month.
        profile: { users: 15_500, groupsPerUser: 0.5, growthPerMonth: 0.03, weekendLift: 0.85, barrageMbps: 0, intlShare: 0 },
      },
      {
        name: 'Brightwave Coach',
        dataCenter: 'GERMANY',
        created: '2023-11-02 11:11:00',
        events: (t) => [ed(t - 12, 'PRO')],
        profile: { users: 1_800, groupsPerUser: 1.1, growthPerMonth: 0.05, weekendLift: 1.1, barrageMbps: 0, intlShare: 0 },
      },
      {
        name: 'Brightwave Sandbox',
        dataCenter: 'INDIA',
        created: '2023-12-01 09:00:00',
        events: () => [],
        profile: { users: 35, groupsPerUser: 1, growthPerMonth: 0, weekendLift: 1, barrageMbps: 0, intlShare: 0 },
      },
    ],
    featureApplications: (t, apps) => {
      const [care, , coach] = apps;
      if (!care || !coach) return [];
      const decided = monthStart(t, 1) + 4;
      return [
        {
          sdkAppId: care.sdkAppId,
          status: 'APPROVED',
          note: 'Broadcast push for appointment reminders to all patients.',
          requestedAt: instant(monthStart(t, 1) + 3, 10 * 3600 + 20 * 60),
          decidedAt: instant(decided, 15 * 3600 + 30 * 60),
          // Switched on 48 hours after approval (C3).
          enablesAt: instant(decided + 2, 15 * 3600 + 30 * 60),
        },
        {
          sdkAppId: coach.sdkAppId,
          status: 'PENDING',
          note: 'Weekly coaching announcements to every user.',
          requestedAt: instant(t - 2, 16 * 3600 + 5 * 60),
          decidedAt: null,
          enablesAt: null,
        },
      ];
    },
  }),
  // The open migration ticket's account (am@demo.test).
  showcaseAccount({
    name: '星河互娱',
    contactEmail: 'finance@xinghe-huyu.example',
    scheme: 'LEGACY',
    created: '2021-02-03 14:05:00',
    apps: [
      {
        name: '星河直播',
        dataCenter: 'CHINA',
        created: '2021-02-03 14:30:00',
        events: () => [
          ed(dayOf('2021-09-01'), 'FLAGSHIP'),
          start(dayOf('2022-03-10'), 'GROUP_JOIN_CAP'),
          start(dayOf('2023-01-05'), 'HISTORY_RETENTION', 180),
        ],
        profile: { users: 9_000, groupsPerUser: 6, growthPerMonth: 0.01, weekendLift: 1.3, barrageMbps: 20, intlShare: 0.1 },
      },
      {
        name: '星河语聊房',
        dataCenter: 'SINGAPORE',
        created: '2022-06-30 16:00:00',
        events: () => [ed(dayOf('2022-07-15'), 'PROFESSIONAL'), start(dayOf('2022-07-15'), 'GROUP_MEMBER_CAP')],
        profile: { users: 3_500, groupsPerUser: 2, growthPerMonth: 0.02, weekendLift: 1.2, barrageMbps: 0, intlShare: 0 },
      },
      {
        name: '星河测试环境',
        dataCenter: 'CHINA',
        created: '2023-03-01 10:00:00',
        events: () => [],
        profile: { users: 20, groupsPerUser: 2, growthPerMonth: 0, weekendLift: 1, barrageMbps: 0, intlShare: 0 },
      },
    ],
  }),
];

export const SHOWCASE_ACCOUNTS = SHOWCASE.length;
