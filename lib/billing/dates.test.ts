import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addMonthsClamped,
  countDays,
  dayFromCivil,
  daysInMonth,
  formatDay,
  isValidDate,
  isValidMonth,
  monthBounds,
  nextMonth,
  parseDay,
} from './dates';

describe('dates', () => {
  it('round-trips every day from 1999 to 2101', () => {
    const from = parseDay('1999-01-01') as number;
    const to = parseDay('2101-12-31') as number;
    const wrong: number[] = [];
    for (let d = from; d <= to; d++) if (parseDay(formatDay(d)) !== d) wrong.push(d);
    expect(wrong).toEqual([]);
  });

  it('counts days since 1970-01-01 (the Unix epoch day numbers)', () => {
    expect(dayFromCivil(2026, 10, 15)).toBe(20_741);
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
  });

  it('refuses impossible dates and malformed strings', () => {
    for (const s of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) {
      expect(isValidDate(s), s).toBe(false);
    }
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2100-02-29')).toBe(false);
  });

  it('validates months', () => {
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-13')).toBe(false);
    expect(isValidMonth('2026-00')).toBe(false);
    expect(isValidMonth('2026-1')).toBe(false);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29', days: 29 });
  });

  it('counts days inclusively', () => {
    expect(countDays('2026-10-15', '2026-11-14')).toBe(31);
    expect(countDays('2026-11-05', '2026-11-05')).toBe(1);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('adds months from the anchor, clamping to the month end, never chaining the clamp', () => {
    expect([0, 1, 2, 3, 4].map((k) => addMonths('2026-01-31', k))).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31',
    ]);
    expect([1, 12, 13, 48].map((k) => addMonths('2028-02-29', k))).toEqual(['2028-03-29', '2029-02-28', '2029-03-29', '2032-02-29']);
    const anchor = parseDay('2026-12-15') as number;
    expect(formatDay(addMonthsClamped(anchor, 1))).toBe('2027-01-15');
    expect(formatDay(addMonthsClamped(anchor, -12))).toBe('2025-12-15');
  });
});
