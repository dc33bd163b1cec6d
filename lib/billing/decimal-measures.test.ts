/**
 * Decimal measures (DOMAIN.md section 9) may be JSON numbers or decimal strings: a number is read
 * from its shortest decimal text, never through float arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { decimalTextOfNumber } from './digits';
import { simulate } from './simulator';
import barrageAsNumber from './testdata/good/barrage-as-number.json';

describe('decimal measures', () => {
  it('rates a scenario with Mbps as JSON numbers exactly as with the same decimal strings', () => {
    const asNumbers = simulate(barrageAsNumber);
    const asStrings = simulate(JSON.parse(JSON.stringify(barrageAsNumber).replace(/("barrage\w+Mbps": )([\d.]+)/g, '$1"$2"')));
    expect(asNumbers.ok && asStrings.ok).toBe(true);
    if (!asNumbers.ok || !asStrings.ok) return;
    expect(asNumbers.output).toEqual(asStrings.output);
    expect(asNumbers.output.invoices[0]!.lines.filter((l) => l.code === 'BARRAGE_BANDWIDTH').map((l) => [l.quantity, l.amount])).toEqual([
      ['4.75', '9.50'],
      ['2.125', '8.50'],
    ]);
  });

  it('reads a number from its shortest decimal text, an exponent spelled out', () => {
    expect(decimalTextOfNumber(3.5)).toBe('3.5');
    expect(decimalTextOfNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(decimalTextOfNumber(1.5e-7)).toBe('0.00000015');
    expect(decimalTextOfNumber(2e21)).toBe('2000000000000000000000');
    expect(decimalTextOfNumber(-1.25e-7)).toBe('-0.000000125');
    expect(decimalTextOfNumber(1.2345e22)).toBe('12345000000000000000000');
    expect(decimalTextOfNumber(Number.NaN)).toBeNull();
    expect(decimalTextOfNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
