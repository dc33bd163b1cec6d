import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { ZERO, formatAmount, formatCount, formatGrouped, formatPlain, microsToDecimal, prorate, roundToCents, toMicros, toMoney } from './money';

/** Half-up rounding of p * days / n to cents with BigInt rationals: the reference. */
function exactCents(price: string, days: number, n: number): string {
  const [int, frac = ''] = price.split('.');
  const scale = 10n ** BigInt(frac.length);
  const num = BigInt(int + frac) * BigInt(days) * 100n;
  const den = scale * BigInt(n);
  const cents = (2n * num + den) / (2n * den);
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

describe('money', () => {
  it('pro-rates then rounds once, exactly like rational arithmetic', () => {
    const prices = new Set(SHIPPED_PRICE_BOOKS.flatMap((b) => Object.values(b.prices)));
    for (const extra of ['0.000001', '123456.789012', '999999999999.999999', '7']) prices.add(extra);
    for (const price of prices) {
      for (let n = 28; n <= 31; n++) {
        for (let days = 1; days <= n; days++) {
          expect(formatAmount(roundToCents(prorate(toMoney(price), days, n))), `${price} x ${days}/${n}`).toBe(exactCents(price, days, n));
        }
      }
    }
  });

  it('rounds half up (away from zero for credits)', () => {
    expect(formatAmount(roundToCents(toMoney('0.005')))).toBe('0.01');
    expect(formatAmount(roundToCents(toMoney('-0.005')))).toBe('-0.01');
    expect(formatAmount(roundToCents(toMoney('322.2580645')))).toBe('322.26');
    expect(formatAmount(ZERO.neg())).toBe('0.00');
  });

  it('formats for people and for JSON', () => {
    expect(formatCount(25_310)).toBe('25,310');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatGrouped(toMoney('2999'))).toBe('2,999');
    expect(formatGrouped(toMoney('-1234567.015'))).toBe('-1,234,567.015');
    expect(formatPlain(toMoney('999.000000'))).toBe('999');
    expect(formatPlain(toMoney('0.015'))).toBe('0.015');
    expect(formatPlain(toMoney('1e-7'))).toBe('0.0000001');
  });

  it('reads bandwidth as exact millionths on the fast path only', () => {
    expect(toMicros('3.5')).toBe(3_500_000);
    expect(toMicros('0')).toBe(0);
    expect(toMicros('999999999.999999')).toBe(999_999_999_999_999);
    expect(toMicros('0.0000001')).toBeNull();
    expect(toMicros('1234567890')).toBeNull();
    expect(toMicros('1.')).toBeNull();
    expect(toMicros('.5')).toBeNull();
    expect(toMicros('-1')).toBeNull();
    expect(formatPlain(microsToDecimal(3_500_001))).toBe('3.500001');
  });
});
