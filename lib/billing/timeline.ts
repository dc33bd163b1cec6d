/**
 * Turns an app's events into dated runs: edition spans (with their cuts), add-on
 * spans, retention tiers, current-scheme edition runs. Rules live in their own
 * files (cycles.ts L2, addons.ts L5, retention.ts L6, current.ts C1,
 * migration.ts); this file applies them in order and names the offending field.
 *
 * Order: events apply in date order, same-date events in file order. A scheduled
 * downgrade takes effect at the start of its day, before that day's events (so a
 * Flagship request on that day is an upgrade from Professional with a new anchor).
 */
import {
  ADDON_CODES,
  CURRENT_EDITIONS,
  DEFAULT_EDITION,
  LEGACY_CLOSED_AT,
  LEGACY_EDITIONS,
  isCurrentEdition,
  isLegacyEdition,
  isPaidLegacyEdition,
  type AddonCode,
  type LegacyEdition,
  type PaidLegacyEdition,
  type Scheme,
} from './catalog';
import { type AddonSpan, type AddonState, applyAddonEvent, cutAddons, expireAddons, finishAddons, newAddonState } from './addons';
import { CURRENT_OPENED, CurrentEditionBuilder, type CurrentEditionSpan } from './current';
import { type LegacyEditionSpan, type PendingDowngrade, type SpanEnd, cutOf, decideLegacyEdition } from './cycles';
import { BEFORE_ALL, type Day, OPEN_END, formatDay, parseDay } from './dates';
import { BillingRuleError, assertNever } from './errors';
import { type PreparedMigration, editionAfterMigration, migrationCutReason } from './migration';
import { type RetentionSpan, type RetentionState, applyRetentionEvent, finishRetention, newRetentionState } from './retention';
import type { AppEvent } from './types';

export interface AccountContext {
  scheme: Scheme;
  migration: PreparedMigration | null;
}

export interface LegacyTimeline {
  /** Chronological, non-empty; the first is Trial from BEFORE_ALL unless a paid edition started at once. */
  editions: LegacyEditionSpan[];
  addons: AddonSpan[];
  retention: RetentionSpan[];
  /** Downgrades that took effect. */
  downgrades: PendingDowngrade[];
  /** A downgrade still scheduled when legacy billing ended (on or after E: it never happens). */
  pendingDowngrade: PendingDowngrade | null;
  /** First day on a paid edition; paid -> Trial is refused, so every later legacy day is paid too. */
  paidFrom: Day | null;
  /** Last legacy day: E-1, or OPEN_END without a migration. */
  lastDay: Day;
}

export interface CurrentTimeline {
  /** First current-scheme day: E, or BEFORE_ALL for a current account. */
  from: Day;
  editions: CurrentEditionSpan[];
}

export interface AppTimeline {
  sdkAppId: number;
  legacy: LegacyTimeline | null;
  current: CurrentTimeline | null;
}

export interface TimelineOptions {
  account: AccountContext;
  sdkAppId: number;
  events: readonly AppEvent[];
  /** Path of event i for error messages, e.g. `apps[0].events[3]`. */
  eventPath: (index: number) => string;
  /** Ignore events after this day (the state of an app on a day). */
  until?: Day;
}

interface DatedEvent {
  event: AppEvent;
  day: Day;
  path: string;
}

class LegacyBuilder {
  readonly editions: LegacyEditionSpan[] = [];
  edition: LegacyEdition = DEFAULT_EDITION.LEGACY;
  since: Day = BEFORE_ALL;
  pending: PendingDowngrade | null = null;
  readonly downgrades: PendingDowngrade[] = [];
  paidFrom: Day | null = null;
  readonly addons: AddonState = newAddonState();
  readonly retention: RetentionState = newRetentionState();

  /** The state at the start of `day`: a downgrade due by then, add-ons whose stop took effect. */
  settle(day: Day): void {
    const pending = this.pending;
    if (pending !== null && pending.effectiveOn <= day) {
      this.change('PROFESSIONAL', {
        on: pending.effectiveOn,
        creditOn: pending.effectiveOn,
        reason: { kind: 'downgrade', requestedOn: formatDay(pending.requestedOn) },
      });
      this.downgrades.push(pending);
    }
    expireAddons(this.addons, day);
  }

  private closeEdition(to: Day, end?: SpanEnd): void {
    if (to < this.since) return;
    const span: LegacyEditionSpan = { edition: this.edition, from: this.since, to };
    if (end !== undefined && isPaidLegacyEdition(this.edition)) span.end = end;
    this.editions.push(span);
  }

