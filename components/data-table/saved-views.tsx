'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Input } from '../ui/form';

/**
 * Saved views: a name for a table's URL state (filters, sort, hidden columns). The state stays
 * in the URL; only the names and their query strings are kept, per signed-in user and per
 * list, in this browser's localStorage. Applying a view is a navigation to its URL.
 */

export type SavedView = { name: string; query: string };

/** Null outside the console (the portal): no views there. */
const OwnerContext = createContext<string | null>(null);

/** The console layout names the signed-in user, so two people sharing a browser keep their own views. */
export function SavedViewsOwner({ id, children }: { id: string; children: ReactNode }) {
  return <OwnerContext.Provider value={id}>{children}</OwnerContext.Provider>;
}

const CHANGED = 'saved-views-changed';
const MAX_VIEWS = 20;

function storageKey(owner: string, pathname: string): string {
  return `billing-console:views:${owner}:${pathname}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Reads the stored list; anything unreadable counts as no views. */
export function parseViews(raw: string | null): SavedView[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is SavedView => typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.query === 'string').slice(0, MAX_VIEWS);
  } catch {
    return [];
  }
}

/** The table's state worth saving: every parameter but the page. */
export function viewQuery(params: URLSearchParams): string {
  const next = new URLSearchParams(params.toString());
  next.delete('page');
  return next.toString();
}

export function SavedViewsMenu() {
  const owner = useContext(OwnerContext);
  return owner ? <ViewsMenu owner={owner} /> : null;
}

function ViewsMenu({ owner }: { owner: string }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const searchParams = useSearchParams();
  const key = storageKey(owner, pathname);
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const views = useMemo(() => parseViews(raw), [raw]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const current = viewQuery(searchParams);

  const write = (next: SavedView[]) => {
    window.localStorage.setItem(key, JSON.stringify(next.slice(0, MAX_VIEWS)));
    window.dispatchEvent(new Event(CHANGED));
  };

  return (
    <details className="relative text-xs" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-700 hover:bg-slate-50">{t('table.views')}</summary>
      {open ? (
        <div className="absolute left-0 z-10 mt-1 flex w-64 max-w-[calc(100vw-1.5rem)] flex-col gap-2 sm:right-0 sm:left-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          {views.length === 0 ? <p className="text-slate-600">{t('table.views.none')}</p> : null}
          {views.length > 0 ? (
            <ul className="flex flex-col gap-1" aria-label={t('table.views')}>
              {views.map((view) => (
                <li key={view.name} className="flex items-center justify-between gap-1">
                  <button
                    type="button"
                    className="min-w-0 flex-1 truncate rounded px-1.5 py-1 text-left text-sky-800 hover:bg-slate-100 aria-[current=true]:font-semibold"
                    aria-current={view.query === current}
                    aria-label={t('table.views.apply', { name: view.name })}
                    onClick={() => {
                      setOpen(false);
                      router.push(view.query ? `${pathname}?${view.query}` : pathname, { scroll: false });
                    }}
                  >
                    {view.name}
                  </button>
                  <button
                    type="button"
                    className="rounded px-1.5 py-1 text-slate-600 hover:bg-slate-100 hover:text-rose-700"
                    aria-label={t('table.views.delete', { name: view.name })}
                    onClick={() => write(views.filter((v) => v.name !== view.name))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <form
            className="flex items-center gap-1 border-t border-slate-100 pt-2"
            onSubmit={(event) => {
              event.preventDefault();
              const trimmed = name.trim().slice(0, 60);
              if (!trimmed) return;
              write([{ name: trimmed, query: current }, ...views.filter((v) => v.name !== trimmed)]);
              setName('');
            }}
          >
            <Input aria-label={t('table.views.name')} placeholder={t('table.views.name')} value={name} onChange={(event) => setName(event.target.value)} className="h-7 min-w-0 flex-1 text-xs" maxLength={60} required />
            <Button size="sm" type="submit">
              {t('table.views.save')}
            </Button>
          </form>
        </div>
      ) : null}
    </details>
  );
}
