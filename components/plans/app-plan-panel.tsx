import type { Actor } from '@/lib/auth/guard';
import { AV_CALL_TRIAL } from '@/lib/billing/catalog';
import { addDays } from '@/lib/billing/dates';
import type { FeatureStates } from '@/lib/features/queries';
import { getI18n } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import type { AppPlanPanelData, PlanEventRow } from '@/lib/plans/queries';
import { whoFor } from '@/lib/self-service/who';
import type { TrialSummary } from '@/lib/trials/queries';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { DecideApplication, SubmitApplication } from './application-actions';
import { addonLabel, editionLabel } from './labels';
import { PlanActions } from './plan-actions';
import { TrialGrantButton } from './trial-grant-button';

type Viewer = Pick<Actor, 'role' | 'email'>;

/**
 * The app page's plan operations: ops, and the app's own customer (self-service, DOMAIN.md 13),
 * get the actions (edition, add-ons, trials, applications; deciding applications is ops' only);
 * account managers the same facts read-only. Rendered under the app's own details.
 */
export async function AppPlanPanel({ data, actor }: { data: AppPlanPanelData | null; actor: Actor }) {
  if (!data) return null;
  const { accountId, plan, trials, features, day } = data;
  const { t, locale } = await getI18n();
  const ops = actor.role === 'OPS';
  // Ownership is re-checked by every command; this only decides what to offer.
  const canAct = ops || (actor.role === 'CUSTOMER' && actor.accountId === accountId);
  return (
    <div className="grid min-w-0 gap-4 xl:grid-cols-2" data-testid="app-plan-panel">
      {canAct ? (
        <Card title={t('plan.title')} className="xl:col-span-2">
          <PlanActions plan={plan} />
        </Card>
      ) : null}
      <TrialCard trials={trials} sdkAppId={plan.sdkAppId} canAct={canAct} viewer={actor} day={day} t={t} />
      <FeatureCard features={features} sdkAppId={plan.sdkAppId} ops={ops} canAct={canAct} viewer={actor} t={t} locale={locale} />
      <Card title={t('plan.history.title')} className="xl:col-span-2">
        <PlanHistory rows={plan.history} viewer={actor} t={t} locale={locale} />
      </Card>
    </div>
  );
}

