'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { AuditRow } from '@/lib/audit/queries';
import { summarizeChange } from '@/lib/audit/format';
import type { Locale } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import { Badge } from '../ui/badge';

/** The changed paths on one line each (at most four); the full before/after JSON unfolds on demand. */
function Changes({ row, t }: { row: AuditRow; t: Translate }) {
  const changes = summarizeChange(row.before, row.after);
  const shown = changes.slice(0, 4);
  const cut = (s: string | null) => (s === null ? '∅' : s.length > 40 ? `${s.slice(0, 40)}…` : s);
  return (
    <details className="max-w-xl text-xs">
      <summary className="cursor-pointer font-mono text-slate-700" title={t('audit.expand')}>
        {shown.length === 0 ? <span className="text-slate-400">{t('audit.noChange')}</span> : null}
        {shown.map((c) => (
          <span key={c.path} className="block truncate">
            <span className="text-slate-500">{c.path}</span> {cut(c.before)} <span className="text-slate-400">→</span> <strong className="font-medium">{cut(c.after)}</strong>
          </span>
        ))}
        {changes.length > shown.length ? <span className="block text-slate-400">{t('audit.more', { count: changes.length - shown.length })}</span> : null}
      </summary>
      <div className="mt-1 grid gap-2 md:grid-cols-2">
        <div>
          <div className="text-slate-500">{t('audit.before')}</div>
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 whitespace-pre-wrap">{row.before === null ? '—' : JSON.stringify(row.before, null, 2)}</pre>
        </div>
        <div>
          <div className="text-slate-500">{t('audit.after')}</div>
          <pre className="overflow-x-auto rounded bg-emerald-50/50 p-2 whitespace-pre-wrap">{row.after === null ? '—' : JSON.stringify(row.after, null, 2)}</pre>
        </div>
      </div>
    </details>
  );
}

export function getAuditColumns(t: Translate, locale: Locale): ColumnDef<AuditRow, unknown>[] {
  return [
    {
      id: 'at',
      accessorKey: 'at',
      header: t('audit.col.at'),
      meta: { label: t('audit.col.at'), variant: 'date' },
      cell: ({ row }) => <span className="text-xs whitespace-nowrap tabular-nums">{formatDateTime(row.original.at, locale)}</span>,
    },
    {
      id: 'actor',
      accessorKey: 'actorLabel',
      header: t('audit.col.actor'),
      meta: { label: t('audit.col.actor') },
      cell: ({ row }) => <span className="text-xs">{row.original.actorLabel}</span>,
    },
    {
      id: 'action',
      accessorKey: 'action',
      header: t('audit.col.action'),
      meta: { label: t('audit.col.action'), variant: 'badge' },
      cell: ({ row }) => <Badge tone="violet">{row.original.action}</Badge>,
    },
    {
      id: 'entity',
      header: t('audit.col.entity'),
      enableSorting: false,
      meta: { label: t('audit.col.entity') },
      cell: ({ row }) => (
        <span className="font-mono text-xs whitespace-nowrap">
          {row.original.entityType} {row.original.entityId}
        </span>
      ),
    },
    {
      id: 'account',
      header: t('audit.col.account'),
      enableSorting: false,
      meta: { label: t('audit.col.account') },
      cell: ({ row }) =>
        row.original.accountId ? (
          <Link href={`/accounts/${row.original.accountId}`} className="text-xs text-sky-800 hover:underline">
            {row.original.accountId} · {row.original.accountName}
          </Link>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      id: 'changes',
      header: t('audit.col.changes'),
      enableSorting: false,
      meta: { label: t('audit.col.changes') },
      cell: ({ row }) => <Changes row={row.original} t={t} />,
    },
  ];
}
