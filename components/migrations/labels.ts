import { ADDON_NAMES, EDITIONS, formatLimitValue, type AddonCode, type Edition, type LimitValue } from '@/lib/billing/catalog';
import type { Locale } from '@/lib/i18n/messages';

/** Editions always show both names, e.g. "Professional 专业版". */
export function editionName(edition: Edition): string {
  const info = EDITIONS[edition];
  return `${info.nameEn} ${info.nameZh}`;
}

export function addonName(code: AddonCode, locale: Locale): string {
  const info = ADDON_NAMES[code];
  return locale === 'zh' ? info.nameZh : info.nameEn;
}

export function limitText(value: LimitValue, locale: Locale): string {
  return formatLimitValue(value, locale);
}
