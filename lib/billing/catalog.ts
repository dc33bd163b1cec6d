/**
 * The catalog: schemes, editions, limit and feature matrices, add-ons, line codes
 * and the shipped price books, as typed data in one place (DOMAIN.md section 2).
 * The database seed, the screens and the engine all read it from here.
 *
 * Sources: seeds/001 (legacy scheme: 原计费方案, CNY) and seeds/000 (current
 * scheme: 当前计费方案), plus the current scheme's public price page.
 */

export const SCHEMES = ['LEGACY', 'CURRENT'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const LEGACY_EDITIONS = ['TRIAL', 'PROFESSIONAL', 'FLAGSHIP'] as const;
export type LegacyEdition = (typeof LEGACY_EDITIONS)[number];
export type PaidLegacyEdition = Exclude<LegacyEdition, 'TRIAL'>;

export const CURRENT_EDITIONS = ['DEVELOPER', 'STANDARD', 'PRO'] as const;
export type CurrentEdition = (typeof CURRENT_EDITIONS)[number];
export type PaidCurrentEdition = Exclude<CurrentEdition, 'DEVELOPER'>;

export const EDITION_CODES = [...LEGACY_EDITIONS, ...CURRENT_EDITIONS] as const;
export type Edition = LegacyEdition | CurrentEdition;

export type Currency = 'CNY' | 'USD';

export const SCHEME_INFO: Readonly<Record<Scheme, { nameEn: string; nameZh: string }>> = {
  LEGACY: { nameEn: 'Legacy pricing', nameZh: '原计费方案' },
  CURRENT: { nameEn: 'Current pricing', nameZh: '当前计费方案' },
};

export const SCHEME_EDITIONS = {
  LEGACY: LEGACY_EDITIONS,
  CURRENT: CURRENT_EDITIONS,
} as const satisfies Record<Scheme, readonly Edition[]>;

export interface EditionInfo {
  scheme: Scheme;
  nameEn: string;
  nameZh: string;
  paid: boolean;
}

export const EDITIONS: Readonly<Record<Edition, EditionInfo>> = {
  TRIAL: { scheme: 'LEGACY', nameEn: 'Trial', nameZh: '体验版', paid: false },
  PROFESSIONAL: { scheme: 'LEGACY', nameEn: 'Professional', nameZh: '专业版', paid: true },
  FLAGSHIP: { scheme: 'LEGACY', nameEn: 'Flagship', nameZh: '旗舰版', paid: true },
  DEVELOPER: { scheme: 'CURRENT', nameEn: 'Developer', nameZh: '开发版', paid: false },
  STANDARD: { scheme: 'CURRENT', nameEn: 'Standard', nameZh: '标准版', paid: true },
  PRO: { scheme: 'CURRENT', nameEn: 'Pro', nameZh: '进阶版', paid: true },
};

export const CURRENCY: Readonly<Record<Scheme, Currency>> = { LEGACY: 'CNY', CURRENT: 'USD' };

/**
 * The legacy scheme closed on this day (in the billing calendar, lib/clock.ts), and the current scheme
 * opened: an account that created an app before it is LEGACY until migrated.
 */
export const LEGACY_CLOSED_AT = '2022-12-26';

/** A new app's edition (DOMAIN.md section 2). */
export const DEFAULT_EDITION = { LEGACY: 'TRIAL', CURRENT: 'DEVELOPER' } as const satisfies Record<Scheme, Edition>;

/** Migration defaults (DOMAIN.md section 7); the account manager may choose others. */
export const MIGRATION_DEFAULT_EDITIONS: Readonly<Record<LegacyEdition, CurrentEdition>> = {
  TRIAL: 'DEVELOPER',
  PROFESSIONAL: 'STANDARD',
  FLAGSHIP: 'PRO',
};

export function isLegacyEdition(e: string): e is LegacyEdition {
  return (LEGACY_EDITIONS as readonly string[]).includes(e);
}

export function isCurrentEdition(e: string): e is CurrentEdition {
  return (CURRENT_EDITIONS as readonly string[]).includes(e);
}

export function isPaidLegacyEdition(e: LegacyEdition): e is PaidLegacyEdition {
  return e !== 'TRIAL';
}

export function isPaidCurrentEdition(e: CurrentEdition): e is PaidCurrentEdition {
  return e !== 'DEVELOPER';
}

export const DATA_CENTERS = ['CHINA', 'SINGAPORE', 'KOREA', 'GERMANY', 'INDIA', 'INDONESIA', 'USA'] as const;
export type DataCenter = (typeof DATA_CENTERS)[number];

// ---------------------------------------------------------------------------
// Limits (seed tables 套餐包功能对比 / 套餐包简介)

export type LimitKey =
  | 'maxUsers'
  | 'friendsPerUser'
  | 'groupsPerUser'
  | 'membersPerGroup'
  | 'maxGroups'
  | 'avChatRooms'
  | 'liveGroups'
  | 'dailyNewGroups'
  | 'freeHistoryDays'
  | 'freeDau'
  | 'freeMau'
  | 'freePeakGroups';

/** One part of a limit that differs by group type (Flagship members per group). */
export interface LimitSplitPart {
  key: 'private' | 'publicAndChatRoom';
  labelEn: string;
  labelZh: string;
  value: number;
}

/** A count, `'unlimited'`, or a value split by group type (print each part). */
export type LimitValue = number | 'unlimited' | { readonly split: readonly LimitSplitPart[] };

export interface LimitRow<E extends Edition = Edition> {
  key: LimitKey;
  labelEn: string;
  labelZh: string;
  unitEn: string;
  unitZh: string;
  /** Whether any add-on can raise it; the friends limit can never be raised. */
  raisable: boolean;
  noteEn?: string;
  noteZh?: string;
  values: Readonly<Record<E, LimitValue>>;
}

const FRIENDS_NOTE = {
  noteEn: 'At most 3,000 friends per user; this limit cannot be raised, not even by a paid extension.',
  noteZh: '单个用户好友人数上限最大仅支持3000人，不支持付费扩展。',
};

export const LEGACY_LIMITS: readonly LimitRow<LegacyEdition>[] = [
  {
    key: 'maxUsers', labelEn: 'Maximum users', labelZh: '用户数上限', unitEn: 'users', unitZh: '人', raisable: false,
    values: { TRIAL: 100, PROFESSIONAL: 'unlimited', FLAGSHIP: 'unlimited' },
  },
  {
    key: 'friendsPerUser', labelEn: 'Friends per user', labelZh: '单个用户好友人数上限', unitEn: 'friends', unitZh: '个好友',
    raisable: false, ...FRIENDS_NOTE,
    values: { TRIAL: 20, PROFESSIONAL: 3000, FLAGSHIP: 3000 },
  },
  {
    key: 'groupsPerUser', labelEn: 'Groups a user can join', labelZh: '单个用户可加入群组数', unitEn: 'groups/user', unitZh: '个群/人',
    raisable: true,
    values: { TRIAL: 50, PROFESSIONAL: 500, FLAGSHIP: 1000 },
  },
  {
    key: 'membersPerGroup', labelEn: 'Members per group (private, public and chat room groups)',
    labelZh: '单个群成员数上限（私有群、公开群和聊天室）', unitEn: 'members/group', unitZh: '人/群', raisable: true,
    values: {
      TRIAL: 20,
      PROFESSIONAL: 200,
      FLAGSHIP: {
        split: [
          { key: 'private', labelEn: 'Private groups', labelZh: '私有群', value: 200 },
          { key: 'publicAndChatRoom', labelEn: 'Public groups and chat rooms', labelZh: '公开群和聊天室', value: 2000 },
        ],
      },
    },
  },
  {
    key: 'avChatRooms', labelEn: 'Audio/video chat rooms', labelZh: '可创建音视频聊天室个数', unitEn: 'rooms', unitZh: '个',
    raisable: true,
    values: { TRIAL: 10, PROFESSIONAL: 50, FLAGSHIP: 'unlimited' },
  },
  {
    key: 'freeHistoryDays', labelEn: 'Free message history', labelZh: '免费历史消息存储时长', unitEn: 'days', unitZh: '天',
    raisable: true,
    values: { TRIAL: 7, PROFESSIONAL: 7, FLAGSHIP: 30 },
  },
  {
    key: 'freeDau', labelEn: 'Free daily active users (DAU)', labelZh: '免费日活跃用户数（DAU）额度', unitEn: 'DAU', unitZh: 'DAU',
    raisable: false,
    values: { TRIAL: 100, PROFESSIONAL: 10_000, FLAGSHIP: 10_000 },
  },
  {
    key: 'freePeakGroups', labelEn: 'Free peak groups', labelZh: '免费峰值群组数', unitEn: 'groups', unitZh: '个',
    raisable: false,
    values: { TRIAL: 100_000, PROFESSIONAL: 100_000, FLAGSHIP: 100_000 },
  },
];

export const CURRENT_LIMITS: readonly LimitRow<CurrentEdition>[] = [
  {
    key: 'maxUsers', labelEn: 'Maximum users', labelZh: '用户数上限', unitEn: 'users', unitZh: '人', raisable: false,
    values: { DEVELOPER: 100, STANDARD: 'unlimited', PRO: 'unlimited' },
  },
  {
    key: 'friendsPerUser', labelEn: 'Friends per user', labelZh: '单个用户好友人数上限', unitEn: 'friends', unitZh: '个好友',
    raisable: false, ...FRIENDS_NOTE,
    values: { DEVELOPER: 20, STANDARD: 3000, PRO: 3000 },
  },
  {
    key: 'groupsPerUser', labelEn: 'Groups a user can join', labelZh: '单个用户可加入群组数', unitEn: 'groups/user', unitZh: '个群/人',
    raisable: false,
    values: { DEVELOPER: 50, STANDARD: 500, PRO: 1000 },
  },
  {
    key: 'membersPerGroup', labelEn: 'Members per group (non-live groups)', labelZh: '单个群成员数上限（非直播群）',
    unitEn: 'members/group', unitZh: '人/群', raisable: false,
    values: { DEVELOPER: 20, STANDARD: 200, PRO: 2000 },
  },
  {
    key: 'maxGroups', labelEn: 'Non-live groups (disbanded groups not counted)', labelZh: '非直播群群组数上限（解散后不计数）',
    unitEn: 'groups', unitZh: '个', raisable: false,
    values: { DEVELOPER: 100, STANDARD: 'unlimited', PRO: 'unlimited' },
  },
  {
    key: 'liveGroups', labelEn: 'Live groups', labelZh: '可创建直播群个数', unitEn: 'groups', unitZh: '个', raisable: false,
    values: { DEVELOPER: 10, STANDARD: 50, PRO: 'unlimited' },
  },
  {
    key: 'dailyNewGroups', labelEn: 'Net new groups per day', labelZh: '日净增群组数', unitEn: 'groups/day', unitZh: '个',
    raisable: false,
    noteEn: 'At most 5 of them may be online-member broadcast groups.',
    noteZh: '其中最多可包含5个在线成员广播大群。',
    values: { DEVELOPER: 100, STANDARD: 10_000, PRO: 10_000 },
  },
  {
    key: 'freeHistoryDays', labelEn: 'Free message history', labelZh: '免费历史消息存储时长', unitEn: 'days', unitZh: '天',
    raisable: false,
    values: { DEVELOPER: 7, STANDARD: 7, PRO: 30 },
  },
  {
    key: 'freeMau', labelEn: 'Free monthly active users (MAU)', labelZh: '免费月活跃用户数（MAU）额度', unitEn: 'MAU/month',
    unitZh: '/月', raisable: false,
    values: { DEVELOPER: 100, STANDARD: 10_000, PRO: 10_000 },
  },
];

export const LIMITS = { LEGACY: LEGACY_LIMITS, CURRENT: CURRENT_LIMITS } as const;

/** Prints a limit value for a screen: `3,000`, `Unlimited`, `Private groups: 200 / Public groups and chat rooms: 2,000`. */
export function formatLimitValue(value: LimitValue, locale: 'en' | 'zh' = 'en'): string {
  if (value === 'unlimited') return locale === 'en' ? 'Unlimited' : '无限制';
  if (typeof value === 'number') return locale === 'en' ? value.toLocaleString('en-US') : String(value);
  return value.split
    .map((p) => `${locale === 'en' ? p.labelEn : p.labelZh}: ${locale === 'en' ? p.value.toLocaleString('en-US') : p.value}`)
    .join(' / ');
}

// ---------------------------------------------------------------------------
// Feature matrices (boolean rows of the seed tables)

export type FeatureAvailability = 'yes' | 'no' | 'apply';

export type FeatureKey =
  | 'globalCoverage'
  | 'broadcastPush'
  | 'multiDeviceSamePlatform'
  | 'localMessageSearch'
  | 'liveGroupHistoryForNewMembers'
  | 'community'
  | 'groupReadReceipts'
  | 'groupTargetedMessages'
  | 'liveGroupOnlineMembers'
  | 'liveGroupBroadcast'
  | 'userStatus'
  | 'conversationMarks'
  | 'conversationGroups'
  | 'liveGroupBanMembers';

export interface FeatureRow<E extends Edition = Edition> {
  key: FeatureKey;
  labelEn: string;
  labelZh: string;
  noteEn?: string;
  noteZh?: string;
  values: Readonly<Record<E, FeatureAvailability>>;
}

export const LEGACY_FEATURES: readonly FeatureRow<LegacyEdition>[] = [
  {
    key: 'globalCoverage', labelEn: 'Global multi-region coverage', labelZh: '全球多点覆盖',
    values: { TRIAL: 'yes', PROFESSIONAL: 'yes', FLAGSHIP: 'yes' },
  },
];

const DEV_AND_PRO: Readonly<Record<CurrentEdition, FeatureAvailability>> = { DEVELOPER: 'yes', STANDARD: 'no', PRO: 'yes' };

/** Data centers where communities are not offered (seed 000; DOMAIN C3). */
export const COMMUNITY_UNAVAILABLE_DATA_CENTERS: readonly DataCenter[] = ['GERMANY', 'KOREA'];

/** Broadcast push on Pro is switched on this long after ops approve the application (DOMAIN C3). */
export const BROADCAST_PUSH_ACTIVATION_HOURS = 48;

export const CURRENT_FEATURES: readonly FeatureRow<CurrentEdition>[] = [
  {
    key: 'globalCoverage', labelEn: 'Global multi-region coverage', labelZh: '全球多点覆盖',
    values: { DEVELOPER: 'yes', STANDARD: 'yes', PRO: 'yes' },
  },
  {
    key: 'broadcastPush', labelEn: 'Broadcast push to all users', labelZh: '全员推送',
    noteEn: 'Pro: on application; switched on 48 hours after ops approve it. A downgrade to Standard switches it off.',
    noteZh: '进阶版需申请开通，申请通过后48小时开启；降级为标准版将无法使用。',
    values: { DEVELOPER: 'yes', STANDARD: 'no', PRO: 'apply' },
  },
  {
    key: 'multiDeviceSamePlatform', labelEn: 'Multiple devices online on one platform', labelZh: '同平台多设备在线',
    values: DEV_AND_PRO,
  },
  {
    key: 'localMessageSearch', labelEn: 'Local message search (Android, iOS)', labelZh: '本地消息搜索（Android、iOS）',
    values: DEV_AND_PRO,
  },
  {
    key: 'liveGroupHistoryForNewMembers', labelEn: 'New live-group members see earlier messages',
    labelZh: '直播群新成员查看入群前消息', values: DEV_AND_PRO,
  },
  {
    key: 'community', labelEn: 'Communities', labelZh: '创建社群（Community）',
    noteEn: 'Not available in the GERMANY and KOREA data centers.',
    noteZh: '暂未支持德国、韩国数据中心。',
    values: DEV_AND_PRO,
  },
  {
    key: 'groupReadReceipts', labelEn: 'Group message read receipts', labelZh: '群消息已读回执',
    noteEn: 'Work, Public and Meeting groups of up to 200 members.',
    noteZh: '适用于群容量200以内的好友工作群、陌生人社交群、临时会议群。',
    values: DEV_AND_PRO,
  },
  { key: 'groupTargetedMessages', labelEn: 'Targeted group messages', labelZh: '群定向消息', values: DEV_AND_PRO },
  { key: 'liveGroupOnlineMembers', labelEn: 'Live group online member list', labelZh: '直播群在线成员列表', values: DEV_AND_PRO },
  { key: 'liveGroupBroadcast', labelEn: 'Live group broadcast messages', labelZh: '直播群广播消息', values: DEV_AND_PRO },
  { key: 'userStatus', labelEn: 'User status', labelZh: '用户状态', values: DEV_AND_PRO },
  { key: 'conversationMarks', labelEn: 'Conversation marks', labelZh: '会话标记', values: DEV_AND_PRO },
  { key: 'conversationGroups', labelEn: 'Conversation groups', labelZh: '会话分组', values: DEV_AND_PRO },
  { key: 'liveGroupBanMembers', labelEn: 'Ban members in live groups', labelZh: '直播群封禁成员', values: DEV_AND_PRO },
];

export const FEATURES = { LEGACY: LEGACY_FEATURES, CURRENT: CURRENT_FEATURES } as const;

/** Audio/video call trial grants (DOMAIN.md section 6); enforced by the database. */
export const AV_CALL_TRIAL = { days: 60, maxGrantsPerApp: 2, maxGrantsPerAccount: 10 } as const;

// ---------------------------------------------------------------------------
// Add-ons (legacy only; DOMAIN L5, L6)

export const PERIODIC_ADDONS = ['AV_CHATROOM_UNLIMITED', 'GROUP_MEMBER_CAP', 'GROUP_JOIN_CAP', 'SECURITY_STRIKE'] as const;
export type PeriodicAddon = (typeof PERIODIC_ADDONS)[number];

export const ADDON_CODES = [...PERIODIC_ADDONS, 'HISTORY_RETENTION'] as const;
export type AddonCode = (typeof ADDON_CODES)[number];

export interface AddonOffer {
  /** The limit this add-on raises on that edition, and to what. */
  raises?: { limit: LimitKey; to: LimitValue };
}

export interface PeriodicAddonInfo {
  code: PeriodicAddon;
  nameEn: string;
  nameZh: string;
  /** Editions that offer it; absent editions do not (Trial never does). */
  offers: Readonly<Partial<Record<PaidLegacyEdition, AddonOffer>>>;
  /** Why an edition does not offer it, for the refusal message (legacy editions; no add-on exists on the current scheme). */
  notOfferedEn: Readonly<Partial<Record<Edition, string>>>;
}

export const ADDONS: Readonly<Record<PeriodicAddon, PeriodicAddonInfo>> = {
  AV_CHATROOM_UNLIMITED: {
    code: 'AV_CHATROOM_UNLIMITED',
    nameEn: 'Unlimited audio/video chat rooms',
    nameZh: '扩展音视频聊天室创建数量上限',
    offers: { PROFESSIONAL: { raises: { limit: 'avChatRooms', to: 'unlimited' } } },
    notOfferedEn: { TRIAL: 'add-ons need Professional or Flagship', FLAGSHIP: 'Flagship already has unlimited audio/video chat rooms' },
  },
  GROUP_MEMBER_CAP: {
    code: 'GROUP_MEMBER_CAP',
    nameEn: 'Group member cap extension',
    nameZh: '扩展单个群成员数上限',
    offers: {
      PROFESSIONAL: { raises: { limit: 'membersPerGroup', to: 2000 } },
      FLAGSHIP: { raises: { limit: 'membersPerGroup', to: 6000 } },
    },
    notOfferedEn: { TRIAL: 'add-ons need Professional or Flagship' },
  },
  GROUP_JOIN_CAP: {
    code: 'GROUP_JOIN_CAP',
    nameEn: 'Groups-per-user extension',
    nameZh: '扩展单个用户可加入群组数上限',
    offers: {
      PROFESSIONAL: { raises: { limit: 'groupsPerUser', to: 1000 } },
      FLAGSHIP: { raises: { limit: 'groupsPerUser', to: 3000 } },
    },
    notOfferedEn: { TRIAL: 'add-ons need Professional or Flagship' },
  },
  SECURITY_STRIKE: {
    code: 'SECURITY_STRIKE',
    nameEn: 'Security strike service',
    nameZh: '安全打击服务',
    offers: { PROFESSIONAL: {}, FLAGSHIP: {} },
    notOfferedEn: { TRIAL: 'add-ons need Professional or Flagship' },
  },
};

export function addonOffered(addon: PeriodicAddon, edition: Edition): edition is PaidLegacyEdition {
  return (edition === 'PROFESSIONAL' || edition === 'FLAGSHIP') && ADDONS[addon].offers[edition] !== undefined;
}

export const RETENTION_TIERS = [30, 90, 180, 360] as const;
export type RetentionDays = (typeof RETENTION_TIERS)[number];

export function isRetentionDays(n: number): n is RetentionDays {
  return (RETENTION_TIERS as readonly number[]).includes(n);
}

export const HISTORY_RETENTION = {
  code: 'HISTORY_RETENTION',
  nameEn: 'History retention extension',
  nameZh: '延长历史消息存储时长',
  tiers: RETENTION_TIERS,
  editions: ['PROFESSIONAL', 'FLAGSHIP'] as const satisfies readonly PaidLegacyEdition[],
  raises: 'freeHistoryDays',
} as const;

export const ADDON_NAMES: Readonly<Record<AddonCode, { nameEn: string; nameZh: string }>> = {
  AV_CHATROOM_UNLIMITED: ADDONS.AV_CHATROOM_UNLIMITED,
  GROUP_MEMBER_CAP: ADDONS.GROUP_MEMBER_CAP,
  GROUP_JOIN_CAP: ADDONS.GROUP_JOIN_CAP,
  SECURITY_STRIKE: ADDONS.SECURITY_STRIKE,
  HISTORY_RETENTION,
};

// ---------------------------------------------------------------------------
// Overage quotas (DOMAIN L4, C2); the free amounts equal the paid editions' limit rows.

export const LEGACY_OVERAGE = {
  DAU: { limit: 'freeDau', free: 10_000, unit: 10_000, priceKey: 'DAU_OVERAGE' },
  GROUP: { limit: 'freePeakGroups', free: 100_000, unit: 100_000, priceKey: 'GROUP_OVERAGE' },
} as const;

export const CURRENT_MAU_OVERAGE = { limit: 'freeMau', free: 10_000, priceKey: 'MAU_OVERAGE' } as const;

// ---------------------------------------------------------------------------
// Invoice line codes (DOMAIN.md section 9), in the order lines sort within a day.

export const LINE_CODES = [
  'PACKAGE',
  'PACKAGE_CREDIT',
  'ADDON',
  'ADDON_CREDIT',
  'DAU_OVERAGE',
  'GROUP_OVERAGE',
  'HISTORY_RETENTION',
  'BARRAGE_BANDWIDTH',
  'MAU_OVERAGE',
] as const;
export type LineCode = (typeof LINE_CODES)[number];

export const LINE_CODE_LABELS: Readonly<Record<LineCode, { labelEn: string; labelZh: string }>> = {
  PACKAGE: { labelEn: 'Package', labelZh: '套餐包' },
  PACKAGE_CREDIT: { labelEn: 'Package credit', labelZh: '套餐包退费' },
  ADDON: { labelEn: 'Add-on', labelZh: '增值服务' },
  ADDON_CREDIT: { labelEn: 'Add-on credit', labelZh: '增值服务退费' },
  DAU_OVERAGE: { labelEn: 'DAU overage', labelZh: 'DAU 超量' },
  GROUP_OVERAGE: { labelEn: 'Peak groups overage', labelZh: '峰值群组数超量' },
  HISTORY_RETENTION: { labelEn: 'History retention extension', labelZh: '延长历史消息存储时长' },
  BARRAGE_BANDWIDTH: { labelEn: 'Barrage bandwidth', labelZh: '音视频聊天室弹幕带宽' },
  MAU_OVERAGE: { labelEn: 'MAU overage', labelZh: 'MAU 超量' },
};

// ---------------------------------------------------------------------------
// Price books

export const LEGACY_PRICE_KEYS = [
  'PACKAGE.PROFESSIONAL',
  'PACKAGE.FLAGSHIP',
  'DAU_OVERAGE',
  'GROUP_OVERAGE',
  'ADDON.AV_CHATROOM_UNLIMITED.PROFESSIONAL',
  'ADDON.GROUP_MEMBER_CAP.PROFESSIONAL',
  'ADDON.GROUP_MEMBER_CAP.FLAGSHIP',
  'ADDON.GROUP_JOIN_CAP.PROFESSIONAL',
  'ADDON.GROUP_JOIN_CAP.FLAGSHIP',
  'ADDON.SECURITY_STRIKE.PROFESSIONAL',
  'ADDON.SECURITY_STRIKE.FLAGSHIP',
  'RETENTION.30.PROFESSIONAL',
  'RETENTION.90.PROFESSIONAL',
  'RETENTION.180.PROFESSIONAL',
  'RETENTION.360.PROFESSIONAL',
  'RETENTION.30.FLAGSHIP',
  'RETENTION.90.FLAGSHIP',
  'RETENTION.180.FLAGSHIP',
  'RETENTION.360.FLAGSHIP',
  'BARRAGE.DOMESTIC',
  'BARRAGE.INTL',
] as const;
export type LegacyPriceKey = (typeof LEGACY_PRICE_KEYS)[number];

/** PCC is listed (0.2 USD per user per month) but waived: the engine never bills it. */
export const CURRENT_PRICE_KEYS = ['PACKAGE.STANDARD', 'PACKAGE.PRO', 'MAU_OVERAGE', 'PCC'] as const;
export type CurrentPriceKey = (typeof CURRENT_PRICE_KEYS)[number];

export type PriceKey = LegacyPriceKey | CurrentPriceKey;

export const PRICE_KEYS = { LEGACY: LEGACY_PRICE_KEYS, CURRENT: CURRENT_PRICE_KEYS } as const;

export interface PriceKeyInfo {
  labelEn: string;
  labelZh: string;
  /** What one unit of the price buys. */
  unitEn: string;
  /** Listed but never billed (PCC). */
  waived?: true;
}

const addonUnit = 'per cycle (T to T-1 of next month)';
const retentionUnit = 'per month, pro-rated by day';

/** The price units in Chinese, keyed by the English text above (a catalog page shows one language). */
export const PRICE_UNIT_ZH: Readonly<Record<string, string>> = {
  [addonUnit]: '每周期（T 日至次月 T-1 日）',
  [retentionUnit]: '每月，按天折算',
  'per 10,000 DAU (started) per month': '每月每 1 万 DAU（不足 1 万按 1 万计）',
  'per 100,000 groups (started) per month': '每月每 10 万群组（不足 10 万按 10 万计）',
  'per Mbps (daily peak) per day': '每天每 Mbps（按当日峰值）',
  'per user over 10,000 per month': '每月超出 1 万的每个用户',
  'per user per month': '每月每用户',
};

export const PRICE_KEY_INFO: Readonly<Record<PriceKey, PriceKeyInfo>> = {
  'PACKAGE.PROFESSIONAL': { labelEn: 'Professional package', labelZh: '专业版套餐包', unitEn: addonUnit },
  'PACKAGE.FLAGSHIP': { labelEn: 'Flagship package', labelZh: '旗舰版套餐包', unitEn: addonUnit },
  DAU_OVERAGE: { labelEn: 'DAU overage', labelZh: 'DAU 超量', unitEn: 'per 10,000 DAU (started) per month' },
  GROUP_OVERAGE: { labelEn: 'Peak groups overage', labelZh: '峰值群组数超量', unitEn: 'per 100,000 groups (started) per month' },
  'ADDON.AV_CHATROOM_UNLIMITED.PROFESSIONAL': { labelEn: 'Unlimited AV chat rooms (Professional)', labelZh: '扩展音视频聊天室创建数量至无限制（专业版）', unitEn: addonUnit },
  'ADDON.GROUP_MEMBER_CAP.PROFESSIONAL': { labelEn: 'Group member cap 2,000 (Professional)', labelZh: '扩展单个群成员数上限 2000人/群（专业版）', unitEn: addonUnit },
  'ADDON.GROUP_MEMBER_CAP.FLAGSHIP': { labelEn: 'Group member cap 6,000 (Flagship)', labelZh: '扩展单个群成员数上限 6000人/群（旗舰版）', unitEn: addonUnit },
  'ADDON.GROUP_JOIN_CAP.PROFESSIONAL': { labelEn: 'Groups per user 1,000 (Professional)', labelZh: '扩展单个用户可加入群组数 1000个群/人（专业版）', unitEn: addonUnit },
  'ADDON.GROUP_JOIN_CAP.FLAGSHIP': { labelEn: 'Groups per user 3,000 (Flagship)', labelZh: '扩展单个用户可加入群组数 3000个群/人（旗舰版）', unitEn: addonUnit },
  'ADDON.SECURITY_STRIKE.PROFESSIONAL': { labelEn: 'Security strike (Professional)', labelZh: '安全打击服务（专业版）', unitEn: addonUnit },
  'ADDON.SECURITY_STRIKE.FLAGSHIP': { labelEn: 'Security strike (Flagship)', labelZh: '安全打击服务（旗舰版）', unitEn: addonUnit },
  'RETENTION.30.PROFESSIONAL': { labelEn: 'History retention 30 days (Professional)', labelZh: '存储30天（专业版）', unitEn: retentionUnit },
  'RETENTION.90.PROFESSIONAL': { labelEn: 'History retention 90 days (Professional)', labelZh: '存储90天（专业版）', unitEn: retentionUnit },
  'RETENTION.180.PROFESSIONAL': { labelEn: 'History retention 180 days (Professional)', labelZh: '存储180天（专业版）', unitEn: retentionUnit },
  'RETENTION.360.PROFESSIONAL': { labelEn: 'History retention 360 days (Professional)', labelZh: '存储360天（专业版）', unitEn: retentionUnit },
  'RETENTION.30.FLAGSHIP': { labelEn: 'History retention 30 days (Flagship)', labelZh: '存储30天（旗舰版）', unitEn: retentionUnit },
  'RETENTION.90.FLAGSHIP': { labelEn: 'History retention 90 days (Flagship)', labelZh: '存储90天（旗舰版）', unitEn: retentionUnit },
  'RETENTION.180.FLAGSHIP': { labelEn: 'History retention 180 days (Flagship)', labelZh: '存储180天（旗舰版）', unitEn: retentionUnit },
  'RETENTION.360.FLAGSHIP': { labelEn: 'History retention 360 days (Flagship)', labelZh: '存储360天（旗舰版）', unitEn: retentionUnit },
  'BARRAGE.DOMESTIC': { labelEn: 'Barrage bandwidth, domestic', labelZh: '弹幕带宽（国内）', unitEn: 'per Mbps (daily peak) per day' },
  'BARRAGE.INTL': { labelEn: 'Barrage bandwidth, international', labelZh: '弹幕带宽（国际）', unitEn: 'per Mbps (daily peak) per day' },
  'PACKAGE.STANDARD': { labelEn: 'Standard package', labelZh: '标准版套餐包', unitEn: 'per month, pro-rated by day' },
  'PACKAGE.PRO': { labelEn: 'Pro package', labelZh: '进阶版套餐包', unitEn: 'per month, pro-rated by day' },
  MAU_OVERAGE: { labelEn: 'MAU overage', labelZh: 'MAU 超量', unitEn: 'per user over 10,000 per month' },
  PCC: { labelEn: 'Peak concurrent connections', labelZh: '峰值并发连接数', unitEn: 'per user per month', waived: true },
};

/**
 * A price book: plain serializable data (the database stores `prices` as
 * key/amount rows). Amounts are decimal strings. A book holds exactly the keys of
 * its scheme (`PRICE_KEYS[scheme]`); see price-books.ts for the schema and for
 * which version applies to a line.
 */
export interface PriceBook {
  id?: string;
  scheme: Scheme;
  currency: Currency;
  version: number;
  /** `YYYY-MM-DD` (billing calendar): the version applies from this day on. */
  effectiveFrom: string;
  /** The document the prices come from. */
  source: string;
  prices: Readonly<Partial<Record<PriceKey, string>>>;
}

export const SHIPPED_PRICE_BOOKS: readonly PriceBook[] = [
  {
    scheme: 'LEGACY',
    currency: 'CNY',
    version: 1,
    effectiveFrom: '2019-01-01',
    source: 'seeds/001: 即时通信 IM 原计费方案 价格说明 (legacy price list, CNY)',
    prices: {
      'PACKAGE.PROFESSIONAL': '999',
      'PACKAGE.FLAGSHIP': '2999',
      DAU_OVERAGE: '1000',
      GROUP_OVERAGE: '1000',
      'ADDON.AV_CHATROOM_UNLIMITED.PROFESSIONAL': '1000',
      'ADDON.GROUP_MEMBER_CAP.PROFESSIONAL': '500',
      'ADDON.GROUP_MEMBER_CAP.FLAGSHIP': '500',
      'ADDON.GROUP_JOIN_CAP.PROFESSIONAL': '1100',
      'ADDON.GROUP_JOIN_CAP.FLAGSHIP': '900',
      'ADDON.SECURITY_STRIKE.PROFESSIONAL': '1000',
      'ADDON.SECURITY_STRIKE.FLAGSHIP': '1000',
      'RETENTION.30.PROFESSIONAL': '500',
      'RETENTION.90.PROFESSIONAL': '1000',
      'RETENTION.180.PROFESSIONAL': '1500',
      'RETENTION.360.PROFESSIONAL': '2500',
      'RETENTION.30.FLAGSHIP': '0',
      'RETENTION.90.FLAGSHIP': '500',
      'RETENTION.180.FLAGSHIP': '1000',
      'RETENTION.360.FLAGSHIP': '2000',
      'BARRAGE.DOMESTIC': '2',
      'BARRAGE.INTL': '4',
    },
  },
  {
    scheme: 'CURRENT',
    currency: 'USD',
    version: 1,
    effectiveFrom: LEGACY_CLOSED_AT,
    source:
      'Tencent Cloud IM public price page (https://intl.cloud.tencent.com/document/product/1047/34350): ' +
      'Developer free, Standard 399 USD/month, Pro 699 USD/month, MAU over the free quota 0.015 USD/user/month, PCC 0.2 USD/user/month (waived)',
    prices: {
      'PACKAGE.STANDARD': '399',
      'PACKAGE.PRO': '699',
      MAU_OVERAGE: '0.015',
      PCC: '0.2',
    },
  },
];

export function packagePriceKey(edition: PaidLegacyEdition | PaidCurrentEdition): PriceKey {
  return `PACKAGE.${edition}`;
}

export function addonPriceKey(addon: PeriodicAddon, edition: PaidLegacyEdition): LegacyPriceKey {
  const key = `ADDON.${addon}.${edition}`;
  if (!(LEGACY_PRICE_KEYS as readonly string[]).includes(key)) {
    throw new Error(`No price key for ${addon} on ${edition}`);
  }
  return key as LegacyPriceKey;
}

export function retentionPriceKey(days: RetentionDays, edition: PaidLegacyEdition): LegacyPriceKey {
  return `RETENTION.${days}.${edition}`;
}
