/**
 * The engine's line explanations in Chinese, for the Chinese bill. The engine writes one English
 * explanation per line (DOMAIN.md section 9; it is what the invoice stores); this reads it back
 * by the templates the engine writes it with and renders the same figures in Chinese. A text no
 * template reads whole is shown as it is, in English, never half translated: the property test
 * (properties.test.ts) rates random scenarios and requires a rendering for every line.
 */
import { ADDONS, EDITIONS, formatLimitValue, LEGACY_LIMITS, type PeriodicAddon } from './catalog';

const D = String.raw`\d{4}-\d{2}-\d{2}`;
const RANGE = String.raw`(${D}\.\.${D})`;
/** A price or count as the engine groups it: `2,999`, `0.015`. */
const N = String.raw`(\d[\d,]*(?:\.\d+)?)`;

const EDITION_ZH = new Map(Object.values(EDITIONS).map((e) => [e.nameEn, e.nameZh]));
/** An add-on's code by its English name (its Chinese name is in ADDONS). */
const ADDON_BY_NAME = new Map(Object.values(ADDONS).map((a): [string, PeriodicAddon] => [a.nameEn, a.code]));
const UNIT_ZH = new Map(LEGACY_LIMITS.map((row) => [row.unitEn, row.unitZh]));

function edition(en: string): string | null {
  return EDITION_ZH.get(en) ?? null;
}

/** `Group member cap extension on Flagship (6,000 members/group)` (see addonLabel). */
function addonLabel(en: string): string | null {
  const m = /^(.+) on (\w+)(?: \((Unlimited|[\d,]+) (.+)\))?$/.exec(en);
  if (!m) return null;
  const code = ADDON_BY_NAME.get(m[1]!);
  const on = edition(m[2]!);
  if (code === undefined || on === null) return null;
  const name = `${ADDONS[code].nameZh} · ${on}`;
  if (m[3] === undefined) return name;
  const unit = UNIT_ZH.get(m[4]!);
  if (unit === undefined) return null;
  return `${name}（${m[3] === 'Unlimited' ? formatLimitValue('unlimited', 'zh') : `${m[3]} ${unit}`}）`;
}

/** Why a cycle was cut (cycles.ts, timeline.ts, migration.ts). */
function reason(en: string): string | null {
  let m = /^change from Trial to (\w+)$/.exec(en);
  if (m) {
    const to = edition(m[1]!);
    return to && `由体验版变更为${to}`;
  }
  if (en === 'upgrade to Flagship') return '升级至旗舰版';
  m = new RegExp(`^the downgrade to Professional requested on (${D})$`).exec(en);
  if (m) return `降级至专业版（${m[1]} 申请）`;
  m = new RegExp(`^the migration to the current scheme \\(credit dated (${D}), on the last legacy invoice\\)$`).exec(en);
  if (m) return `迁移至当前计费方案（抵扣记于 ${m[1]}，计入最后一张原方案账单）`;
  return null;
}

const days = (n: string, of: string) => `${n}/${of} 天`;

/** How a package or add-on cycle ends its English text: prepaid whole, or cut with a credit. */
const PREPAID = `, prepaid in full: 1 x ${N}$`;
const CUT = ` cut on (${D}) by (.+): -${N} x (\\d+)/(\\d+) days$`;

/** `… 于 D 因<reason>截止：-price × n/of 天` from CUT's groups, from `m[at]` on. */
function cut(m: RegExpExecArray, at: number): string | null {
  const why = reason(m[at + 1]!);
  return why && ` 于 ${m[at]} 因${why}截止：-${m[at + 2]} × ${days(m[at + 3]!, m[at + 4]!)}`;
}

/** `head` and `tail` joined, or null when either is unknown. */
function both(head: string | null, tail: string | null): string | null {
  return head !== null && tail !== null ? head + tail : null;
}

