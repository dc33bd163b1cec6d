import { ADDON_NAMES, EDITIONS, LINE_CODE_LABELS, type AddonCode, type Edition, type LineCode } from '@/lib/billing/catalog';
import type { Locale } from '@/lib/i18n/messages';

/** Editions always show both names, e.g. "Professional 专业版". */
export function editionLabel(edition: Edition): string {
  return `${EDITIONS[edition].nameEn} ${EDITIONS[edition].nameZh}`;
}

export function addonLabel(code: AddonCode, locale: Locale): string {
  return locale === 'zh' ? ADDON_NAMES[code].nameZh : `${ADDON_NAMES[code].nameEn} ${ADDON_NAMES[code].nameZh}`;
}

export function lineCodeLabel(code: LineCode, locale: Locale): string {
  return locale === 'zh' ? LINE_CODE_LABELS[code].labelZh : LINE_CODE_LABELS[code].labelEn;
}

export function bilingual(row: { labelEn: string; labelZh: string }, locale: Locale): string {
  return locale === 'zh' ? row.labelZh : `${row.labelEn} ${row.labelZh}`;
}
