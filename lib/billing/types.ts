import type Decimal from 'decimal.js';
import type { UsageIndex } from './usage';
import type {
  AddonCode,
  CurrentEdition,
  Currency,
  Edition,
  LineCode,
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
  explain: string;
}

export interface Invoice {
  month: MonthString;
  scheme: Scheme;
  currency: Currency;
  lines: InvoiceLine[];
  /** Sum of the rounded line amounts. */
  total: Decimal;
}