function TrialCard({ trials, sdkAppId, canAct, viewer, day, t }: { trials: TrialSummary; sdkAppId: string; canAct: boolean; viewer: Viewer; day: string; t: Translate }) {
  const blocked = trials.blocked;
  return (
    <Card title={t('trial.title')} actions={canAct && !blocked ? <TrialGrantButton sdkAppId={sdkAppId} from={day} to={addDays(day, AV_CALL_TRIAL.days - 1)} customer={viewer.role === 'CUSTOMER'} /> : null}>
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex flex-wrap gap-2" data-testid="trial-quota">
          <Badge tone="blue">{t('trial.appQuota', { used: trials.appUsed, max: trials.appMax })}</Badge>
          <Badge tone="blue">{t('trial.accountQuota', { used: trials.accountUsed, max: trials.accountMax })}</Badge>
          <Badge tone={trials.trtcEnabled ? 'green' : 'neutral'}>{trials.trtcEnabled ? t('trial.trtcOn') : t('trial.trtcOff')}</Badge>
        </div>
        <p className="text-xs text-slate-500">{t('trial.rules', { days: trials.days })}</p>
        {blocked ? (
          <p className="text-xs text-amber-800">
            {blocked.reason === 'active' ? t('trial.blocked.active', { date: blocked.until }) : blocked.reason === 'appQuota' ? t('trial.blocked.app') : t('trial.blocked.account')}
          </p>
        ) : null}
        {trials.grants.length === 0 ? (
          <p className="text-slate-500">{t('trial.none')}</p>
        ) : (
          <Table aria-label={t('trial.title')}>
            <THead>
              <tr>
                <TH>#</TH>
                <TH>{t('trial.col.dates')}</TH>
                <TH>{t('trial.col.status')}</TH>
                <TH>{t('trial.col.by')}</TH>
              </tr>
            </THead>
            <TBody>
              {trials.grants.map((g) => (
                <TR key={g.id}>
                  <TD className="tabular-nums">{t('trial.grantNo', { app: g.grantNo, account: g.accountGrantNo })}</TD>
                  <TD className="tabular-nums">
                    {g.startOn} – {g.endOn}
                  </TD>
                  <TD>{g.status === 'active' ? <Badge tone="green">{t('trial.active')}</Badge> : <Badge>{t('trial.ended')}</Badge>}</TD>
                  <TD className="text-xs text-slate-600">{whoFor(viewer, { email: g.grantedBy, role: g.grantedByRole }, t)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Card>
  );
}

function FeatureCard({
  features,
  sdkAppId,
  ops,
  canAct,
  viewer,
  t,
  locale,
}: {
  features: FeatureStates;
  sdkAppId: string;
  ops: boolean;
  canAct: boolean;
  viewer: Viewer;
  t: Translate;
  locale: 'en' | 'zh';
}) {
  const push = features.broadcastPush;
  const pushBadge =
    push.status === 'on' ? (
      <Badge tone="green">{push.reason === 'developer' ? t('fapp.push.onDeveloper') : t('fapp.push.onApproved', { date: formatDateTime(push.since, locale) })}</Badge>
    ) : push.status === 'scheduled' ? (
      <Badge tone="blue">{t('fapp.push.scheduled', { date: formatDateTime(push.enablesAt, locale) })}</Badge>
    ) : push.status === 'pending' ? (
      <Badge tone="amber">{t('fapp.push.pending')}</Badge>
    ) : push.status === 'available' ? (
      <Badge>{t('fapp.push.available')}</Badge>
    ) : (
      <Badge>{push.reason === 'standard' ? t('fapp.push.offStandard') : t('fapp.push.offLegacy')}</Badge>
    );
  const community = features.community;
  const communityBadge =
    community.status === 'on' ? (
      <Badge tone="green">{t('fapp.community.on')}</Badge>
    ) : (
      <Badge>{t(`fapp.community.off.${community.reason}`)}</Badge>
    );
  return (
    <Card title={t('fapp.title')}>
      <div className="flex flex-col gap-3 text-sm">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
          <dt className="text-slate-500">{t('fapp.push')}</dt>
          <dd data-testid="broadcast-push-state">{pushBadge}</dd>
          <dt className="text-slate-500">{t('fapp.community')}</dt>
          <dd data-testid="community-state">{communityBadge}</dd>
        </dl>
        <p className="text-xs text-slate-500">{t('fapp.rules')}</p>
        {features.applications.length === 0 ? (
          <p className="text-slate-500">{t('fapp.none')}</p>
        ) : (
          <Table aria-label={t('fapp.applications')}>
            <THead>
              <tr>
                <TH>{t('fapp.col.requested')}</TH>
                <TH>{t('fapp.col.status')}</TH>
                <TH>{t('fapp.col.note')}</TH>
                {ops ? <TH /> : null}
              </tr>
            </THead>
            <TBody>
              {features.applications.map((a) => (
                <TR key={a.id}>
                  <TD className="text-xs whitespace-nowrap tabular-nums">{formatDateTime(a.requestedAt, locale)}</TD>
                  <TD>
                    <Badge tone={a.status === 'APPROVED' ? 'green' : a.status === 'PENDING' ? 'amber' : 'red'}>{t(`fapp.status.${a.status}`)}</Badge>
                    {a.decidedAt ? (
                      <div className="mt-0.5 text-xs text-slate-500">
                        {t('fapp.decided', { date: formatDateTime(a.decidedAt, locale), by: a.decidedBy === null ? '—' : whoFor(viewer, { email: a.decidedBy, role: 'OPS' }, t) })}
                        {a.enablesAt ? ` · ${t('fapp.enables', { date: formatDateTime(a.enablesAt, locale) })}` : ''}
                      </div>
                    ) : null}
                  </TD>
                  <TD className="text-xs">
                    {a.note || '—'}
                    {a.reason ? <div className="text-rose-700">{a.reason}</div> : null}
                  </TD>
                  {ops ? <TD>{a.status === 'PENDING' ? <DecideApplication applicationId={a.id} /> : null}</TD> : null}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {canAct && push.status === 'available' ? <SubmitApplication sdkAppId={sdkAppId} /> : null}
      </div>
    </Card>
  );
}

function describeEvent(row: PlanEventRow, t: Translate, locale: 'en' | 'zh'): string {
  if (row.type === 'EDITION' && row.edition) return t('plan.history.edition', { edition: editionLabel(row.edition) });
  if (!row.addon) return '';
  if (row.action === 'STOP') return t('plan.history.addonStop', { addon: addonLabel(row.addon, locale) });
  if (row.retentionDays) return t('plan.history.retention', { days: row.retentionDays });
  return t('plan.history.addonStart', { addon: addonLabel(row.addon, locale) });
}

function PlanHistory({ rows, viewer, t, locale }: { rows: PlanEventRow[]; viewer: Viewer; t: Translate; locale: 'en' | 'zh' }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t('plan.history.none')}</p>;
  return (
    <Table aria-label={t('plan.history.title')}>
      <THead>
        <tr>
          <TH>{t('plan.history.date')}</TH>
          <TH>{t('plan.history.request')}</TH>
          <TH>{t('plan.history.by')}</TH>
          <TH>{t('plan.history.recorded')}</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id}>
            <TD className="tabular-nums whitespace-nowrap">
              {row.date} {row.upcoming ? <Badge tone="blue">{t('plan.history.upcoming')}</Badge> : null}
            </TD>
            <TD>{describeEvent(row, t, locale)}</TD>
            <TD className="text-xs text-slate-600">{row.actorEmail === null ? t('plan.history.system') : whoFor(viewer, { email: row.actorEmail, role: row.actorRole }, t)}</TD>
            <TD className="text-xs whitespace-nowrap text-slate-500 tabular-nums">{formatDateTime(row.createdAt, locale)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
