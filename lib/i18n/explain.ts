/**
 * An invoice line's explanation in the reader's language. The engine emits each explanation as a
 * key and typed parameters (lib/billing/types.ts `Explanation`); invoices store that, and every
 * place that shows a line (invoice page, print, CSV, plan confirmations, migration preview)
 * renders it here. The English rendering is the engine's contract text (the simulator's
 * `explain`, DOMAIN.md section 9), so its wording here must not change without the golden files.
 *
 * Each language has one template per key, checked by the compiler: a new key cannot go
 * unrendered in either language. Pure: no React, no Decimal (it runs in the browser too).
 */
import { ADDONS, EDITIONS, LEGACY_LIMITS, formatLimitValue, type PaidLegacyEdition, type PeriodicAddon } from '../billing/catalog';
import { formatCount, groupDecimalText } from '../billing/digits';
import type { CutReason, Explanation, ExplanationKey } from '../billing/types';
import type { Locale } from './messages';

type ParamsOf<K extends ExplanationKey> = Extract<Explanation, { key: K }>['params'];
type Templates = { [K in ExplanationKey]: (p: ParamsOf<K>) => string };

/** A price or decimal quantity as a customer reads it: `2,999`, `0.015`. */
const g = groupDecimalText;
const n = formatCount;

function addonRaises(addon: PeriodicAddon, edition: PaidLegacyEdition) {
  const raises = ADDONS[addon].offers[edition]?.raises;
  if (raises === undefined) return null;
  const row = LEGACY_LIMITS.find((r) => r.key === raises.limit);
  return { to: raises.to, row };
}

const labelCache = { en: new Map<string, string>(), zh: new Map<string, string>() };

/** `Group member cap extension on Professional (2,000 members/group)`. */
function addonLabelEn(addon: PeriodicAddon, edition: PaidLegacyEdition): string {
  const cacheKey = `${addon}.${edition}`;
  const hit = labelCache.en.get(cacheKey);
  if (hit !== undefined) return hit;
  const raises = addonRaises(addon, edition);
  let label = `${ADDONS[addon].nameEn} on ${EDITIONS[edition].nameEn}`;
  if (raises !== null) label += ` (${formatLimitValue(raises.to)}${raises.row === undefined ? '' : ` ${raises.row.unitEn}`})`;
  labelCache.en.set(cacheKey, label);
  return label;
}

/** `扩展群成员人数上限 · 专业版（2,000 人/群）`. */
function addonLabelZh(addon: PeriodicAddon, edition: PaidLegacyEdition): string {
  const cacheKey = `${addon}.${edition}`;
  const hit = labelCache.zh.get(cacheKey);
  if (hit !== undefined) return hit;
  const raises = addonRaises(addon, edition);
  let label = `${ADDONS[addon].nameZh} · ${EDITIONS[edition].nameZh}`;
  if (raises !== null) {
    const value = raises.to === 'unlimited' ? formatLimitValue('unlimited', 'zh') : `${formatLimitValue(raises.to)}${raises.row === undefined ? '' : ` ${raises.row.unitZh}`}`;
    label += `（${value}）`;
  }
  labelCache.zh.set(cacheKey, label);
  return label;
}

function reasonEn(reason: CutReason): string {
  switch (reason.kind) {
    case 'trial-change':
      return `change from Trial to ${EDITIONS[reason.to].nameEn}`;
    case 'upgrade':
      return 'upgrade to Flagship';
    case 'downgrade':
      return `the downgrade to Professional requested on ${reason.requestedOn}`;
    case 'migration':
      return `the migration to the current scheme (credit dated ${reason.creditOn}, on the last legacy invoice)`;
  }
}

function reasonZh(reason: CutReason): string {
  switch (reason.kind) {
    case 'trial-change':
      return `由体验版变更为${EDITIONS[reason.to].nameZh}`;
    case 'upgrade':
      return '升级至旗舰版';
    case 'downgrade':
      return `降级至专业版（${reason.requestedOn} 申请）`;
    case 'migration':
      return `迁移至当前计费方案（抵扣记于 ${reason.creditOn}，计入最后一张原方案账单）`;
  }
}

