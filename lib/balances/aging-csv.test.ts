import { describe, expect, it } from 'vitest';
import { csvCell } from '../csv';
import { agingBucket, agingCsv } from './aging-csv';

describe('aging CSV', () => {
  it('neutralises formula cells and keeps negative amounts as numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-12.50')).toBe('-12.50');
  });

  it('buckets days overdue as current, 1-30, 31-60, 61-90, 90+', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual(['current', 'd1_30', 'd1_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90plus']);
  });

  it('writes totals then invoices, with an account name that looks like a formula neutralised', () => {
    const csv = agingCsv(
      [{ currency: 'USD', current: '1.00', d1_30: '0', d31_60: '0', d61_90: '0', d90plus: '0', total: '1.00', invoices: 1 }],
      [{ id: 1, number: 'INV-2026-000001', accountId: 7, accountName: '=cmd|calc', currency: 'USD', dueDate: '2026-12-01', daysOverdue: 0, amountDue: '1.00' }],
    );
    expect(csv).toContain("invoice,USD,INV-2026-000001,7,'=cmd|calc,2026-12-01,0,current,1.00");
  });
});
