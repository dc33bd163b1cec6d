'use client';

import Link from 'next/link';
import type { TimelineEvent } from '@/lib/accounts/timeline';
import { describeAction } from '@/lib/audit/describe';
import { useI18n } from '@/lib/i18n/client';
import type { Locale, MessageKey } from '@/lib/i18n/messages';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import { addonName, editionName } from '../invoices/labels';
import { Card } from '../ui/card';

function sentence(event: TimelineEvent, t: Translate, locale: Locale): string {
  switch (event.kind) {
    case 'app':
      return t('timeline.app', { app: event.app, name: event.name });
    case 'plan.edition':
      return t('timeline.plan.edition', { app: event.app, edition: editionName(event.edition), date: event.date });
    case 'plan.addon.start':
    case 'plan.addon.stop':
      return t(`timeline.${event.kind}`, { app: event.app, addon: addonName(event.addon, locale), date: event.date });
    case 'plan.retention.start':
      return t('timeline.plan.retention.start', { app: event.app, days: event.days, date: event.date });
    case 'plan.retention.stop':
      return t('timeline.plan.retention.stop', { app: event.app, date: event.date });
    case 'trial':
      return t('timeline.trial', { app: event.app, from: event.from, to: event.to });
    case 'application':
      return t('timeline.application', { app: event.app, feature: event.feature === 'BROADCAST_PUSH' ? t('fapp.push') : event.feature, status: t(`fapp.status.${event.status}` as MessageKey) });
    case 'invoice.created':
    case 'invoice.issued':
    case 'invoice.paid':
    case 'invoice.voided':
      return t(`timeline.${event.kind}`, { number: event.number ?? '—', month: event.month, total: formatMoney(event.total, event.currency, locale), reason: event.reason ?? '' });
    case 'ticket.opened':
    case 'ticket.executed':
    case 'ticket.rejected':
      return t(`timeline.${event.kind}`, { id: event.id, ref: event.ref, date: event.date ?? '' });
    case 'money.entry':
      return t('timeline.money.entry', { kind: t(`money.kind.${event.entry}`), amount: formatMoney(event.amount, event.currency, locale), number: event.number ?? '' });
    case 'creditNote':
      return t('timeline.creditNote', { number: event.number, invoice: event.invoiceNumber ?? '—', total: formatMoney(event.total, event.currency, locale), reason: t(`money.cn.reason.${event.reason}` as MessageKey) });
    case 'audit':
      return describeAction(t, event.action);
  }
}

const DOT: Record<string, string> = {
  audit: 'bg-slate-300',
  invoice: 'bg-emerald-500',
  ticket: 'bg-amber-500',
  plan: 'bg-sky-500',
  money: 'bg-teal-500',
  creditNote: 'bg-rose-500',
};

/** The account's history, newest first, in words: plan changes, trials, applications, invoices, tickets and audit entries. */
export function AccountTimeline({ events, truncated }: { events: TimelineEvent[]; truncated: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Card title={<span id="timeline">{t('timeline.title')}</span>}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t('timeline.empty')}</p>
      ) : (
        <ol aria-labelledby="timeline" className="max-h-[32rem] space-y-2 overflow-y-auto text-sm" tabIndex={0}>
          {events.map((event) => {
            const text = sentence(event, t, locale);
            return (
              <li key={event.key} className="flex gap-3">
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[event.kind.split('.')[0]!] ?? 'bg-violet-400'}`} />
                <div className="min-w-0">
                  <div>{event.href ? <Link href={event.href} className="text-sky-800 hover:underline">{text}</Link> : text}</div>
                  <div className="text-xs text-slate-600 tabular-nums">
                    <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                    {event.actor ? ` · ${t('timeline.by', { actor: event.actor })}` : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {truncated ? <p className="mt-2 text-xs text-slate-600">{t('timeline.more', { count: events.length })}</p> : null}
    </Card>
  );
}
