'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALES } from './messages';
import { LOCALE_COOKIE } from './server';

const localeSchema = z.enum(LOCALES);

/** The header's language switcher; open to everyone, it only sets a cookie. */
export async function setLocale(locale: unknown): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
