import { afterEach, describe, expect, it } from 'vitest';
import { billingDay, today } from './clock';

describe('the billing calendar (UTC+8)', () => {
  const pinned = process.env.CONSOLE_TODAY;
  afterEach(() => {
    if (pinned === undefined) delete process.env.CONSOLE_TODAY;
    else process.env.CONSOLE_TODAY = pinned;
  });

  it('starts a day at 16:00 UTC of the day before', () => {
    expect(billingDay(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(billingDay(new Date('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23');
    expect(billingDay(new Date('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01');
  });

  it("is today's day unless CONSOLE_TODAY pins it", () => {
    delete process.env.CONSOLE_TODAY;
    expect(today(new Date('2026-02-28T17:00:00Z'))).toBe('2026-03-01');
    process.env.CONSOLE_TODAY = '2026-11-03';
    expect(today(new Date('2026-02-28T17:00:00Z'))).toBe('2026-11-03');
  });
});
