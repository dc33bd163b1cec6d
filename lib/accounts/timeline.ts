import 'server-only';
import { db } from '../db/client';

/** What happened, with the figures to say it; the page words it in the viewer's language. */
export type TimelineFact =
  | { kind: 'app'; app: string; name: string }
  | { kind: 'plan.edition'; app: string; edition: string; date: string }
  | { kind: 'plan.addon.start' | 'plan.addon.stop'; app: string; addon: string; date: string }
  | { kind: 'plan.retention.start'; app: string; days: number; date: string }
  | { kind: 'plan.retention.stop'; app: string; date: string }
  | { kind: 'trial'; app: string; from: string; to: string }
  | { kind: 'application'; app: string; feature: string; status: string }
  | { kind: 'invoice.created' | 'invoice.issued' | 'invoice.paid' | 'invoice.voided'; number: string | null; month: string; total: string; currency: string; reason: string | null }
  | { kind: 'ticket.opened' | 'ticket.executed' | 'ticket.rejected'; id: number; ref: string; date: string | null }
  | { kind: 'money.entry'; entry: 'TOP_UP' | 'DEDUCTION' | 'CREDIT' | 'REFUND' | 'ADJUSTMENT'; amount: string; currency: string; number: string | null }
  | { kind: 'creditNote'; number: string; invoiceNumber: string | null; total: string; currency: string; reason: string }
  | { kind: 'audit'; action: string; entityType: string; entityId: string };

export type TimelineEvent = TimelineFact & {
  key: string;
  /** ISO instant; events are ordered by it, newest first. */
  at: string;
  actor: string | null;
  href: string | null;
};

/** The most recent events the page shows. */
export const TIMELINE_LIMIT = 200;

type TimelineSource = (accountId: number, limit: number) => Promise<TimelineEvent[]>;

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

