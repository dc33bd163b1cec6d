'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { AuditRow } from '@/lib/audit/queries';
import { auditEntityHref, describeAction, describeField } from '@/lib/audit/describe';
import { summarizeChange } from '@/lib/audit/format';
import { MESSAGES, type Locale, type MessageKey } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import { Badge } from '../ui/badge';

const cut = (s: string | null) => (s === null ? '—' : s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** The fields that changed, as a small before/after table in words (the first four; the rest unfold). */
function Changes({ row, t }: { row: AuditRow; t: Translate }) {
  const changes = summarizeChange(row.before, row.after);
  if (changes.length === 0) return <span className="text-xs text-slate-600">{t('audit.noChange')}</span>;
  const table = (list: typeof changes) => (
    <table className="text-xs">
      <thead className="sr-only">
        <tr>
          <th>{t('audit.field')}</th>
          <th>{t('audit.before')}</th>
          <th>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((c) => (
          <tr key={c.path}>
            <th scope="row" className="pr-2 text-left font-normal text-slate-600">
              {describeField(t, c.path)}
            </th>
            <td className="pr-1 text-slate-700 line-through decoration-slate-400" title={c.before ?? undefined}>
              {c.before === null ? <span className="no-underline">—</span> : cut(c.before)}
            </td>
            <td aria-hidden className="pr-1 text-slate-500">
              →
            </td>
            <td className="font-medium text-slate-900" title={c.after ?? undefined}>
              {cut(c.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const shown = changes.slice(0, 4);
  return (
    <div className="max-w-xl">
      {table(shown)}
      {changes.length > shown.length ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">{t('audit.more', { count: changes.length - shown.length })}</summary>
          {table(changes.slice(shown.length))}
        </details>
      ) : null}
    </div>
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
      cell: ({ row }) => (
        <span title={row.original.action}>
          <Badge tone="violet">{describeAction(t, row.original.action)}</Badge>
        </span>
      ),
    },
    {
      id: 'entity',
      header: t('audit.col.entity'),
      enableSorting: false,
      meta: { label: t('audit.col.entity') },
      cell: ({ row }) => {
        const key = `audit.entity.${row.original.entityType}`;
        const label = `${key in MESSAGES.en ? t(key as MessageKey) : row.original.entityType} ${row.original.entityId}`;
        const href = auditEntityHref(row.original);
        return href ? (
          <Link href={href} className="text-xs whitespace-nowrap text-sky-800 hover:underline">
            {label}
          </Link>
        ) : (
          <span className="text-xs whitespace-nowrap">{label}</span>
        );
      },
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
          <span className="text-slate-500">—</span>
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
