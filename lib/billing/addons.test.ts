/** L5: periodic add-ons. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import type { BillingRuleError } from './errors';
import { rateAccount } from './rate';
import { addonStart, addonStop, app, edition, legacy, rate, rateMonth, ruleErrorOf, summary } from './testdata/helpers';
import type { AccountInput } from './types';

function ruleError(account: AccountInput): BillingRuleError {
  return ruleErrorOf(() => rateAccount(account, ['2026-01'], SHIPPED_PRICE_BOOKS));
}

describe('L5 periodic add-ons', () => {
  it('own cycles anchored at the start, charged in full in the month of each cycle start', () => {
    const account = legacy([app([edition('2026-03-01', 'PROFESSIONAL'), addonStart('2026-03-10', 'GROUP_JOIN_CAP')])]);
    const [mar, apr] = rate(account, ['2026-03', '2026-04']);
    expect(summary(mar!)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-03-01..2026-03-31 999.00',
      'ADDON:GROUP_JOIN_CAP:PROFESSIONAL 2026-03-10..2026-04-09 1100.00',
    ]);
    expect(summary(apr!)).toContain('ADDON:GROUP_JOIN_CAP:PROFESSIONAL 2026-04-10..2026-05-09 1100.00');
    expect(mar!.lines[1]!.explain).toBe(
      'Groups-per-user extension on Professional (1,000 groups/user), cycle 2026-03-10..2026-04-09 (anchor 2026-03-10), prepaid in full: 1 x 1,100',
    );
  });

  it('an upgrade cuts the add-on cycle and restarts it on D at the new edition\'s price', () => {
    const account = legacy([
      app([edition('2026-03-01', 'PROFESSIONAL'), addonStart('2026-03-10', 'GROUP_JOIN_CAP'), edition('2026-04-20', 'FLAGSHIP')]),
    ]);
    const apr = rateMonth(account, '2026-04');
    expect(summary(apr)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-04-01..2026-04-30 999.00',
      'ADDON:GROUP_JOIN_CAP:PROFESSIONAL 2026-04-10..2026-05-09 1100.00',
      'PACKAGE:FLAGSHIP 2026-04-20..2026-05-19 2999.00',
      'PACKAGE_CREDIT:PROFESSIONAL 2026-04-20..2026-04-30 -366.30',
      'ADDON:GROUP_JOIN_CAP:FLAGSHIP 2026-04-20..2026-05-19 900.00',
      'ADDON_CREDIT:GROUP_JOIN_CAP:PROFESSIONAL 2026-04-20..2026-05-09 -733.33',
    ]);
    expect(apr.total).toBe('4898.37');
  });

  it('AV_CHATROOM_UNLIMITED is cut on an upgrade and not restarted (Flagship does not offer it)', () => {
    const account = legacy([
      app([edition('2026-03-01', 'PROFESSIONAL'), addonStart('2026-03-01', 'AV_CHATROOM_UNLIMITED'), edition('2026-03-16', 'FLAGSHIP')]),
    ]);
    const [mar, apr] = rate(account, ['2026-03', '2026-04']);
    expect(summary(mar!)).toContain('ADDON_CREDIT:AV_CHATROOM_UNLIMITED:PROFESSIONAL 2026-03-16..2026-03-31 -516.13');
    expect(summary(mar!).filter((l) => l.startsWith('ADDON:'))).toEqual(['ADDON:AV_CHATROOM_UNLIMITED:PROFESSIONAL 2026-03-01..2026-03-31 1000.00']);
    expect(summary(apr!)).toEqual(['PACKAGE:FLAGSHIP 2026-04-16..2026-05-15 2999.00']);
  });

  it('a stop ends the add-on after the cycle holding the stop date, no refund', () => {
    const account = legacy([
      app([edition('2026-03-01', 'PROFESSIONAL'), addonStart('2026-03-10', 'GROUP_MEMBER_CAP'), addonStop('2026-03-25', 'GROUP_MEMBER_CAP')]),
    ]);
    const [mar, apr] = rate(account, ['2026-03', '2026-04']);
    expect(summary(mar!)).toContain('ADDON:GROUP_MEMBER_CAP:PROFESSIONAL 2026-03-10..2026-04-09 500.00');
    expect(mar!.lines.find((l) => l.code === 'ADDON')?.explain).toContain('last cycle (stop requested on 2026-03-25)');
    expect(summary(apr!)).toEqual(['PACKAGE:PROFESSIONAL 2026-04-01..2026-04-30 999.00']);
  });

  it('a stopped add-on is still cut by an edition change before its end, and not restarted', () => {
    const account = legacy([
      app([
        edition('2026-03-01', 'PROFESSIONAL'),
        addonStart('2026-03-10', 'GROUP_MEMBER_CAP'),
        addonStop('2026-03-25', 'GROUP_MEMBER_CAP'),
        edition('2026-04-01', 'FLAGSHIP'),
      ]),
    ]);
    const apr = rateMonth(account, '2026-04');
    expect(summary(apr)).toEqual([
      'PACKAGE:FLAGSHIP 2026-04-01..2026-04-30 2999.00',
      'ADDON_CREDIT:GROUP_MEMBER_CAP:PROFESSIONAL 2026-04-01..2026-04-09 -145.16',
    ]);
  });

  it('starting it again while a stop is pending cancels the stop', () => {
    const account = legacy([
      app([
        edition('2026-03-01', 'PROFESSIONAL'),
        addonStart('2026-03-10', 'SECURITY_STRIKE'),
        addonStop('2026-03-25', 'SECURITY_STRIKE'),
        addonStart('2026-04-02', 'SECURITY_STRIKE'),
      ]),
    ]);
    expect(summary(rateMonth(account, '2026-04'))).toContain('ADDON:SECURITY_STRIKE:PROFESSIONAL 2026-04-10..2026-05-09 1000.00');
  });

  it('starting it after the stop took effect buys a new cycle anchored at the new start', () => {
    const account = legacy([
      app([
        edition('2026-03-01', 'PROFESSIONAL'),
        addonStart('2026-03-10', 'SECURITY_STRIKE'),
        addonStop('2026-03-25', 'SECURITY_STRIKE'),
        addonStart('2026-04-15', 'SECURITY_STRIKE'),
      ]),
    ]);
    expect(summary(rateMonth(account, '2026-04'))).toContain('ADDON:SECURITY_STRIKE:PROFESSIONAL 2026-04-15..2026-05-14 1000.00');
  });

  it('a downgrade cuts running add-ons when it takes effect and restarts them at Professional prices', () => {
    const account = legacy([
      app([edition('2026-01-10', 'FLAGSHIP'), addonStart('2026-01-20', 'GROUP_JOIN_CAP'), edition('2026-02-15', 'PROFESSIONAL')]),
    ]);
    const mar = rateMonth(account, '2026-03');
    expect(summary(mar)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-03-10..2026-04-09 999.00',
      'ADDON:GROUP_JOIN_CAP:PROFESSIONAL 2026-03-10..2026-04-09 1100.00',
      'ADDON_CREDIT:GROUP_JOIN_CAP:FLAGSHIP 2026-03-10..2026-03-19 -321.43',
    ]);
    expect(mar.total).toBe('1777.57');
  });

  it('an add-on started and the edition upgraded on the same day: no cycle at the old price', () => {
    const account = legacy([
      app([edition('2026-03-01', 'PROFESSIONAL'), addonStart('2026-03-10', 'GROUP_MEMBER_CAP'), edition('2026-03-10', 'FLAGSHIP')]),
    ]);
    expect(summary(rateMonth(account, '2026-03')).filter((l) => l.includes('GROUP_MEMBER_CAP'))).toEqual([
      'ADDON:GROUP_MEMBER_CAP:FLAGSHIP 2026-03-10..2026-04-09 500.00',
    ]);
  });

  it('is not offered on Trial, and AV_CHATROOM_UNLIMITED not on Flagship', () => {
    const trial = ruleError(legacy([app([addonStart('2026-01-05', 'GROUP_MEMBER_CAP')])]));
    expect(trial.field).toBe('apps[0].events[0].addon');
    expect(trial.message).toBe('GROUP_MEMBER_CAP is not offered on Trial: add-ons need Professional or Flagship');
    const flagship = ruleError(legacy([app([edition('2026-01-01', 'FLAGSHIP'), addonStart('2026-01-05', 'AV_CHATROOM_UNLIMITED')])]));
    expect(flagship.field).toBe('apps[0].events[1].addon');
    expect(flagship.message).toContain('AV_CHATROOM_UNLIMITED is not offered on Flagship');
  });

  it('stopping an add-on that is not running is refused', () => {
    const e = ruleError(legacy([app([edition('2026-01-01', 'FLAGSHIP'), addonStop('2026-01-05', 'GROUP_JOIN_CAP')])]));
    expect(e.field).toBe('apps[0].events[1].action');
    expect(e.message).toContain('GROUP_JOIN_CAP is not active on 2026-01-05');
  });
});
