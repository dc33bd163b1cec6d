'use client';

import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/api-keys/actions';
import type { CreatedApiKey } from '@/lib/api-keys/commands';
import type { ApiKeyRow } from '@/lib/api-keys/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/i18n/client';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input } from '../ui/form';
import { EmptyState } from '../ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

const created: ActionResult<CreatedApiKey> = { ok: true };
const revoked: ActionResult = { ok: true };

function RevokeButton({ id, prefix }: { id: string; prefix: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(revokeApiKeyAction, revoked);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {t('apiKeys.revoke')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('apiKeys.revokeTitle', { prefix })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <form action={action}>
              <input type="hidden" name="id" value={id} />
              <Button type="submit" variant="danger" disabled={pending}>
                {t('apiKeys.revokeConfirm')}
              </Button>
            </form>
          </>
        }
      >
        <p>{t('apiKeys.revokeBody')}</p>
        {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
      </Dialog>
    </>
  );
}

/** Ops create ingestion keys (the secret is shown once) and revoke them. */
export function ApiKeysPanel({ keys, endpoint }: { keys: ApiKeyRow[]; endpoint: string }) {
  const { t, locale } = useI18n();
  const [state, action, pending] = useActionState(createApiKeyAction, created);
  const secret = state.ok ? state.data : undefined;
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('apiKeys.create.title')}>
        <form action={action} className="flex flex-wrap items-end gap-3">
          <Field label={t('apiKeys.create.name')} htmlFor="key-name" error={state.ok ? undefined : (state.fieldErrors?.name ?? state.message)} hint={t('apiKeys.create.hint')}>
            <Input id="key-name" name="name" required maxLength={100} className="w-80" aria-invalid={!state.ok} />
          </Field>
          <Button type="submit" disabled={pending}>
            {t('apiKeys.create.submit')}
          </Button>
        </form>
        {secret ? (
          <div className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" role="status">
            <p className="font-medium text-emerald-900">{t('apiKeys.created', { name: secret.name })}</p>
            <p className="mt-1 text-emerald-800">{t('apiKeys.secretOnce')}</p>
            <code className="mt-2 block rounded bg-white px-2 py-1.5 font-mono text-xs break-all text-slate-900 ring-1 ring-emerald-200" data-testid="api-key-secret">
              {secret.secret}
            </code>
            <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{`curl -X POST ${endpoint} \\
  -H 'Authorization: Bearer ${secret.secret}' \\
  -H 'Content-Type: application/json' \\
  -d '{"rows":[{"sdkAppId":1400000001,"date":"2026-10-01","dau":12000}]}'`}</pre>
          </div>
        ) : null}
      </Card>
      <Card title={t('apiKeys.list.title')}>
        {keys.length === 0 ? (
          <EmptyState title={t('apiKeys.empty')} />
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>{t('apiKeys.col.name')}</TH>
                <TH>{t('apiKeys.col.prefix')}</TH>
                <TH>{t('apiKeys.col.scope')}</TH>
                <TH>{t('apiKeys.col.createdBy')}</TH>
                <TH>{t('apiKeys.col.createdAt')}</TH>
                <TH>{t('apiKeys.col.lastUsed')}</TH>
                <TH>{t('apiKeys.col.status')}</TH>
                <TH />
              </tr>
            </THead>
            <TBody>
              {keys.map((key) => (
                <TR key={key.id}>
                  <TD className="font-medium">{key.name}</TD>
                  <TD className="font-mono text-xs">{key.prefix}…</TD>
                  <TD>
                    <Badge>{t('apiKeys.scope.USAGE_INGEST')}</Badge>
                  </TD>
                  <TD className="text-xs">{key.createdBy ?? t('common.none')}</TD>
                  <TD className="text-xs tabular-nums">{formatDateTime(key.createdAt, locale)}</TD>
                  <TD className="text-xs tabular-nums">{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t('apiKeys.neverUsed')}</TD>
                  <TD>
                    {key.revokedAt ? (
                      <Badge tone="red">{t('apiKeys.revokedOn', { date: formatDateTime(key.revokedAt, locale) })}</Badge>
                    ) : (
                      <Badge tone="green">{t('apiKeys.active')}</Badge>
                    )}
                  </TD>
                  <TD className="text-right">{key.revokedAt ? null : <RevokeButton id={key.id} prefix={key.prefix} />}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
