import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BASIS_PARTS, canonicalJson, changedParts, previewToken, type PreviewBasis } from './token';

const basis = (): PreviewBasis => ({
  account: { id: 3, scheme: 'LEGACY', currency: 'CNY' },
  apps: [{ sdkAppId: 1400000001n, createdOn: '2021-02-03' }],
  events: [{ sdkAppId: 1400000001, events: [{ date: '2021-09-01', type: 'edition', edition: 'FLAGSHIP' }] }],
  usage: [{ sdkAppId: 1400000001, usage: [{ date: '2026-10-01', dau: 9000, barrageDomesticMbps: '3.500' }] }],
  editions: { '1400000001': 'PRO' },
  months: ['2026-08', '2026-09', '2026-10'],
  priceBooks: [{ id: '1', scheme: 'LEGACY', version: 1, effectiveFrom: '2019-01-01', prices: { 'PACKAGE.FLAGSHIP': '2999' } }],
  effectiveOn: '2026-12-01',
});

describe('canonicalJson', () => {
  it('sorts keys at every level and prints bigint and decimals exactly', () => {
    expect(canonicalJson({ b: 1, a: { d: [2n, new Decimal('0.015')], c: undefined } })).toBe('{"a":{"d":["2","0.015"]},"b":1}');
  });
});

describe('previewToken', () => {
  it('is stable for the same basis whatever the key order', () => {
    const a = previewToken(basis());
    const reordered = Object.fromEntries(Object.entries(basis()).reverse()) as PreviewBasis;
    expect(previewToken(reordered)).toEqual(a);
    expect(a.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any part, and names the part', () => {
    const a = previewToken(basis());
    const cases: [keyof PreviewBasis, (b: PreviewBasis) => void][] = [
      ['usage', (b) => ((b.usage as { usage: { dau: number }[] }[])[0]!.usage[0]!.dau = 9001)],
      ['events', (b) => (b.events as { events: unknown[] }[])[0]!.events.push({ date: '2026-11-01', type: 'addon', addon: 'SECURITY_STRIKE', action: 'start' })],
      ['editions', (b) => (b.editions = { '1400000001': 'STANDARD' })],
      ['priceBooks', (b) => ((b.priceBooks as { prices: Record<string, string> }[])[0]!.prices['PACKAGE.FLAGSHIP'] = '3099')],
      ['effectiveOn', (b) => (b.effectiveOn = '2027-01-01')],
      ['apps', (b) => (b.apps as unknown[]).push({ sdkAppId: 1400000002n, createdOn: '2026-11-20' })],
    ];
    for (const [part, mutate] of cases) {
      const b = basis();
      mutate(b);
      const changed = previewToken(b);
      expect(changed.token, part).not.toBe(a.token);
      expect(changedParts(a.parts, changed.parts)).toEqual([part]);
    }
  });

  it('reports every part as changed when the stored parts are missing', () => {
    expect(changedParts(undefined, previewToken(basis()).parts)).toEqual([...BASIS_PARTS]);
  });
});