  change(to: PaidLegacyEdition, end: SpanEnd): void {
    this.closeEdition(end.on - 1, end);
    cutAddons(this.addons, end, to);
    this.pending = null;
    if (this.paidFrom === null) this.paidFrom = end.on;
    // A day's edition is the one held at its end (DOMAIN.md section 3): an edition that began
    // today (a downgrade taking effect) and is replaced today by the edition held yesterday was
    // never held, and yesterday's run goes on with its anchor. Only a run that ended on a cycle
    // boundary can go on: a cut cycle stays cut (L3), and so do the add-ons cut today.
    const last = this.editions[this.editions.length - 1];
    if (end.on === this.since && last !== undefined && last.edition === to && last.to === end.on - 1 && cutOf(last) === null) {
      this.editions.pop();
      this.edition = to;
      this.since = last.from;
      return;
    }
    this.edition = to;
    this.since = end.on;
  }

  onEdition(requested: LegacyEdition, day: Day, path: string): void {
    const decision = decideLegacyEdition({ held: this.edition, heldFrom: this.since, pending: this.pending, requested, day });
    switch (decision.kind) {
      case 'none':
        return;
      case 'cancel-downgrade':
        this.pending = null;
        return;
      case 'change':
        this.change(decision.to, { on: day, creditOn: day, reason: decision.reason });
        return;
      case 'schedule-downgrade':
        this.pending = decision.pending;
        return;
      case 'refuse':
        throw new BillingRuleError(`${path}.edition`, decision.message);
      default:
        assertNever(decision, 'edition decision');
    }
  }

  /** Legacy billing ends at E-1: cut what runs over E, credits dated E-1. Returns the edition held on E-1. */
  finishMigrated(migration: PreparedMigration): LegacyEdition {
    const e = migration.effectiveOn;
    if (this.pending !== null && this.pending.effectiveOn < e) this.settle(this.pending.effectiveOn);
    expireAddons(this.addons, e);
    const end: SpanEnd = { on: e, creditOn: e - 1, reason: migrationCutReason(migration) };
    const held = this.edition;
    this.closeEdition(e - 1, end);
    cutAddons(this.addons, end, null);
    finishAddons(this.addons);
    finishRetention(this.retention, e - 1);
    return held;
  }

  finishOpen(): void {
    if (this.pending !== null) this.settle(this.pending.effectiveOn);
    this.closeEdition(OPEN_END);
    finishAddons(this.addons);
    finishRetention(this.retention, OPEN_END);
  }

  timeline(lastDay: Day): LegacyTimeline {
    return {
      editions: this.editions,
      addons: this.addons.spans,
      retention: this.retention.spans,
      downgrades: this.downgrades,
      pendingDowngrade: this.pending,
      paidFrom: this.paidFrom,
      lastDay,
    };
  }
}

function isAddonCode(s: unknown): s is AddonCode {
  return typeof s === 'string' && (ADDON_CODES as readonly string[]).includes(s);
}

/** Shape checks for callers that skip the simulator's zod schema (the billing run). */
function checkEventShape(event: AppEvent, path: string): void {
  const raw = event as unknown as Record<string, unknown>;
  if (raw.type === 'edition') {
    if (typeof raw.edition !== 'string' || (!isLegacyEdition(raw.edition) && !isCurrentEdition(raw.edition))) {
      throw new BillingRuleError(`${path}.edition`, `unknown edition ${JSON.stringify(raw.edition)}`);
    }
    return;
  }
  if (raw.type === 'addon') {
    if (!isAddonCode(raw.addon)) throw new BillingRuleError(`${path}.addon`, `unknown add-on ${JSON.stringify(raw.addon)}`);
    if (raw.action !== 'start' && raw.action !== 'stop') {
      throw new BillingRuleError(`${path}.action`, `action must be "start" or "stop", not ${JSON.stringify(raw.action)}`);
    }
    if (raw.addon !== 'HISTORY_RETENTION' && raw.days !== undefined) {
      throw new BillingRuleError(`${path}.days`, 'only HISTORY_RETENTION takes days');
    }
    return;
  }
  throw new BillingRuleError(`${path}.type`, `unknown event type ${JSON.stringify(raw.type)} (expected "edition" or "addon")`);
}

