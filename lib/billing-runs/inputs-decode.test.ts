import { describe, expect, it } from 'vitest';
import { parseDay } from '../billing/dates';
import { assembleAccountInputs, eachRatingInput, type InputRow } from '../rating/inputs';
import { textList } from '../db/sql';

const base = { scheme: 'LEGACY' as const, executedOn: null, effectiveOn: null, editions: null };

describe('assembleAccountInputs (the billing run decodes PostgreSQL row texts)', () => {
  it('decodes usage days with missing measures and decimal bandwidth, and events with their fields', () => {
    const rows: InputRow[] = [
      {
        ...base,
        accountId: 1,
        sdkAppId: '1400000001',
        events: '(2026-09-01,EDITION,PROFESSIONAL,,,);(2026-10-05,ADDON,,HISTORY_RETENTION,START,90);(2026-10-20,ADDON,,GROUP_MEMBER_CAP,STOP,)',
        usage: '(0,12000,150000,,,3.500,0.250);(19,25310,,,,,);(30,,,,7,12,)',
      },
      { ...base, accountId: 1, sdkAppId: '1400000002', events: null, usage: null },
      { ...base, accountId: 2, sdkAppId: null, events: null, usage: null },
    ];
    const loaded = assembleAccountInputs(rows, { usageFrom: '2026-10-01', usageTo: '2026-10-31' });
    expect([...loaded.keys()]).toEqual([1, 2]);
    expect(loaded.get(2)?.input.apps).toEqual([]);
    const [app, empty] = loaded.get(1)!.input.apps;
    expect(empty).toEqual({ sdkAppId: 1400000002, events: [], usage: [] });
    expect(app!.events).toEqual([
      { date: '2026-09-01', type: 'edition', edition: 'PROFESSIONAL' },
      { date: '2026-10-05', type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: 90 },
      { date: '2026-10-20', type: 'addon', addon: 'GROUP_MEMBER_CAP', action: 'stop' },
    ]);
    expect(app!.usage).toEqual([
      { date: '2026-10-01', dau: 12000, peakGroups: 150000, barrageDomesticMbps: '3.500', barrageIntlMbps: '0.250' },
      { date: '2026-10-20', dau: 25310 },
      { date: '2026-10-31', pcc: 7, barrageDomesticMbps: '12' },
    ]);
  });

  it('starts a migrated account on LEGACY with its migration', () => {
    const loaded = assembleAccountInputs(
      [{ accountId: 3, scheme: 'CURRENT', executedOn: '2026-10-12', effectiveOn: '2026-11-01', editions: { '1400000009': 'PRO' }, sdkAppId: '1400000009', events: null, usage: null }],
      { usageFrom: '2026-11-01', usageTo: '2026-11-30' },
    );
    expect(loaded.get(3)).toMatchObject({
      scheme: 'CURRENT',
      migration: { executedOn: '2026-10-12', effectiveOn: '2026-11-01', editions: { '1400000009': 'PRO' } },
      input: { scheme: 'LEGACY', migration: { executedOn: '2026-10-12', editions: { '1400000009': 'PRO' } } },
    });
  });

  it('decodes the billing run\'s inputs straight into usage indexes, apps by SDKAppID whatever order they came in', () => {
    const rows: InputRow[] = [
      { ...base, accountId: 1, sdkAppId: '1400000002', events: null, usage: '(30,7,,,,,);(0,5,,,,0.1234567,)' },
      { ...base, accountId: 1, sdkAppId: '1400000001', events: '(2026-10-05,EDITION,FLAGSHIP,,,,9);(2026-10-05,EDITION,PROFESSIONAL,,,,3)', usage: null },
      { ...base, accountId: 2, sdkAppId: null, events: null, usage: null },
    ];
    const accounts = [...eachRatingInput(rows, { usageFrom: '2026-10-01' })];
    expect(accounts.map((a) => [a.accountId, a.input.apps.map((app) => app.sdkAppId)])).toEqual([[1, [1400000001, 1400000002]], [2, []]]);
    const [first, second] = accounts[0]!.input.apps;
    // Same-day events in the order they were recorded (by id).
    expect(first!.events.map((e) => e.type === 'edition' && e.edition)).toEqual(['PROFESSIONAL', 'FLAGSHIP']);
    const october = second!.usage.month(2026 * 12 + 9);
    expect(october.day).toEqual([parseDay('2026-10-01'), parseDay('2026-10-31')]);
    expect(october.dau).toEqual([5, 7]);
    expect(october.domExact?.map((d) => d?.toString() ?? null)).toEqual(['0.1234567', null]);
  });
});

describe('textList (texts as one parameter for string_to_array($n, chr(31)))', () => {
  it('joins texts, and refuses one holding the separator or a lone empty text', () => {
    expect(textList(['a "quoted" \\ text', 'b'])).toBe('a "quoted" \\ text\x1fb');
    expect(textList([])).toBe('');
    expect(() => textList(['a\x1fb'])).toThrow(/unit separator/);
    expect(() => textList([''])).toThrow(/non-empty/);
  });
});
