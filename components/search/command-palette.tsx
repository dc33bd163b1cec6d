'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n/client';
import type { MessageKey } from '@/lib/i18n/messages';
import type { SearchHit } from '@/lib/search/queries';
import { cn } from '../ui/cn';

/** Wait this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 200;

const KIND_LABEL: Record<SearchHit['kind'], MessageKey> = {
  account: 'search.kind.account',
  app: 'search.kind.app',
  invoice: 'search.kind.invoice',
  creditNote: 'search.kind.creditNote',
  ticket: 'search.kind.ticket',
};

type State = { query: string; hits: SearchHit[]; loading: boolean; failed: boolean };

/**
 * Global search: a box in the header and Ctrl/Cmd-K open one palette (a native modal dialog:
 * focus stays inside, Escape closes it). Results come as you type, within the user's scope;
 * arrows move, Enter opens.
 */
export function CommandPalette() {
  const { t } = useI18n();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ query: '', hits: [], loading: false, failed: false });
  const [active, setActive] = useState(0);

  const open = () => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.select();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { hits: SearchHit[] };
        setState({ query, hits: body.hits, loading: false, failed: false });
        setActive(0);
      } catch (error) {
        if (!controller.signal.aborted) setState({ query, hits: [], loading: false, failed: Boolean(error) });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const hits = text.trim() ? state.hits : [];
  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    dialogRef.current?.close();
    setText('');
    router.push(hit.href);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-7 w-64 items-center justify-between rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-600 hover:border-slate-400"
      >
        <span>{t('search.placeholder')}</span>
        <kbd className="rounded border border-slate-200 px-1 font-sans text-[10px] text-slate-600">Ctrl K</kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label={t('search.title')}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself) closes it.
          if (event.target === dialogRef.current) dialogRef.current?.close();
        }}
        className="m-auto mt-[12vh] w-full max-w-xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="border-b border-slate-100 p-3">
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-label={t('search.title')}
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={hits.length ? optionId(active) : undefined}
            placeholder={t('search.hint')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActive((i) => (hits.length ? (i + 1) % hits.length : 0));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive((i) => (hits.length ? (i - 1 + hits.length) % hits.length : 0));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                go(hits[active]);
              }
            }}
            className="h-9 w-full rounded-md border border-slate-300 px-3 text-sm focus:border-sky-600 focus:outline-none"
          />
        </div>
        <ul id={listId} role="listbox" aria-label={t('search.results')} className="max-h-[60vh] overflow-y-auto py-1 text-sm">
          {hits.map((hit, index) => {
            const heading = hit.kind !== hits[index - 1]?.kind ? t(KIND_LABEL[hit.kind]) : null;
            return (
              <li
                key={hit.key}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => go(hit)}
                className={cn('cursor-pointer px-3 py-1.5', index === active ? 'bg-sky-50' : '')}
              >
                {heading ? <span className="mb-0.5 block text-[10px] font-semibold tracking-wide text-slate-600 uppercase">{heading}</span> : null}
                <span className="block font-medium text-slate-900">{hit.title}</span>
                <span className="block text-xs text-slate-600">{hit.detail}</span>
              </li>
            );
          })}
        </ul>
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600" aria-live="polite">
          {!text.trim()
            ? t('search.help')
            : state.loading
              ? t('search.loading')
              : state.failed
                ? t('search.failed')
                : state.query === text.trim() && hits.length === 0
                  ? t('search.none')
                  : t('search.count', { count: hits.length })}
        </p>
      </dialog>
    </>
  );
}
