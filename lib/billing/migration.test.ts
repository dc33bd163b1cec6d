/** DOMAIN.md section 7: migration LEGACY -> CURRENT. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { BillingRuleError } from './errors';
import { migrationEffectiveOn } from './migration';
import { rateAccount } from './rate';
import { addonStart, app, edition, legacy, rate, retention, summary } from './testdata/helpers';
import type { AccountInput } from './types';

function ruleError(account: AccountInput, months = ['2026-10']): BillingRuleError {
  try {
    rateAccount(account, months, SHIPPED_PRICE_BOOKS);
  } catch (e) {
    if (e instanceof BillingRuleError) return e;
    throw e;
  }
  throw new Error('expected a BillingRuleError');
}

const events = [edition('2026-09-15', 'PROFESSIONAL'), addonStart('2026-09-20', 'GROUP_MEMBER_CAP'), retention('2026-10-01', 30)];
const usage = [
  { date: '2026-10-31', dau: 25_000, barrageDomesticMbps: '2' },
  { date: '2026-11-15', dau: 90_000, mau: 12_000, barrageDomesticMbps: '50' },
];

describe('migration', () => {
  it('takes effect on the first day of the next month', () => {
    expect(migrationEffectiveOn('2026-10-12')).toBe('2026-11-01');
    expect(migrationEffectiveOn('2026-12-31')).toBe('2027-01-01');
    expect(migrationEffectiveOn('2026-11-01')).toBe('2026-12-01');
  });

  it('cuts packages and add-ons running over E with credits dated E-1, stops legacy postpaid items at E-1, bills C1-C2 in USD from E', () => {
    const account = legacy([app(events, usage)], { executedOn: '2026-10-12' });
    const [oct, nov] = rate(account, ['2026-10', '2026-11']);
    expect(oct).toMatchObject({ scheme: 'LEGACY', currency: 'CNY', total: '3245.39' });
    expect(summary(oct!)).toEqual([
      'DAU_OVERAGE 2026-10-01..2026-10-31 2000.00',
      'HISTORY_RETENTION:PROFESSIONAL 2026-10-01..2026-10-31 500.00',
      'BARRAGE_BANDWIDTH 2026-10-01..2026-10-31 4.00',
      'PACKAGE:PROFESSIONAL 2026-10-15..2026-11-14 999.00',
      'ADDON:GROUP_MEMBER_CAP:PROFESSIONAL 2026-10-20..2026-11-19 500.00',
      'PACKAGE_CREDIT:PROFESSIONAL 2026-11-01..2026-11-14 -451.16',
      'ADDON_CREDIT:GROUP_MEMBER_CAP:PROFESSIONAL 2026-11-01..2026-11-19 -306.45',
    ]);
    // Default mapping Professional -> Standard; legacy DAU and barrage are not billed after E.
    expect(nov).toMatchObject({ scheme: 'CURRENT', currency: 'USD', total: '429.00' });
    expect(summary(nov!)).toEqual(['PACKAGE:STANDARD 2026-11-01..2026-11-30 399.00', 'MAU_OVERAGE:STANDARD 2026-11-01..2026-11-30 30.00']);
  });

  it('months before E stay LEGACY and later months are CURRENT', () => {
    const account = legacy([app(events)], { executedOn: '2026-10-12' });
    expect(rate(account, ['2026-09', '2026-12', '2027-01']).map((i) => `${i.month} ${i.scheme} ${i.currency}`)).toEqual([
      '2026-09 LEGACY CNY', '2026-12 CURRENT USD', '2027-01 CURRENT USD',
    ]);
  });

  it('current-scheme edition changes after E take effect on their date', () => {
    const account = legacy([app([...events, edition('2026-11-10', 'PRO')], usage)], { executedOn: '2026-10-12' });
    expect(summary(rate(account, ['2026-11'])[0]!)).toEqual([
      'PACKAGE:STANDARD 2026-11-01..2026-11-09 119.70',
      'MAU_OVERAGE:PRO 2026-11-01..2026-11-30 30.00',
      'PACKAGE:PRO 2026-11-10..2026-11-30 489.30',
    ]);
  });

  it('the manager\'s choice overrides the default; apps with no legacy events go Trial -> Developer', () => {
    const account = legacy(
      [app([edition('2026-09-15', 'FLAGSHIP')], [], 1400000001), app([], [], 1400000002), app([], [], 1400000003)],
      { executedOn: '2026-10-12', editions: { '1400000001': 'STANDARD', '1400000003': 'PRO' } },
    );
    expect(summary(rate(account, ['2026-11'])[0]!)).toEqual([
      'PACKAGE:STANDARD 2026-11-01..2026-11-30 399.00',
      'PACKAGE:PRO 2026-11-01..2026-11-30 699.00',
    ]);
  });

  it('a Flagship downgrade scheduled on or after E never happens: the app maps to Pro', () => {
    const account = legacy([app([edition('2026-09-20', 'FLAGSHIP'), edition('2026-10-25', 'PROFESSIONAL')])], { executedOn: '2026-10-12' });
    const [oct, nov] = rate(account, ['2026-10', '2026-11']);
    expect(oct!.total).toBe('1160.90');
    expect(summary(nov!)).toEqual(['PACKAGE:PRO 2026-11-01..2026-11-30 699.00']);
  });

  it('a downgrade due before E happens, and the app maps from Professional', () => {
    const account = legacy([app([edition('2026-09-05', 'FLAGSHIP'), edition('2026-09-10', 'PROFESSIONAL')])], { executedOn: '2026-10-12' });
    const [oct, nov] = rate(account, ['2026-10', '2026-11']);
    expect(summary(oct!)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-10-05..2026-11-04 999.00',
      'PACKAGE_CREDIT:PROFESSIONAL 2026-11-01..2026-11-04 -128.90',
    ]);
    expect(summary(nov!)).toEqual(['PACKAGE:STANDARD 2026-11-01..2026-11-30 399.00']);
  });

  it('a cycle ending exactly on E-1 is not cut', () => {
    const account = legacy([app([edition('2026-10-01', 'PROFESSIONAL')])], { executedOn: '2026-10-20' });
    expect(summary(rate(account, ['2026-10'])[0]!)).toEqual(['PACKAGE:PROFESSIONAL 2026-10-01..2026-10-31 999.00']);
  });

  it('refuses a legacy event on or after E, naming it', () => {
    const e = ruleError(legacy([app([edition('2026-09-15', 'PROFESSIONAL'), edition('2026-11-03', 'FLAGSHIP')])], { executedOn: '2026-10-12' }));
    expect(e.field).toBe('apps[0].events[1].date');
    expect(e.message).toBe("legacy event (edition FLAGSHIP) on 2026-11-03 is on or after the migration's effective date 2026-11-01");
    const addon = ruleError(legacy([app([edition('2026-09-15', 'PROFESSIONAL'), addonStart('2026-11-01', 'SECURITY_STRIKE')])], { executedOn: '2026-10-12' }));
    expect(addon.field).toBe('apps[0].events[1].date');
  });

  it('refuses a current edition before E', () => {
    const e = ruleError(legacy([app([edition('2026-10-20', 'PRO')])], { executedOn: '2026-10-12' }));
    expect(e.field).toBe('apps[0].events[0].edition');
    expect(e.message).toContain('until its migration takes effect on 2026-11-01');
  });

  it('refuses migrating a CURRENT account, unknown apps, and dates before the current scheme opened', () => {
    expect(ruleError({ scheme: 'CURRENT', apps: [], migration: { executedOn: '2026-10-12' } }).field).toBe('migration');
    expect(ruleError(legacy([app([])], { executedOn: '2026-10-12', editions: { '1400000009': 'PRO' } })).field).toBe(
      'migration.editions["1400000009"]',
    );
    expect(ruleError(legacy([app([])], { executedOn: '2022-11-30' })).field).toBe('migration.executedOn');
  });
});
