import type Decimal from 'decimal.js';
import type { UsageIndex } from './usage';
import type {
  AddonCode,
  CurrentEdition,
  Currency,
  Edition,
  LineCode,
  PaidCurrentEdition,
  PaidLegacyEdition,
  PeriodicAddon,
  RetentionDays,
  Scheme,
} from './catalog';

export type { AddonCode, CurrentEdition, Currency, Edition, LineCode, PeriodicAddon, RetentionDays, Scheme } from './catalog';

/** A calendar date `YYYY-MM-DD`. */
export type DateString = string;
/** A calendar month `YYYY-MM`. */
export type MonthString = string;

export interface EditionEvent {
  date: DateString;
  type: 'edition';
  edition: Edition;
}

export interface PeriodicAddonEvent {
  date: DateString;
  type: 'addon';
  addon: PeriodicAddon;
  action: 'start' | 'stop';
}

export interface RetentionStartEvent {
  date: DateString;
  type: 'addon';
  addon: 'HISTORY_RETENTION';
  action: 'start';
  days: RetentionDays;
}

export interface RetentionStopEvent {
  date: DateString;
  type: 'addon';
  addon: 'HISTORY_RETENTION';
  action: 'stop';
}

export type AddonEvent = PeriodicAddonEvent | RetentionStartEvent | RetentionStopEvent;

/** An app's plan event, exactly as the simulator reads it (DOMAIN.md section 9). */
export type AppEvent = EditionEvent | AddonEvent;

/** One app's usage on one day. Counts are integers; bandwidth is decimal. */
export interface UsageDay {
  date: DateString;
  dau?: number;
  peakGroups?: number;
  /** Cumulative MAU of the month so far. */
  mau?: number;
  /** Peak concurrent connections; recorded, never billed (waived). */
  pcc?: number;
  barrageDomesticMbps?: Decimal | string;
  barrageIntlMbps?: Decimal | string;
}

export interface AppInput {
  sdkAppId: number;
  events: readonly AppEvent[];
  usage: readonly UsageDay[];
}

/**
 * What rateAccount reads for an app: its usage as daily rows, or already validated and indexed
 * by the engine's UsageBuilder (the billing run decodes stored rows straight into one).
 */
export interface RatingAppInput extends Omit<AppInput, 'usage'> {
  usage: readonly UsageDay[] | UsageIndex;
}

export interface MigrationInput {
  /** The day the migration was executed; it takes effect on the first day of the next month. */
  executedOn: DateString;
  /** Chosen current edition per SDKAppID (as a string key); missing apps get the default mapping. */
  editions?: Readonly<Record<string, CurrentEdition>>;
}

export interface AccountInput {
  /** The account's scheme at the start. */
  scheme: Scheme;
  apps: readonly AppInput[];
  migration?: MigrationInput;
}

/** An AccountInput whose apps may come with indexed usage (see RatingAppInput). */
export interface RatingInput extends Omit<AccountInput, 'apps'> {
  apps: readonly RatingAppInput[];
}

export interface InvoiceLine {
  sdkAppId: number;
  code: LineCode;
  edition?: Edition;
  addon?: AddonCode;
  /** Inclusive. */
  from: DateString;
  /** Inclusive. */
  to: DateString;
  quantity: Decimal;
  unitPrice: Decimal;
  /** Rounded half-up to 2 decimals, once; negative for credits. */
  amount: Decimal;
  /** How the line was computed, as data; lib/i18n/explain.ts renders it per language. */
  explanation: Explanation;
}

/** Why a prepaid cycle was cut (L3): the edition change or the migration that ended it. */
export type CutReason =
  | { kind: 'trial-change'; to: PaidLegacyEdition }
  | { kind: 'upgrade' }
  | { kind: 'downgrade'; requestedOn: DateString }
  | { kind: 'migration'; creditOn: DateString };

/** A cycle cut (L3): the credited days of the cycle, and why. */
export interface CutParams {
  /** The cycle, inclusive. */
  from: DateString;
  to: DateString;
  /** D: the first day no longer held. */
  cutOn: DateString;
  reason: CutReason;
  /** The cycle's price, a plain decimal (`999`). */
  price: string;
  days: number;
  ofDays: number;
}

/**
 * A line's explanation as a message key and typed parameters (like Lago's `amount_details`):
 * decimals are plain decimal strings (`2999`, `0.015`), dates `YYYY-MM-DD`, counts integers.
 * It is what an invoice line stores; every language renders it from its own templates
 * (`renderExplanation` in lib/i18n/explain.ts), the simulator prints the English rendering.
 */
export type Explanation =
  | { key: 'package.cycle'; params: { edition: PaidLegacyEdition; from: DateString; to: DateString; anchor: DateString; price: string } }
  | { key: 'package.credit'; params: CutParams & { edition: PaidLegacyEdition } }
  | {
      key: 'addon.cycle';
      params: {
        addon: PeriodicAddon;
        edition: PaidLegacyEdition;
        from: DateString;
        to: DateString;
        anchor: DateString;
        /** Set on the last cycle of a stopped add-on: the day the stop was requested. */
        stopRequestedOn?: DateString;
        price: string;
      };
    }
  | { key: 'addon.credit'; params: CutParams & { addon: PeriodicAddon; edition: PaidLegacyEdition } }
  | {
      key: 'overage';
      params: {
        measure: 'DAU' | 'GROUPS';
        peak: number;
        peakOn: DateString;
        /** Set when the paid days are not the whole month. */
        paidFrom?: DateString;
        paidTo?: DateString;
        over: number;
        free: number;
        units: number;
        unit: number;
        price: string;
      };
    }
  | {
      key: 'barrage';
      params: { direction: 'DOMESTIC' | 'INTERNATIONAL'; from: DateString; to: DateString; days: number; mbpsDays: string; price: string };
    }
  | {
      key: 'retention';
      params: { tier: RetentionDays; edition: PaidLegacyEdition; from: DateString; to: DateString; price: string; days: number; ofDays: number };
    }
  | {
      key: 'current.package';
      params: { edition: PaidCurrentEdition; from: DateString; to: DateString; price: string; days: number; ofDays: number };
    }
  | {
      key: 'mau';
      params: {
        mau: number;
        month: MonthString;
        reportedOn: DateString;
        over: number;
        free: number;
        price: string;
        edition: PaidCurrentEdition;
        lastDay: DateString;
      };
    }
  /** A text kept as it was written: lines stored before explanations were data (see the README). */
  | { key: 'text'; params: { text: string } };

export type ExplanationKey = Explanation['key'];

export interface Invoice {
  month: MonthString;
  scheme: Scheme;
  currency: Currency;
  lines: InvoiceLine[];
  /** Sum of the rounded line amounts. */
  total: Decimal;
}
