import { describe, expect, it } from 'vitest';
import { getAccountTimeline } from '../../lib/accounts/timeline';
import { describeAction, humanizeName } from '../../lib/audit/describe';
import { writeAudit } from '../../lib/db/audit';
import { issueInvoice } from '../../lib/invoices/commands';
import { makeTranslate } from '../../lib/i18n/translate';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

describe('account timeline', () => {
  it('merges apps, plan events, invoices, tickets and audit entries of the account, newest first, and nothing of another account', async () => {
    const db = getDb();
    const ops = await createUser(db, 'OPS');
    const account = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'PROFESSIONAL' }] }] });
    const other = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'FLAGSHIP' }] }] });
    const draft = await db.prisma.invoice.create({ data: { accountId: account.id, month: '2026-09', scheme: 'LEGACY', currency: 'CNY', total: '0' } as never });
    const { number } = await db.prisma.$transaction((tx) => issueInvoice(tx, ops, { id: draft.id }, { today: '2026-11-23' }));
    await db.prisma.migrationTicket.create({ data: { accountId: account.id, requestRef: 'REQ-TL-1' } });
    await db.prisma.$transaction((tx) =>
      writeAudit(tx, { id: ops.id, label: ops.email }, { action: 'billingRun.writeDrafts', entityType: 'Account', entityId: String(account.id), accountId: account.id }),
    );

    const { events, truncated } = await getAccountTimeline(account.id);
    expect(truncated).toBe(false);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['app', 'plan.edition', 'invoice.issued', 'ticket.opened', 'audit']));
    expect(events.find((e) => e.kind === 'invoice.issued')).toMatchObject({ number, href: `/invoices/${draft.id}` });
    expect(events.find((e) => e.kind === 'plan.edition')).toMatchObject({ app: String(account.apps[0]), edition: 'PROFESSIONAL', date: '2026-09-01' });
    const times = events.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(JSON.stringify(events)).not.toContain(String(other.apps[0]));
  });

  it('names audit actions in words in both languages, and a new action readably', () => {
    expect(describeAction(makeTranslate('en'), 'billingRun.writeDrafts')).toBe('Billing run wrote draft invoices');
    expect(describeAction(makeTranslate('zh'), 'invoice.issue')).toBe('开具账单');
    expect(describeAction(makeTranslate('en'), 'creditNote.create')).toBe(humanizeName('creditNote.create'));
    expect(humanizeName('creditNote.create')).toBe('Credit note · create');
  });
});
