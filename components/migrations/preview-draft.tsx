'use client';

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CurrentEdition } from '@/lib/billing/catalog';
import { useI18n } from '@/lib/i18n/client';
import { FormMessage } from '../ui/form';
import { editionName } from './labels';

/** What a preview is computed for: an edition per SDKAppID and the months to re-rate. */
export type PreviewChoices = { editions: Record<string, CurrentEdition>; months: number };

export type ChoiceChange =
  | { kind: 'edition'; sdkAppId: string; app: string; previewed: CurrentEdition | null; chosen: CurrentEdition }
  | { kind: 'months'; previewed: number; chosen: number };

type Draft = {
  form: PreviewChoices;
  setEdition(sdkAppId: string, edition: CurrentEdition): void;
  setMonths(months: number): void;
  /** How the form differs from the preview shown; empty when they agree or nothing is previewed. */
  changes: ChoiceChange[];
  /** A preview is shown and the form no longer says what it was computed for. */
  stale: boolean;
};

const DraftContext = createContext<Draft | null>(null);

function useDraft(): Draft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error('PreviewDraftProvider is missing');
  return draft;
}

/**
 * The migration ticket's preview form against the preview on the page (issue 14): the form's
 * choices live here, so the notice, the figures and the execute button know at once, before any
 * round trip, when the form stops matching what was previewed.
 */
export function PreviewDraftProvider({
  initial,
  previewed,
  appNames,
  children,
}: {
  initial: PreviewChoices;
  /** The choices of the preview shown (the ticket's last), or null when there is none. */
  previewed: PreviewChoices | null;
  appNames: Record<string, string>;
  children: ReactNode;
}) {
  const [form, setForm] = useState(initial);
  const draft = useMemo<Draft>(() => {
    const changes: ChoiceChange[] = [];
    if (previewed) {
      for (const [sdkAppId, chosen] of Object.entries(form.editions)) {
        const was = previewed.editions[sdkAppId] ?? null;
        if (was !== chosen) changes.push({ kind: 'edition', sdkAppId, app: appNames[sdkAppId] ?? sdkAppId, previewed: was, chosen });
      }
      if (previewed.months !== form.months) changes.push({ kind: 'months', previewed: previewed.months, chosen: form.months });
    }
    return {
      form,
      setEdition: (sdkAppId, edition) => setForm((f) => ({ ...f, editions: { ...f.editions, [sdkAppId]: edition } })),
      setMonths: (months) => setForm((f) => ({ ...f, months })),
      changes,
      stale: changes.length > 0,
    };
  }, [form, previewed, appNames]);
  return <DraftContext.Provider value={draft}>{children}</DraftContext.Provider>;
}

export function usePreviewDraft(): Draft {
  return useDraft();
}

/** While the form differs from the preview: says how, in place of the server's freshness message. */
export function PreviewFreshness({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { changes } = useDraft();
  if (changes.length === 0) return <>{children}</>;
  const parts = changes.map((c) =>
    c.kind === 'months'
      ? t('migrations.draft.changeMonths', { previewed: c.previewed, chosen: c.chosen })
      : t('migrations.draft.changeEdition', { app: c.app, previewed: c.previewed ? editionName(c.previewed) : '—', chosen: editionName(c.chosen) }),
  );
  return (
    <div data-testid="preview-stale">
      <FormMessage>{t('migrations.draft.stale', { changes: parts.join('; ') })}</FormMessage>
    </div>
  );
}

/** The preview's figures, visibly out of date while the form says something else. */
export function PreviewFiguresFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { stale } = useDraft();
  return (
    <div className="relative flex flex-col gap-2" data-stale={stale ? 'true' : 'false'} data-testid="preview-frame">
      {stale ? (
        <p className="self-start rounded bg-rose-50 px-2 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-rose-300 ring-inset">{t('migrations.draft.staleBadge')}</p>
      ) : null}
      <div className={stale ? 'opacity-40 grayscale transition-opacity' : 'transition-opacity'} aria-disabled={stale || undefined}>
        {children}
      </div>
    </div>
  );
}