function datedEvents(options: TimelineOptions): DatedEvent[] {
  const out: DatedEvent[] = [];
  options.events.forEach((event, i) => {
    const path = options.eventPath(i);
    const day = typeof event.date === 'string' ? parseDay(event.date) : null;
    if (day === null) throw new BillingRuleError(`${path}.date`, `${JSON.stringify(event.date)} is not a calendar date (YYYY-MM-DD)`);
    checkEventShape(event, path);
    if (options.until === undefined || day <= options.until) out.push({ event, day, path });
  });
  // Array.prototype.sort is stable: same-date events keep their file order.
  out.sort((a, b) => a.day - b.day);
  return out;
}

function applyLegacyEvent(builder: LegacyBuilder, { event, day, path }: DatedEvent, migration: PreparedMigration | null): void {
  builder.settle(day);
  if (event.type === 'edition') {
    if (!isLegacyEdition(event.edition)) {
      const why =
        migration === null
          ? `${event.edition} is not an edition of the LEGACY scheme (${LEGACY_EDITIONS.join(', ')})`
          : `${event.edition} is a CURRENT edition, but the account stays on the LEGACY scheme until its migration takes effect on ${formatDay(migration.effectiveOn)}`;
      throw new BillingRuleError(`${path}.edition`, why);
    }
    builder.onEdition(event.edition, day, path);
    return;
  }
  if (event.addon === 'HISTORY_RETENTION') {
    const days = 'days' in event ? event.days : undefined;
    applyRetentionEvent(builder.retention, { action: event.action, days, day, edition: builder.edition, path });
    return;
  }
  applyAddonEvent(builder.addons, { addon: event.addon, action: event.action, day, edition: builder.edition, path });
}

function applyCurrentEvent(builder: CurrentEditionBuilder, { event, day, path }: DatedEvent, migration: PreparedMigration | null): void {
  if (migration !== null) {
    const legacy = event.type === 'addon' ? `add-on ${event.addon}` : isLegacyEdition(event.edition) ? `edition ${event.edition}` : null;
    if (legacy !== null) {
      throw new BillingRuleError(
        `${path}.date`,
        `legacy event (${legacy}) on ${formatDay(day)} is on or after the migration's effective date ${formatDay(migration.effectiveOn)}`,
      );
    }
  } else if (day < CURRENT_OPENED) {
    throw new BillingRuleError(`${path}.date`, `the CURRENT scheme opened on ${LEGACY_CLOSED_AT}; ${formatDay(day)} is before it`);
  }
  if (event.type === 'addon') {
    throw new BillingRuleError(`${path}.addon`, `${event.addon} is not offered on the CURRENT scheme: add-ons exist only in the legacy scheme`);
  }
  if (!isCurrentEdition(event.edition)) {
    throw new BillingRuleError(`${path}.edition`, `${event.edition} is not an edition of the CURRENT scheme (${CURRENT_EDITIONS.join(', ')})`);
  }
  builder.request(event.edition, day);
}

/** Builds an app's timeline; throws BillingRuleError naming the first event that breaks a rule. */
export function buildAppTimeline(options: TimelineOptions): AppTimeline {
  const { account, sdkAppId } = options;
  const events = datedEvents(options);
  const migration = account.migration;

  if (account.scheme === 'CURRENT') {
    const builder = new CurrentEditionBuilder(DEFAULT_EDITION.CURRENT, BEFORE_ALL);
    for (const e of events) applyCurrentEvent(builder, e, null);
    return { sdkAppId, legacy: null, current: { from: BEFORE_ALL, editions: builder.finish() } };
  }

  const legacy = new LegacyBuilder();
  let i = 0;
  const end = migration === null ? OPEN_END : migration.effectiveOn;
  for (; i < events.length && (events[i] as DatedEvent).day < end; i++) applyLegacyEvent(legacy, events[i] as DatedEvent, migration);

  if (migration === null) {
    legacy.finishOpen();
    return { sdkAppId, legacy: legacy.timeline(OPEN_END), current: null };
  }

  const held = legacy.finishMigrated(migration);
  const e = migration.effectiveOn;
  const until = options.until;
  const current =
    until !== undefined && until < e
      ? null
      : new CurrentEditionBuilder(editionAfterMigration(migration, sdkAppId, held), e);
  if (current !== null) for (; i < events.length; i++) applyCurrentEvent(current, events[i] as DatedEvent, migration);
  return {
    sdkAppId,
    legacy: legacy.timeline(e - 1),
    current: current === null ? null : { from: e, editions: current.finish() },
  };
}
