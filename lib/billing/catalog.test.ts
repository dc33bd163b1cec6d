/** The catalog is consistent with itself and with the seeds. */
import { describe, expect, it } from 'vitest';
import {
  ADDONS,
  CURRENT_LIMITS,
  CURRENT_MAU_OVERAGE,
  EDITIONS,
  HISTORY_RETENTION,
  LEGACY_LIMITS,
  LEGACY_OVERAGE,
  LEGACY_PRICE_KEYS,
  PERIODIC_ADDONS,
  CURRENT_FEATURES,
  addonPriceKey,
  formatLimitValue,
} from './catalog';

describe('catalog', () => {
  it('names every edition in English and Chinese', () => {
    expect(Object.entries(EDITIONS).map(([k, v]) => `${k} ${v.nameEn} ${v.nameZh} ${v.paid}`)).toEqual([
      'TRIAL Trial 体验版 false',
      'PROFESSIONAL Professional 专业版 true',
      'FLAGSHIP Flagship 旗舰版 true',
      'DEVELOPER Developer 开发版 false',
      'STANDARD Standard 标准版 true',
      'PRO Pro 进阶版 true',
    ]);
  });

  it('marks exactly the limits an add-on can raise as raisable; friends never', () => {
    const raised = new Set<string>([HISTORY_RETENTION.raises]);
    for (const code of PERIODIC_ADDONS) {
      for (const offer of Object.values(ADDONS[code].offers)) if (offer.raises) raised.add(offer.raises.limit);
    }
    expect(LEGACY_LIMITS.filter((r) => r.raisable).map((r) => r.key).sort()).toEqual([...raised].sort());
    expect(CURRENT_LIMITS.filter((r) => r.raisable)).toEqual([]);
    for (const rows of [LEGACY_LIMITS, CURRENT_LIMITS]) {
      const friends = rows.find((r) => r.key === 'friendsPerUser');
      expect(friends?.raisable).toBe(false);
      expect(friends?.noteEn).toContain('cannot be raised');
    }
  });

  it('prints the Flagship split members-per-group value', () => {
    const members = LEGACY_LIMITS.find((r) => r.key === 'membersPerGroup');
    expect(formatLimitValue(members!.values.FLAGSHIP)).toBe('Private groups: 200 / Public groups and chat rooms: 2,000');
    expect(formatLimitValue(members!.values.FLAGSHIP, 'zh')).toBe('私有群: 200 / 公开群和聊天室: 2000');
    expect(formatLimitValue('unlimited')).toBe('Unlimited');
  });

  it('overage quotas equal the paid editions\' free rows', () => {
    const free = (key: string) => LEGACY_LIMITS.find((r) => r.key === key)!.values;
    expect(free('freeDau').PROFESSIONAL).toBe(LEGACY_OVERAGE.DAU.free);
    expect(free('freeDau').FLAGSHIP).toBe(LEGACY_OVERAGE.DAU.free);
    expect(free('freePeakGroups').FLAGSHIP).toBe(LEGACY_OVERAGE.GROUP.free);
    const mau = CURRENT_LIMITS.find((r) => r.key === 'freeMau')!.values;
    expect([mau.STANDARD, mau.PRO]).toEqual([CURRENT_MAU_OVERAGE.free, CURRENT_MAU_OVERAGE.free]);
  });

  it('has a price key for every add-on an edition offers, and none for the others', () => {
    for (const code of PERIODIC_ADDONS) {
      for (const edition of ['PROFESSIONAL', 'FLAGSHIP'] as const) {
        if (ADDONS[code].offers[edition]) expect(LEGACY_PRICE_KEYS).toContain(addonPriceKey(code, edition));
        else expect(() => addonPriceKey(code, edition)).toThrow();
      }
    }
  });

  it('marks Pro broadcast push as needing an application', () => {
    expect(CURRENT_FEATURES.find((f) => f.key === 'broadcastPush')?.values).toEqual({ DEVELOPER: 'yes', STANDARD: 'no', PRO: 'apply' });
    expect(CURRENT_FEATURES).toHaveLength(14);
  });
});