/** Each template: the engine's English (whole text) and its Chinese, or null when a part is unknown. */
const TEMPLATES: readonly [RegExp, (m: RegExpExecArray) => string | null][] = [
  // cycles.ts: a legacy package cycle, prepaid; its credit when cut.
  [
    new RegExp(`^(\\w+) cycle ${RANGE} \\(anchor (${D})\\)${PREPAID}`),
    (m) => both(edition(m[1]!), `周期 ${m[2]}（锚定日 ${m[3]}），整期预付：1 × ${m[4]}`),
  ],
  [new RegExp(`^(\\w+) cycle ${RANGE}${CUT}`), (m) => both(edition(m[1]!), both(`周期 ${m[2]}`, cut(m, 3)))],
  // addons.ts: an add-on cycle, prepaid (the last one names the stop); its credit when cut.
  [
    new RegExp(`^(.+), cycle ${RANGE} \\(anchor (${D})\\)(?:, last cycle \\(stop requested on (${D})\\))?${PREPAID}`),
    (m) =>
      both(
        addonLabel(m[1]!),
        `，周期 ${m[2]}（锚定日 ${m[3]}）${m[4] === undefined ? '' : `，最后一个周期（${m[4]} 申请停用）`}，整期预付：1 × ${m[5]}`,
      ),
  ],
  [new RegExp(`^(.+), cycle ${RANGE}${CUT}`), (m) => both(addonLabel(m[1]!), both(`，周期 ${m[2]}`, cut(m, 3)))],
  // overage.ts: peak DAU or groups over the free quota.
  [
    new RegExp(`^(Peak DAU|Peak groups) ${N} on (${D})(?: \\(paid days ${RANGE}\\))?; ${N} over ${N} free -> (\\d+) units? of ${N} x ${N}$`),
    (m) =>
      `${m[1] === 'Peak DAU' ? '峰值 DAU' : '峰值群组数'} ${m[2]}（${m[3]}）${m[4] === undefined ? '' : `，付费日 ${m[4]}`}；` +
      `超出免费额度 ${m[6]} 共 ${m[5]} → ${m[7]} 个计费单位（每单位 ${m[8]}）× ${m[9]}`,
  ],
  // barrage.ts: bandwidth per direction and price version.
  [
    new RegExp(`^(Domestic|International) barrage bandwidth ${RANGE}: daily peaks on (\\d+) paid days? sum to ${N} Mbps-days x ${N} per Mbps per day$`),
    (m) => `${m[1] === 'Domestic' ? '国内' : '国际'}弹幕带宽 ${m[2]}：${m[3]} 个付费日的每日峰值合计 ${m[4]} Mbps·天 × 每 Mbps 每天 ${m[5]}`,
  ],
  // retention.ts: a retention tier, pro-rated.
  [
    new RegExp(`^History retention (\\d+) days on (\\w+) ${RANGE}: ${N} x (\\d+)/(\\d+) days$`),
    (m) => both(`历史消息存储 ${m[1]} 天 · `, both(edition(m[2]!), ` ${m[3]}：${m[4]} × ${days(m[5]!, m[6]!)}`)),
  ],
  // current.ts: a current package, pro-rated; MAU over the free quota.
  [new RegExp(`^(\\w+) ${RANGE}: ${N} x (\\d+)/(\\d+) days$`), (m) => both(edition(m[1]!), ` ${m[2]}：${m[3]} × ${days(m[4]!, m[5]!)}`)],
  [
    new RegExp(`^MAU ${N} \\(highest reported in (\\d{4}-\\d{2}), on (${D})\\); ${N} over ${N} free x ${N}; (\\w+) on (${D})$`),
    (m) => both(`MAU ${m[1]}（${m[2]} 上报的最高值，${m[3]}）；超出免费额度 ${m[5]} 共 ${m[4]} × ${m[6]}；${m[8]} 为`, edition(m[7]!)),
  ],
];

/** The Chinese rendering of an engine explanation, or null when no template reads it whole. */
export function explainZh(explain: string): string | null {
  for (const [pattern, render] of TEMPLATES) {
    const m = pattern.exec(explain);
    if (m) return render(m);
  }
  return null;
}

/** The explanation for a reader of `locale`: Chinese where it can be rendered, else the engine's English. */
export function explainFor(explain: string, locale: 'en' | 'zh'): string {
  return locale === 'zh' ? (explainZh(explain) ?? explain) : explain;
}
