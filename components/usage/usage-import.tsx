'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { formatCount } from '@/lib/i18n/format';
import { useI18n } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/translate';
import type { IngestResult } from '@/lib/usage/commands';
import { CSV_TEMPLATE, MAX_CSV_BYTES } from '@/lib/usage/csv';
import type { CsvPreview } from '@/lib/usage/import';
import { Button } from '../ui/button';
import { Field, FormMessage, Input } from '../ui/form';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/** Shown at most; the count says how many there are. */
const SHOWN_ERRORS = 500;

const MIB = 1024 * 1024;

/**
 * Sends the file's text to /api/usage/csv (see lib/usage/csv-upload.ts). Whatever goes wrong (a
 * refusal, a lost connection, an answer that is not JSON) comes back as a message for the page,
 * never as an exception that would end on the error page.
 */
async function sendCsv<T>(step: 'preview' | 'commit', text: string, t: Translate): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/usage/csv?step=${step}`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: text });
  } catch {
    return { ok: false, message: t('usage.upload.unreachable') };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body && typeof body === 'object' && 'ok' in body) return body as ActionResult<T>;
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return { ok: false, message: t('usage.upload.refused', { status: response.status, message: typeof message === 'string' ? message : response.statusText }) };
}

/**
 * The CSV import: choose a file, see every error (line, field, reason) or what would be
 * written, then commit. The server parses the text again on commit (same command as the API).
 */
export function UsageImport() {
  const { t, locale } = useI18n();
  // Remounting the file input clears it after a commit.
  const [inputKey, setInputKey] = useState(0);
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ActionResult<CsvPreview> | null>(null);
  const [result, setResult] = useState<ActionResult<IngestResult> | null>(null);
  const [pending, startTransition] = useTransition();

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setResult(null);
    setText(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_CSV_BYTES) {
      setPreview({ ok: false, message: t('usage.upload.tooLarge', { size: (file.size / MIB).toFixed(1), max: MAX_CSV_BYTES / MIB }) });
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      setPreview({ ok: false, message: t('usage.upload.unreadable', { file: file.name }) });
      return;
    }
    setText(content);
    startTransition(async () => setPreview(await sendCsv<CsvPreview>('preview', content, t)));
  };
  const commit = () => {
    if (text === null) return;
    startTransition(async () => {
      const written = await sendCsv<IngestResult>('commit', text, t);
      setResult(written);
      if (written.ok) {
        setText(null);
        setPreview(null);
        setInputKey((k) => k + 1);
      }
    });
  };
  const data = preview?.ok ? preview.data : undefined;
  const clean = data && data.errors.length === 0 && !data.message;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('usage.import.file')} htmlFor="usage-csv" hint={t('usage.import.hint')}>
          <Input key={inputKey} id="usage-csv" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} className="h-auto py-1" />
        </Field>
        <a className="text-xs text-sky-800 hover:underline" href={`data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`} download="usage-template.csv">
          {t('usage.import.template')}
        </a>
      </div>
      {pending ? <p className="text-sm text-slate-600">{t('usage.import.checking')}</p> : null}
      {preview && !preview.ok ? <FormMessage>{preview.message}</FormMessage> : null}
      {data && !clean ? (
        <div className="flex flex-col gap-2" data-testid="csv-errors">
          <FormMessage>{data.message ?? t('usage.import.hasErrors', { count: data.errors.length })}</FormMessage>
          {data.errors.length > 0 ? (
            <Table>
              <THead>
                <tr>
                  <TH>{t('usage.import.col.line')}</TH>
                  <TH>{t('usage.import.col.field')}</TH>
                  <TH>{t('usage.import.col.reason')}</TH>
                </tr>
              </THead>
              <TBody>
                {data.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <TR key={i}>
                    <TD className="tabular-nums">{e.line}</TD>
                    <TD className="font-mono text-xs">{e.field}</TD>
                    <TD className="text-rose-800">{e.reason}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : null}
          {data.errors.length > SHOWN_ERRORS ? <p className="text-xs text-slate-500">{t('usage.import.moreErrors', { count: data.errors.length - SHOWN_ERRORS })}</p> : null}
        </div>
      ) : null}
      {data && clean && data.summary ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" role="status">
          <span>
            {t('usage.import.ready', {
              file: fileName,
              count: formatCount(data.rows, locale),
              apps: t('usage.import.apps', { count: formatCount(data.summary.apps, locale) }),
              from: data.summary.from,
              to: data.summary.to,
            })}
          </span>
          {data.summary.staleDrafts > 0 ? <span className="text-amber-800">{t('usage.import.staleDrafts', { count: data.summary.staleDrafts })}</span> : null}
          <Button onClick={commit} disabled={pending}>
            {t('usage.import.commit', { count: formatCount(data.rows, locale) })}
          </Button>
        </div>
      ) : null}
      {result?.ok && result.data ? (
        <FormMessage ok>
          {t('usage.import.done', {
            count: formatCount(result.data.rows, locale),
            inserted: formatCount(result.data.inserted, locale),
            updated: formatCount(result.data.updated, locale),
            unchanged: formatCount(result.data.unchanged, locale),
          })}
        </FormMessage>
      ) : null}
      {result && !result.ok ? <FormMessage>{result.message}</FormMessage> : null}
    </div>
  );
}