const EN: Templates = {
  'package.cycle': (p) => `${EDITIONS[p.edition].nameEn} cycle ${p.from}..${p.to} (anchor ${p.anchor}), prepaid in full: 1 x ${g(p.price)}`,
  'package.credit': (p) =>
    `${EDITIONS[p.edition].nameEn} cycle ${p.from}..${p.to} cut on ${p.cutOn} by ${reasonEn(p.reason)}: -${g(p.price)} x ${p.days}/${p.ofDays} days`,
  'addon.cycle': (p) =>
    `${addonLabelEn(p.addon, p.edition)}, cycle ${p.from}..${p.to} (anchor ${p.anchor})` +
    `${p.stopRequestedOn === undefined ? '' : `, last cycle (stop requested on ${p.stopRequestedOn})`}` +
    `, prepaid in full: 1 x ${g(p.price)}`,
  'addon.credit': (p) =>
    `${addonLabelEn(p.addon, p.edition)}, cycle ${p.from}..${p.to} cut on ${p.cutOn} ` +
    `by ${reasonEn(p.reason)}: -${g(p.price)} x ${p.days}/${p.ofDays} days`,
  overage: (p) =>
    `${p.measure === 'DAU' ? 'Peak DAU' : 'Peak groups'} ${n(p.peak)} on ${p.peakOn}` +
    `${p.paidFrom === undefined ? '' : ` (paid days ${p.paidFrom}..${p.paidTo})`}; ` +
    `${n(p.over)} over ${n(p.free)} free -> ${p.units} ${p.units === 1 ? 'unit' : 'units'} of ${n(p.unit)} x ${g(p.price)}`,
  barrage: (p) =>
    `${p.direction === 'DOMESTIC' ? 'Domestic' : 'International'} barrage bandwidth ${p.from}..${p.to}: daily peaks on ` +
    `${p.days} paid ${p.days === 1 ? 'day' : 'days'} sum to ${g(p.mbpsDays)} Mbps-days x ${g(p.price)} per Mbps per day`,
  retention: (p) =>
    `History retention ${p.tier} days on ${EDITIONS[p.edition].nameEn} ${p.from}..${p.to}: ${g(p.price)} x ${p.days}/${p.ofDays} days`,
  'current.package': (p) => `${EDITIONS[p.edition].nameEn} ${p.from}..${p.to}: ${g(p.price)} x ${p.days}/${p.ofDays} days`,
  mau: (p) =>
    `MAU ${n(p.mau)} (highest reported in ${p.month}, on ${p.reportedOn}); ` +
    `${n(p.over)} over ${n(p.free)} free x ${g(p.price)}; ${EDITIONS[p.edition].nameEn} on ${p.lastDay}`,
  text: (p) => p.text,
};

const ZH: Templates = {
  'package.cycle': (p) => `${EDITIONS[p.edition].nameZh}周期 ${p.from}..${p.to}（锚定日 ${p.anchor}），整期预付：1 × ${g(p.price)}`,
  'package.credit': (p) =>
    `${EDITIONS[p.edition].nameZh}周期 ${p.from}..${p.to} 于 ${p.cutOn} 因${reasonZh(p.reason)}截止：-${g(p.price)} × ${p.days}/${p.ofDays} 天`,
  'addon.cycle': (p) =>
    `${addonLabelZh(p.addon, p.edition)}，周期 ${p.from}..${p.to}（锚定日 ${p.anchor}）` +
    `${p.stopRequestedOn === undefined ? '' : `，最后一个周期（${p.stopRequestedOn} 申请停用）`}` +
    `，整期预付：1 × ${g(p.price)}`,
  'addon.credit': (p) =>
    `${addonLabelZh(p.addon, p.edition)}，周期 ${p.from}..${p.to} 于 ${p.cutOn} 因${reasonZh(p.reason)}截止：-${g(p.price)} × ${p.days}/${p.ofDays} 天`,
  overage: (p) =>
    `${p.measure === 'DAU' ? '峰值 DAU' : '峰值群组数'} ${n(p.peak)}（${p.peakOn}）` +
    `${p.paidFrom === undefined ? '' : `，付费日 ${p.paidFrom}..${p.paidTo}`}；` +
    `超出免费额度 ${n(p.free)} 共 ${n(p.over)} → ${p.units} 个计费单位（每单位 ${n(p.unit)}）× ${g(p.price)}`,
  barrage: (p) =>
    `${p.direction === 'DOMESTIC' ? '国内' : '国际'}弹幕带宽 ${p.from}..${p.to}：${p.days} 个付费日的每日峰值合计 ${g(p.mbpsDays)} Mbps·天 × 每 Mbps 每天 ${g(p.price)}`,
  retention: (p) => `历史消息存储 ${p.tier} 天 · ${EDITIONS[p.edition].nameZh} ${p.from}..${p.to}：${g(p.price)} × ${p.days}/${p.ofDays} 天`,
  'current.package': (p) => `${EDITIONS[p.edition].nameZh} ${p.from}..${p.to}：${g(p.price)} × ${p.days}/${p.ofDays} 天`,
  mau: (p) =>
    `MAU ${n(p.mau)}（${p.month} 上报的最高值，${p.reportedOn}）；超出免费额度 ${n(p.free)} 共 ${n(p.over)} × ${g(p.price)}；` +
    `${p.lastDay} 为${EDITIONS[p.edition].nameZh}`,
  text: (p) => p.text,
};

const TEMPLATES: Record<Locale, Templates> = { en: EN, zh: ZH };

/**
 * The one way to show an invoice line's explanation: its key and parameters rendered in
 * `locale`. English is the engine's contract text (what the simulator prints and the invoice's
 * `explain` column keeps for tools).
 */
export function renderExplanation(explanation: Explanation, locale: Locale): string {
  const render = TEMPLATES[locale][explanation.key] as (p: Explanation['params']) => string;
  return render(explanation.params);
}
