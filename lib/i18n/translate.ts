import { MESSAGES, type Locale, type MessageKey } from './messages';

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/**
 * A message may have a singular form under `<key>.one`, used when `count` is one in the
 * language's plural rules (Chinese has none: its messages need no such form).
 */
export function makeTranslate(locale: Locale): Translate {
  const table = MESSAGES[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, vars) => {
    const form = vars?.count !== undefined && plural.select(countOf(vars.count)) === 'one' ? table[`${key}.one` as MessageKey] : undefined;
    const text = form ?? table[key] ?? MESSAGES.en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

/** A count as given (a number, or already formatted for the language: "1,000"). */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d.]/g, ''));
}

/** Picks the first supported language from an Accept-Language header; English otherwise. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
