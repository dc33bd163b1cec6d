import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS, rateAccount, type AppInput, type Invoice } from '../billing';
import { buildCurrentPreviewInput, defaultEditions, migrationDates, previewMonths, reportsMau, totalsByApp } from './rerate';

describe('previewMonths', () => {
  it('takes the full months before the month of today, oldest first', () => {
    expect(previewMonths('2026-11-23', 3)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(previewMonths('2026-11-01', 1)).toEqual(['2026-10']);
    expect(previewMonths('2026-02-28', 12)).toEqual([
      '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07',
      '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01',
    ]);
  });

  it('crosses a year and refuses nonsense counts', () => {
    expect(previewMonths('2027-01-31', 2)).toEqual(['2026-11', '2026-12']);
    expect(() => previewMonths('2026-11-23', 0)).toThrow(RangeError);
    expect(() => previewMonths('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('migrationDates', () => {
  it('E is the first day of the next month, E-1 the last legacy day', () => {
    expect(migrationDates('2026-11-23')).toEqual({ effectiveOn: '2026-12-01', lastLegacyDay: '2026-11-30' });
    expect(migrationDates('2026-12-31')).toEqual({ effectiveOn: '2027-01-01', lastLegacyDay: '2026-12-31' });
    expect(migrationDates('2028-02-01')).toEqual({ effectiveOn: '2028-03-01', lastLegacyDay: '2028-02-29' });
  });
});

describe('defaultEditions', () => {
  it('maps Trial -> Developer, Professional -> Standard, Flagship -> Pro', () => {
    expect(
      defaultEditions(
        new Map([
          [1400000001, 'TRIAL'],
          [1400000002, 'PROFESSIONAL'],
          [1400000003, 'FLAGSHIP'],
        ] as const),
      ),
    ).toEqual({ '1400000001': 'DEVELOPER', '1400000002': 'STANDARD', '1400000003': 'PRO' });
  });
});

const usage = (dates: string[], mau?: number): AppInput['usage'] => dates.map((date) => (mau === undefined ? { date, dau: 20_000 } : { date, dau: 20_000, mau }));

describe('buildCurrentPreviewInput', () => {
  const legacyApp: AppInput = {
    sdkAppId: 1400000001,
    events: [
      { date: '2026-01-10', type: 'edition', edition: 'PROFESSIONAL' },
      { date: '2026-02-01', type: 'addon', addon: 'GROUP_MEMBER_CAP', action: 'start' },
    ],
    usage: usage(['2026-09-10', '2026-10-31'], 13_000),
  };

  it('drops the legacy events and puts each app on its chosen edition from the first day', () => {
    const input = buildCurrentPreviewInput({ apps: [{ input: legacyApp, createdOn: '2025-05-01' }], editions: { '1400000001': 'PRO' }, from: '2026-09-01' });
    expect(input).toEqual({
      scheme: 'CURRENT',
      apps: [{ sdkAppId: 1400000001, events: [{ date: '2026-09-01', type: 'edition', edition: 'PRO' }], usage: legacyApp.usage }],
    });
  });

  it('starts an app created inside the window on its creation day, and leaves Developer without events', () => {
    const input = buildCurrentPreviewInput({
      apps: [
        { input: legacyApp, createdOn: '2026-09-16' },
        { input: { sdkAppId: 1400000002, events: [], usage: [] } },
      ],
      editions: { '1400000001': 'STANDARD', '1400000002': 'DEVELOPER' },
      from: '2026-09-01',
    });
    expect(input.apps[0]?.events).toEqual([{ date: '2026-09-16', type: 'edition', edition: 'STANDARD' }]);
    expect(input.apps[1]?.events).toEqual([]);
  });

  it('rates through the engine as the current scheme would have billed (C1, C2)', () => {
    const input = buildCurrentPreviewInput({ apps: [{ input: legacyApp, createdOn: '2026-09-16' }], editions: { '1400000001': 'STANDARD' }, from: '2026-09-01' });
    const [sep, oct] = rateAccount(input, ['2026-09', '2026-10'], SHIPPED_PRICE_BOOKS) as [Invoice, Invoice];
    expect(sep.currency).toBe('USD');
    // 399 x 15/30 days; MAU 13,000 on 09-10: 3,000 x 0.015 = 45 (the MAU line covers the month).
    expect(sep.lines.map((l) => [l.code, l.from, l.amount.toFixed(2)])).toEqual([
      ['MAU_OVERAGE', '2026-09-01', '45.00'],
      ['PACKAGE', '2026-09-16', '199.50'],
    ]);
    expect(oct.total.toFixed(2)).toBe('444.00');
  });
});

describe('totalsByApp', () => {
  it('sums rounded line amounts per app and month; the apps add up to the invoices', () => {
    const apps: AppInput[] = [
      { sdkAppId: 1400000001, events: [{ date: '2026-09-20', type: 'edition', edition: 'FLAGSHIP' }], usage: [] },
      { sdkAppId: 1400000002, events: [{ date: '2026-10-15', type: 'edition', edition: 'PROFESSIONAL' }], usage: [{ date: '2026-10-20', dau: 25_310 }] },
      { sdkAppId: 1400000003, events: [], usage: [] },
    ];
    const invoices = rateAccount({ scheme: 'LEGACY', apps }, ['2026-09', '2026-10'], SHIPPED_PRICE_BOOKS);
    const totals = totalsByApp(invoices, [1400000001, 1400000002, 1400000003]);
    expect(totals.get(1400000001)?.byMonth.map((d) => d.toFixed(2))).toEqual(['2999.00', '2999.00']);
    expect(totals.get(1400000002)?.byMonth.map((d) => d.toFixed(2))).toEqual(['0.00', '2999.00']);
    expect(totals.get(1400000003)?.total.toFixed(2)).toBe('0.00');
    const sum = [...totals.values()].reduce((a, t) => a.plus(t.total), totals.get(1400000003)!.total.minus(totals.get(1400000003)!.total));
    expect(sum.toFixed(2)).toBe(invoices.reduce((a, i) => a.plus(i.total), invoices[0]!.total.minus(invoices[0]!.total)).toFixed(2));
  });
});

describe('reportsMau', () => {
  it('tells whether any row of the months reports MAU', () => {
    const app: AppInput = { sdkAppId: 1, events: [], usage: [...usage(['2026-08-31']), ...usage(['2026-09-02'], 5)] };
    expect(reportsMau(app, ['2026-09'])).toBe(true);
    expect(reportsMau(app, ['2026-08'])).toBe(false);
  });
});
