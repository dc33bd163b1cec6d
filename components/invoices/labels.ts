import { ADDON_NAMES, EDITIONS, LINE_CODE_LABELS, type AddonCode, type Edition, type LineCode } from '@/lib/billing/catalog';
import type { Locale } from '@/lib/i18n/messages';

/** Edition names always show both languages: `Professional 专业版`. */
export function editionName(edition: string): string {
  const info = EDITIONS[edition as Edition];
  return info ? `${info.nameEn} ${info.nameZh}` : edition;
}

export function addonName(addon: string, locale: Locale): string {
  const info = ADDON_NAMES[addon as AddonCode];
  if (!info) return addon;
  return locale === 'zh' ? info.nameZh : info.nameEn;
}

export function lineCodeLabel(code: string, locale: Locale): string {
  const info = LINE_CODE_LABELS[code as LineCode];
  if (!info) return code;
  return locale === 'zh' ? info.labelZh : info.labelEn;
}

/** `Package · Professional 专业版`, `Add-on · Group member cap extension`. */
export function lineTitle(line: { code: string; edition: string | null; addon: string | null }, locale: Locale): string {
  const parts = [lineCodeLabel(line.code, locale)];
  if (line.addon) parts.push(addonName(line.addon, locale));
  if (line.edition) parts.push(editionName(line.edition));
  return parts.join(' · ');
}