const appsAndPlans: TimelineSource = async (accountId, limit) => {
  const [apps, events] = await Promise.all([
    db.app.findMany({ where: { accountId }, select: { sdkAppId: true, name: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: limit }),
    db.planEvent.findMany({
      where: { app: { accountId } },
      select: { id: true, sdkAppId: true, date: true, type: true, edition: true, addon: true, action: true, retentionDays: true, createdAt: true, actor: { select: { email: true } } },
      orderBy: { createdAt: 'desc' },
      take: limit,
    }),
  ]);
  const out: TimelineEvent[] = apps.map((a) => ({
    kind: 'app',
    key: `app-${a.sdkAppId}`,
    at: a.createdAt.toISOString(),
    actor: null,
    href: `/accounts/${accountId}/apps/${a.sdkAppId}`,
    app: String(a.sdkAppId),
    name: a.name,
  }));
  for (const e of events) {
    const common = { key: `plan-${e.id}`, at: e.createdAt.toISOString(), actor: e.actor?.email ?? null, href: `/accounts/${accountId}/apps/${e.sdkAppId}`, app: String(e.sdkAppId), date: day(e.date)! };
    if (e.type === 'EDITION') out.push({ ...common, kind: 'plan.edition', edition: e.edition ?? '' });
    else if (e.addon === 'HISTORY_RETENTION') {
      out.push(e.action === 'STOP' ? { ...common, kind: 'plan.retention.stop' } : { ...common, kind: 'plan.retention.start', days: e.retentionDays ?? 0 });
    } else out.push({ ...common, kind: e.action === 'STOP' ? 'plan.addon.stop' : 'plan.addon.start', addon: e.addon ?? '' });
  }
  return out;
};

const trialsAndApplications: TimelineSource = async (accountId, limit) => {
  const [trials, applications] = await Promise.all([
    db.trialGrant.findMany({ where: { accountId }, select: { id: true, sdkAppId: true, startOn: true, endOn: true, createdAt: true, actor: { select: { email: true } } }, orderBy: { createdAt: 'desc' }, take: limit }),
    db.featureApplication.findMany({
      where: { app: { accountId } },
      select: { id: true, sdkAppId: true, feature: true, status: true, requestedAt: true, decidedAt: true, decidedBy: { select: { email: true } } },
      orderBy: { requestedAt: 'desc' },
      take: limit,
    }),
  ]);
  return [
    ...trials.map((g): TimelineEvent => ({
      kind: 'trial',
      key: `trial-${g.id}`,
      at: g.createdAt.toISOString(),
      actor: g.actor?.email ?? null,
      href: `/accounts/${accountId}/apps/${g.sdkAppId}`,
      app: String(g.sdkAppId),
      from: day(g.startOn)!,
      to: day(g.endOn)!,
    })),
    ...applications.map((a): TimelineEvent => ({
      kind: 'application',
      key: `application-${a.id}`,
      at: (a.decidedAt ?? a.requestedAt).toISOString(),
      actor: a.decidedBy?.email ?? null,
      href: `/accounts/${accountId}/apps/${a.sdkAppId}`,
      app: String(a.sdkAppId),
      feature: a.feature,
      status: a.status,
    })),
  ];
};

const invoices: TimelineSource = async (accountId, limit) => {
  const rows = await db.invoice.findMany({
    where: { accountId },
    select: { id: true, number: true, month: true, total: true, currency: true, status: true, createdAt: true, issuedAt: true, paidAt: true, voidedAt: true, voidReason: true },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  const out: TimelineEvent[] = [];
  for (const i of rows) {
    const common = { number: i.number, month: i.month, total: i.total.toString(), currency: i.currency, reason: i.voidReason, actor: null, href: `/invoices/${i.id}` };
    // A draft's rating is news only while it is a draft; once issued, the issue says it.
    if (i.status === 'DRAFT') out.push({ ...common, kind: 'invoice.created', key: `invoice-${i.id}-created`, at: i.createdAt.toISOString() });
    if (i.issuedAt) out.push({ ...common, kind: 'invoice.issued', key: `invoice-${i.id}-issued`, at: i.issuedAt.toISOString() });
    if (i.paidAt) out.push({ ...common, kind: 'invoice.paid', key: `invoice-${i.id}-paid`, at: i.paidAt.toISOString() });
    if (i.voidedAt) out.push({ ...common, kind: 'invoice.voided', key: `invoice-${i.id}-voided`, at: i.voidedAt.toISOString() });
  }
  return out;
};

const tickets: TimelineSource = async (accountId, limit) => {
  const rows = await db.migrationTicket.findMany({
    where: { accountId },
    select: { id: true, requestRef: true, status: true, createdAt: true, executedAt: true, effectiveOn: true, createdBy: { select: { email: true } }, executedBy: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  const out: TimelineEvent[] = [];
  for (const t of rows) {
    const common = { id: t.id, ref: t.requestRef, href: `/migrations/${t.id}` };
    out.push({ ...common, kind: 'ticket.opened', key: `ticket-${t.id}-opened`, at: t.createdAt.toISOString(), actor: t.createdBy?.email ?? null, date: null });
    if (t.executedAt) {
      out.push({ ...common, kind: 'ticket.executed', key: `ticket-${t.id}-executed`, at: t.executedAt.toISOString(), actor: t.executedBy?.email ?? null, date: day(t.effectiveOn) });
    }
  }
  return out;
};

const balanceEntries: TimelineSource = async (accountId, limit) => {
  const rows = await db.balanceEntry.findMany({
    where: { accountId },
    select: { id: true, kind: true, amount: true, currency: true, createdAt: true, invoiceId: true, invoice: { select: { number: true } }, actor: { select: { email: true } } },
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows.map((e) => ({
    kind: 'money.entry',
    key: `balance-${e.id}`,
    at: e.createdAt.toISOString(),
    actor: e.actor?.email ?? null,
    href: e.invoiceId ? `/invoices/${e.invoiceId}` : null,
    entry: e.kind,
    amount: e.amount.toString(),
    currency: e.currency,
    number: e.invoice?.number ?? null,
  }));
};

const creditNotes: TimelineSource = async (accountId, limit) => {
  const rows = await db.creditNote.findMany({
    where: { accountId },
    select: { id: true, number: true, total: true, currency: true, reason: true, issuedAt: true, invoiceId: true, invoice: { select: { number: true } }, actor: { select: { email: true } } },
    orderBy: { issuedAt: 'desc' },
    take: limit,
  });
  return rows.map((n) => ({
    kind: 'creditNote',
    key: `credit-note-${n.id}`,
    at: n.issuedAt.toISOString(),
    actor: n.actor?.email ?? null,
    href: `/invoices/${n.invoiceId}`,
    number: n.number,
    invoiceNumber: n.invoice.number,
    total: n.total.toString(),
    currency: n.currency,
    reason: n.reason,
  }));
};

const auditEntries: TimelineSource = async (accountId, limit) => {
  const rows = await db.auditLog.findMany({
    where: { accountId },
    select: { id: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map((r) => ({
    kind: 'audit',
    key: `audit-${r.id}`,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    href: `/audit?account=${accountId}&action=${encodeURIComponent(r.action)}`,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
  }));
};

/** What the timeline gathers; one more kind of record is one entry. */
export const TIMELINE_SOURCES: TimelineSource[] = [appsAndPlans, trialsAndApplications, invoices, balanceEntries, creditNotes, tickets, auditEntries];

/** The account's history, newest first: every source's latest events merged, cut at `limit`. */
export async function getAccountTimeline(accountId: number, limit = TIMELINE_LIMIT): Promise<{ events: TimelineEvent[]; truncated: boolean }> {
  const all = (await Promise.all(TIMELINE_SOURCES.map((source) => source(accountId, limit)))).flat();
  all.sort((a, b) => (a.at === b.at ? b.key.localeCompare(a.key) : b.at.localeCompare(a.at)));
  return { events: all.slice(0, limit), truncated: all.length > limit };
}
