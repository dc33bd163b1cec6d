/**
 * What an app holds on a given day, computed with the same rules as rating, so
 * the console never re-implements them: edition and since when, a scheduled
 * downgrade, the running package cycle, add-ons with their cycles and pending
 * stops, the retention tier.
 */
import type { CurrentEdition, Edition, PeriodicAddon, RetentionDays, Scheme } from './catalog';
import { cycleHolding } from './cycles';
import { BEFORE_ALL, type Day, formatDay, parseDay } from './dates';
import { BillingRuleError } from './errors';
import { prepareMigration } from './migration';
import { buildAppTimeline } from './timeline';
import type { AppEvent, MigrationInput } from './types';

export interface AppStateOptions {
  scheme: Scheme;
  migration?: MigrationInput;
  sdkAppId: number;
  events: readonly AppEvent[];
}

export interface DateRange {
  from: string;
  to: string;
}

export interface AddonHoldingState {
  code: PeriodicAddon;
  /** The edition whose price the add-on is billed at. */
  edition: Edition;
  /** The add-on's current anchor. */
  since: string;
  cycle: DateRange;
  /** Set when a stop is pending: the last day it is held. */
  stopsAfter?: string;
}

export interface AppState {
  /** The scheme billing the app on that day. */
  scheme: Scheme;
  edition: Edition;
  /** Since when the edition is held; null for the edition the app was created on. */
  since: string | null;
  pendingDowngrade?: { edition: Edition; effectiveOn: string };
  /** The prepaid package cycle holding the day (legacy paid editions). */
  currentCycle?: DateRange;
  addons: AddonHoldingState[];
  retention?: { days: RetentionDays; since: string };
  /** A migration executed on or before the day, and when it takes (took) effect. */
  migration?: { executedOn: string; effectiveOn: string };
}

function range(from: Day, to: Day): DateRange {
  return { from: formatDay(from), to: formatDay(to) };
}

/**
 * The app's state on `date` (`YYYY-MM-DD`), from the events dated up to that day.
 * Throws BillingRuleError if the events break a rule.
 */
export function appStateOn(options: AppStateOptions, date: string): AppState {
  const day = parseDay(date);
  if (day === null) throw new BillingRuleError('date', `${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
  const { scheme, sdkAppId, events } = options;
  const migrationInput = options.migration !== undefined && options.migration.executedOn <= date ? options.migration : undefined;
  const own: Record<string, CurrentEdition> = {};
  const chosen = migrationInput?.editions?.[String(sdkAppId)];
  if (chosen !== undefined) own[String(sdkAppId)] = chosen;
  const migration = prepareMigration({
    scheme,
    apps: [{ sdkAppId, events, usage: [] }],
    ...(migrationInput === undefined ? {} : { migration: { executedOn: migrationInput.executedOn, editions: own } }),
  });
  const timeline = buildAppTimeline({
    account: { scheme, migration },
    sdkAppId,
    events,
    eventPath: (i) => `events[${i}]`,
    until: day,
  });
  const migrationState =
    migration === null ? undefined : { executedOn: formatDay(migration.executedOn), effectiveOn: formatDay(migration.effectiveOn) };
  const withMigration = <T extends object>(state: T): T => (migrationState === undefined ? state : { ...state, migration: migrationState });

  const current = timeline.current;
  if (current !== null && day >= current.from) {
    const span = current.editions.find((s) => s.from <= day && day <= s.to);
    if (span === undefined) throw new Error('appStateOn: no current edition span holds the day');
    return withMigration({
      scheme: 'CURRENT',
      edition: span.edition,
      since: span.from === BEFORE_ALL ? null : formatDay(span.from),
      addons: [],
    });
  }

  const legacy = timeline.legacy;
  if (legacy === null) throw new Error('appStateOn: no legacy timeline');
  const span = legacy.editions.find((s) => s.from <= day && day <= s.to);
  if (span === undefined) throw new Error('appStateOn: no legacy edition span holds the day');
  const state: AppState = {
    scheme: 'LEGACY',
    edition: span.edition,
    since: span.from === BEFORE_ALL ? null : formatDay(span.from),
    addons: [],
  };
  if (span.edition !== 'TRIAL') {
    const cycle = cycleHolding(span.from, day);
    state.currentCycle = range(cycle.start, cycle.end);
  }
  // A downgrade still pending when legacy billing ends (on or after E) never happens: not shown.
  const downgrade = legacy.downgrades.find((d) => d.requestedOn <= day && day < d.effectiveOn);
  if (downgrade !== undefined) state.pendingDowngrade = { edition: downgrade.edition, effectiveOn: formatDay(downgrade.effectiveOn) };
  for (const addon of legacy.addons) {
    if (addon.from > day || day > addon.to) continue;
    const cycle = cycleHolding(addon.from, day);
    const holding: AddonHoldingState = {
      code: addon.addon,
      edition: addon.edition,
      since: formatDay(addon.from),
      cycle: range(cycle.start, cycle.end),
    };
    if (addon.stoppedOn !== undefined && addon.end === undefined) holding.stopsAfter = formatDay(addon.to);
    state.addons.push(holding);
  }
  const tier = legacy.retention.find((r) => r.from <= day && day <= r.to);
  if (tier !== undefined) state.retention = { days: tier.days, since: formatDay(tier.from) };
  return withMigration(state);
}
