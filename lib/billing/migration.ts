/**
 * Migration LEGACY -> CURRENT (DOMAIN.md section 7), irreversible.
 *
 * Executed on X, it takes effect on E = the first day of the next month. Each app
 * gets a current edition (default Trial -> Developer, Professional -> Standard,
 * Flagship -> Pro; the manager may choose others). Legacy cycles (packages and
 * add-ons) running over E are cut as in L3 but their credits are dated E-1, so
 * they land on the last legacy invoice; legacy postpaid items stop at E-1. From E
 * the account is billed under C1-C2 in USD; months before E stay LEGACY in CNY.
 *
 * Choices where DOMAIN.md is silent:
 * - The default mapping uses the edition the app holds on E-1; a Flagship app
 *   with a downgrade scheduled on or after E maps to Pro (the downgrade never
 *   happens). A downgrade scheduled before E happens as usual.
 * - Every app of the input is on its chosen (or default) current edition from E,
 *   whether or not it has legacy events; an app created after E simply starts on
 *   Developer unless an edition was chosen for it.
 * - After E, events must be current-scheme edition changes; legacy editions and
 *   add-ons dated on or after E are refused.
 * - A migration cannot be executed before the current scheme opened (2022-12-26).
 */
import {
  CURRENT_EDITIONS,
  LEGACY_CLOSED_AT,
  MIGRATION_DEFAULT_EDITIONS,
  isCurrentEdition,
  type CurrentEdition,
  type LegacyEdition,
  type Scheme,
} from './catalog';
import { type Day, formatDay, monthIndexOfDay, monthSpanOfIndex, parseDay } from './dates';
import { BillingRuleError } from './errors';
import type { CutReason, RatingInput } from './types';

export interface PreparedMigration {
  executedOn: Day;
  /** E: the first day billed on the current scheme. */
  effectiveOn: Day;
  editions: ReadonlyMap<number, CurrentEdition>;
}

/** E for a migration executed on `executedOn`. */
export function migrationEffectiveDay(executedOn: Day): Day {
  return monthSpanOfIndex(monthIndexOfDay(executedOn) + 1).first;
}

/** `YYYY-MM-DD` of E for a migration executed on `executedOn` (`2026-10-12` -> `2026-11-01`). */
export function migrationEffectiveOn(executedOn: string): string {
  const day = parseDay(executedOn);
  if (day === null) throw new BillingRuleError('migration.executedOn', `${JSON.stringify(executedOn)} is not a calendar date (YYYY-MM-DD)`);
  return formatDay(migrationEffectiveDay(day));
}

function keyPath(key: string): string {
  return `migration.editions[${JSON.stringify(key)}]`;
}

/** Validates the account's migration against its scheme and apps. */
export function prepareMigration(account: RatingInput): PreparedMigration | null {
  const migration = account.migration;
  if (migration === undefined) return null;
  if (account.scheme !== 'LEGACY') {
    throw new BillingRuleError('migration', `a ${account.scheme} account cannot be migrated: migration runs LEGACY -> CURRENT, once`);
  }
  const executedOn = typeof migration.executedOn === 'string' ? parseDay(migration.executedOn) : null;
  if (executedOn === null) {
    throw new BillingRuleError('migration.executedOn', `${JSON.stringify(migration.executedOn)} is not a calendar date (YYYY-MM-DD)`);
  }
  if (migration.executedOn < LEGACY_CLOSED_AT) {
    throw new BillingRuleError(
      'migration.executedOn',
      `the current scheme opened on ${LEGACY_CLOSED_AT}; a migration cannot be executed on ${migration.executedOn}`,
    );
  }
  const appIds = new Set(account.apps.map((a) => a.sdkAppId));
  const editions = new Map<number, CurrentEdition>();
  for (const [key, edition] of Object.entries(migration.editions ?? {})) {
    const id = /^\d+$/.test(key) ? Number(key) : Number.NaN;
    if (!appIds.has(id)) throw new BillingRuleError(keyPath(key), `no app ${key} in this account`);
    if (!isCurrentEdition(edition)) {
      throw new BillingRuleError(keyPath(key), `${JSON.stringify(edition)} is not an edition of the CURRENT scheme (${CURRENT_EDITIONS.join(', ')})`);
    }
    editions.set(id, edition);
  }
  return { executedOn, effectiveOn: migrationEffectiveDay(executedOn), editions };
}

/** The current edition an app moves to on E. */
export function editionAfterMigration(migration: PreparedMigration, sdkAppId: number, heldOnEveOfE: LegacyEdition): CurrentEdition {
  return migration.editions.get(sdkAppId) ?? MIGRATION_DEFAULT_EDITIONS[heldOnEveOfE];
}

/** The scheme billing a month that starts on `monthFirst` (E is always a month's first day). */
export function schemeOfMonth(scheme: Scheme, migration: PreparedMigration | null, monthFirst: Day): Scheme {
  return migration !== null && monthFirst >= migration.effectiveOn ? 'CURRENT' : scheme;
}

/** Why credits were cut by the migration. */
export function migrationCutReason(migration: PreparedMigration): CutReason {
  return { kind: 'migration', creditOn: formatDay(migration.effectiveOn - 1) };
}
