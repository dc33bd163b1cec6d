import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALES, type Locale } from './messages';
import { localeFromAcceptLanguage, makeTranslate, type Translate } from './translate';

export const LOCALE_COOKIE = 'locale';

/** The viewer's language: the header switcher's cookie, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen && (LOCALES as readonly string[]).includes(chosen)) return chosen as Locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export async function getI18n(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: makeTranslate(locale) };
}

/**
 * The language of a server action's result: the viewer's, or English when there is no request
 * to read it from (an action called by a script or a test); the language never fails an action.
 */
export async function actionLocale(): Promise<Locale> {
  try {
    return await getLocale();
  } catch {
    return 'en';
  }
}
