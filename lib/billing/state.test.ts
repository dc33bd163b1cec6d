/** appStateOn, validateNewEvent and diffInvoices: what the console builds on. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { BillingRuleError } from './errors';
import { diffInvoices, rateAccount, validateNewEvent } from './rate';
import { serializeLine } from './serialize';
import { appStateOn } from './state';
import { addonStart, addonStop, app, edition, legacy, retention } from './testdata/helpers';

const events = [
  edition('2026-01-10', 'FLAGSHIP'),
  addonStart('2026-01-20', 'GROUP_JOIN_CAP'),
  retention('2026-01-20', 90),
  addonStart('2026-02-01', 'SECURITY_STRIKE'),
  edition('2026-02-15', 'PROFESSIONAL'),
  addonStop('2026-02-18', 'SECURITY_STRIKE'),
];

describe('appStateOn', () => {
  it('shows the edition, a scheduled downgrade, the running cycle, add-ons and retention', () => {
    expect(appStateOn({ scheme: 'LEGACY', sdkAppId: 1400000001, events }, '2026-02-20')).toEqual({
      scheme: 'LEGACY',
      edition: 'FLAGSHIP',
      since: '2026-01-10',
      pendingDowngrade: { edition: 'PROFESSIONAL', effectiveOn: '2026-03-10' },
      currentCycle: { from: '2026-02-10', to: '2026-03-09' },
      addons: [
        { code: 'GROUP_JOIN_CAP', edition: 'FLAGSHIP', since: '2026-01-20', cycle: { from: '2026-02-20', to: '2026-03-19' } },
        {
          code: 'SECURITY_STRIKE', edition: 'FLAGSHIP', since: '2026-02-01',
          cycle: { from: '2026-02-01', to: '2026-02-28' }, stopsAfter: '2026-02-28',
        },
      ],
      retention: { days: 90, since: '2026-01-20' },
    });
  });

  it('ignores events after the day, and shows the downgrade once it took effect', () => {
    const before = appStateOn({ scheme: 'LEGACY', sdkAppId: 1400000001, events }, '2026-01-15');
    expect(before).toMatchObject({ edition: 'FLAGSHIP', addons: [] });
    expect(before.pendingDowngrade).toBeUndefined();
    const after = appStateOn({ scheme: 'LEGACY', sdkAppId: 1400000001, events }, '2026-03-12');
    expect(after).toMatchObject({ edition: 'PROFESSIONAL', since: '2026-03-10', currentCycle: { from: '2026-03-10', to: '2026-04-09' } });
    expect(after.addons).toEqual([
      { code: 'GROUP_JOIN_CAP', edition: 'PROFESSIONAL', since: '2026-03-10', cycle: { from: '2026-03-10', to: '2026-04-09' } },
    ]);
  });

  it('a new app is on Trial (legacy) or Developer (current) since creation', () => {
    expect(appStateOn({ scheme: 'LEGACY', sdkAppId: 1, events: [] }, '2026-01-01')).toEqual({ scheme: 'LEGACY', edition: 'TRIAL', since: null, addons: [] });
    expect(appStateOn({ scheme: 'CURRENT', sdkAppId: 1, events: [] }, '2026-01-01')).toEqual({ scheme: 'CURRENT', edition: 'DEVELOPER', since: null, addons: [] });
  });

  it('after a migration takes effect the app is on its current edition', () => {
    const migration = { executedOn: '2026-03-05' };
    expect(appStateOn({ scheme: 'LEGACY', migration, sdkAppId: 1400000001, events }, '2026-04-02')).toEqual({
      scheme: 'CURRENT',
      edition: 'STANDARD',
      since: '2026-04-01',
      addons: [],
      migration: { executedOn: '2026-03-05', effectiveOn: '2026-04-01' },
    });
    expect(appStateOn({ scheme: 'LEGACY', migration, sdkAppId: 1400000001, events }, '2026-03-20')).toMatchObject({
      scheme: 'LEGACY', edition: 'PROFESSIONAL', migration: { effectiveOn: '2026-04-01' },
    });
  });
});

describe('appStateOn and a migration', () => {
  it('does not show a downgrade that the migration makes moot', () => {
    const state = appStateOn(
      { scheme: 'LEGACY', migration: { executedOn: '2026-10-12' }, sdkAppId: 1400000001, events: [edition('2026-09-20', 'FLAGSHIP'), edition('2026-10-25', 'PROFESSIONAL')] },
      '2026-10-26',
    );
    expect(state).toMatchObject({ scheme: 'LEGACY', edition: 'FLAGSHIP', migration: { effectiveOn: '2026-11-01' } });
    expect(state.pendingDowngrade).toBeUndefined();
  });
});

describe('validateNewEvent', () => {
  const existing = [edition('2026-01-10', 'PROFESSIONAL')];

  it('accepts a valid event', () => {
    expect(() => validateNewEvent({ scheme: 'LEGACY', events: existing, event: edition('2026-02-01', 'FLAGSHIP') })).not.toThrow();
  });

  it('refuses paid -> Trial with a human message on event.edition', () => {
    try {
      validateNewEvent({ scheme: 'LEGACY', events: existing, event: edition('2026-02-01', 'TRIAL') });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BillingRuleError);
      expect((e as BillingRuleError).field).toBe('event.edition');
      expect((e as BillingRuleError).message).toMatch(/^Paid -> Trial is refused: create a new app instead/);
    }
  });

  it('refuses legacy events after a migration\'s effective date', () => {
    expect(() =>
      validateNewEvent({ scheme: 'LEGACY', migration: { executedOn: '2026-01-20' }, events: existing, event: addonStart('2026-02-03', 'SECURITY_STRIKE') }),
    ).toThrow(/on or after the migration's effective date 2026-02-01/);
  });
});

describe('diffInvoices', () => {
  it('shows the lines an upgrade adds and removes', () => {
    const base = legacy([app([edition('2026-10-15', 'PROFESSIONAL')])]);
    const changed = legacy([app([edition('2026-10-15', 'PROFESSIONAL'), edition('2026-11-05', 'FLAGSHIP')])]);
    const months = ['2026-10', '2026-11', '2026-12'];
    const diff = diffInvoices(rateAccount(base, months, SHIPPED_PRICE_BOOKS), rateAccount(changed, months, SHIPPED_PRICE_BOOKS));
    expect(diff.map((d) => ({ ...d, added: d.added.map((l) => `${serializeLine(l).code} ${serializeLine(l).amount}`), removed: d.removed.map((l) => `${l.code} ${l.from}`) }))).toEqual([
      { month: '2026-10', added: [], removed: [], totalBefore: '999.00', totalAfter: '999.00' },
      { month: '2026-11', added: ['PACKAGE 2999.00', 'PACKAGE_CREDIT -322.26'], removed: ['PACKAGE 2026-11-15'], totalBefore: '999.00', totalAfter: '2676.74' },
      { month: '2026-12', added: ['PACKAGE 2999.00'], removed: ['PACKAGE 2026-12-15'], totalBefore: '999.00', totalAfter: '2999.00' },
    ]);
  });
});
