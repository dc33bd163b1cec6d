import { accounts } from './accounts';
import { billing } from './billing';
import { calendar } from './calendar';
import { common } from './common';
import { errors } from './errors';
import { migrations } from './migrations';
import { money } from './money';
import { ops } from './ops';
import { plans } from './plans';
import { portal } from './portal';
import { safeguards } from './safeguards';
import { titles } from './titles';
import { validation } from './validation';

// Each feature owns one file of messages; add it here. English is the reference language.
const pairs = [common, accounts, billing, plans, migrations, safeguards, ops, calendar, money, portal, errors, titles, validation] as const;

type Pair = (typeof pairs)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Messages = UnionToIntersection<Pair['en']>;
export type MessageKey = keyof Messages & string;

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  en: Object.assign({}, ...pairs.map((p) => p.en)),
  zh: Object.assign({}, ...pairs.map((p) => p.zh)),
};

/**
 * A feature's messages; the unit test checks Chinese has exactly English's keys but the English
 * singular forms (`<key>.one`, see makeTranslate).
 */
export type MessagePair = { en: Record<string, string>; zh: Record<string, string> };
