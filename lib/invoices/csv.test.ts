import { describe, expect, it } from 'vitest';
import { invoiceCsv, invoiceCsvFilename } from './csv';
import type { InvoiceDetail } from './queries';

const invoice: InvoiceDetail = {
  id: 7,
  number: 'INV-2026-000003',
  status: 'ISSUED',
  month: '2026-11',
  period: { from: '2026-11-01', to: '2026-11-30' },
  scheme: 'CURRENT',
  currency: 'USD',
  total: '311.00',
  createdAt: '2026-12-01T00:00:00.000Z',
  issuedAt: '2026-12-03T01:00:00.000Z',
  paidAt: null,
  voidedAt: null,
  voidReason: null,
  plannedIssueDate: '2026-12-03',
  issueOverdue: false,
  billingRunId: 1,
  replaces: null,
  replacedBy: null,
  account: { id: 2, name: 'Brightwave', contactEmail: 'b@example.com' },
  apps: [
    {
      sdkAppId: '1400000005',
      appName: '=HYPERLINK("x"), "quoted"',
      dataCenter: 'USA',
      subtotal: '311.00',
      lines: [
        { position: 1, code: 'PACKAGE', edition: 'STANDARD', addon: null, from: '2026-11-11', to: '2026-11-30', quantity: '20', unitPrice: '399', amount: '266.00', explanation: { key: 'current.package', params: { edition: 'STANDARD', from: '2026-11-11', to: '2026-11-30', price: '399', days: 20, ofDays: 30 } } },
        { position: 2, code: 'MAU_OVERAGE', edition: 'STANDARD', addon: null, from: '2026-11-01', to: '2026-11-30', quantity: '3000', unitPrice: '0.015', amount: '45.00', explanation: { key: 'mau', params: { mau: 13000, month: '2026-11', reportedOn: '2026-11-30', over: 3000, free: 10000, price: '0.015', edition: 'STANDARD', lastDay: '2026-11-30' } } },
      ],
    },
  ],
};

describe('invoiceCsv', () => {
  it('writes one row per line and a total, amounts as exact strings', () => {
    const lines = invoiceCsv(invoice, 'en').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      'INV-2026-000003,ISSUED,2026-11,USD,1400000005,"\'=HYPERLINK(""x""), ""quoted""",MAU_OVERAGE,MAU overage,STANDARD,,2026-11-01,2026-11-30,3000,0.015,45.00,"MAU 13,000 (highest reported in 2026-11, on 2026-11-30); 3,000 over 10,000 free x 0.015; Standard on 2026-11-30"',
    );
    expect(lines[3]).toBe('INV-2026-000003,ISSUED,2026-11,USD,,,TOTAL,Total,,,2026-11-01,2026-11-30,,,311.00,');
  });

  it("renders descriptions and explanations in the reader's language", () => {
    const lines = invoiceCsv(invoice, 'zh').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toBe('INV-2026-000003,ISSUED,2026-11,USD,1400000005,"\'=HYPERLINK(""x""), ""quoted""",PACKAGE,套餐包,STANDARD,,2026-11-11,2026-11-30,20,399,266.00,标准版 2026-11-11..2026-11-30：399 × 20/30 天');
    expect(lines[3]).toBe('INV-2026-000003,ISSUED,2026-11,USD,,,TOTAL,合计,,,2026-11-01,2026-11-30,,,311.00,');
  });

  it('starts with a byte-order mark and names the file after the number', () => {
    expect(invoiceCsv(invoice, 'en').startsWith('\uFEFF')).toBe(true);
    expect(invoiceCsvFilename(invoice)).toBe('INV-2026-000003_2026-11.csv');
    expect(invoiceCsvFilename({ ...invoice, number: null })).toBe('draft-7_2026-11.csv');
  });

  it('neutralises a formula behind a TAB or spaces and keeps a credit amount a number', () => {
    const hostile: InvoiceDetail = {
      ...invoice,
      apps: [
        {
          ...invoice.apps[0]!,
          appName: "\t=cmd|' /C calc'!A0",
          lines: [{ position: 1, code: 'PACKAGE', edition: 'STANDARD', addon: null, from: '2026-11-01', to: '2026-11-10', quantity: '-10', unitPrice: '999', amount: '-322.26', explanation: { key: 'text', params: { text: '  @SUM(1+1)' } } }],
        },
      ],
    };
    const lines = invoiceCsv(hostile, 'en').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toBe("INV-2026-000003,ISSUED,2026-11,USD,1400000005,'\t=cmd|' /C calc'!A0,PACKAGE,Package,STANDARD,,2026-11-01,2026-11-10,-10,999,-322.26,'  @SUM(1+1)");
  });
});
