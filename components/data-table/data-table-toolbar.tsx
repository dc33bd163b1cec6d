'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/form';
import { useUrlState } from './use-url-state';

/** The text filter applies this long after the last keystroke (and at once on Enter or blur). */
const SEARCH_DEBOUNCE_MS = 300;

export type FacetFilter = { param: string; label: string; options: { value: string; label: string }[] };

/**
 * Free-text search plus select filters, all written to the URL (page resets to 1). Filters a
 * table adds as `children` name their URL parameters in `extraParams`, so Reset clears them too.
 */
export function DataTableToolbar({
  searchParam = 'q',
  searchPlaceholder,
  filters = [],
  extraParams = [],
  children,
}: {
  searchParam?: string;
  searchPlaceholder?: string;
  filters?: FacetFilter[];
  extraParams?: string[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { searchParams, setParams } = useUrlState();
  const current = searchParams.get(searchParam) ?? '';
  const submit = (value: string) => value.trim() !== current && setParams({ [searchParam]: value.trim() }, { resetPage: true });
  // The box follows the URL (back/forward, Reset) unless it already says the same, so a
  // trailing space being typed is not trimmed away under the cursor.
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    if (text.trim() !== current) setText(current);
  }
  useEffect(() => {
    if (text.trim() === current) return;
    const timer = setTimeout(() => setParams({ [searchParam]: text.trim() }, { resetPage: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, current, searchParam, setParams]);
  const params = [searchParam, ...filters.map((f) => f.param), ...extraParams];
  const active = params.some((p) => searchParams.get(p));

  return (
    <div className="flex max-w-full min-w-0 flex-wrap items-end gap-2">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          submit(String(new FormData(event.currentTarget).get(searchParam) ?? ''));
        }}
      >
        <Input
          type="search"
          name={searchParam}
          aria-label={t('common.search')}
          placeholder={searchPlaceholder ?? t('common.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={(event) => submit(event.target.value)}
          className="w-64 max-w-full"
        />
      </form>
      {filters.map((filter) => (
        <label key={filter.param} className="flex max-w-full min-w-0 items-center gap-1.5 text-xs text-slate-600">
          <span className="shrink-0">{filter.label}</span>
          {/* A select is as wide as its longest option: on a phone it may not outgrow the screen. */}
          <Select
            className="max-w-full min-w-0"
            aria-label={filter.label}
            value={searchParams.get(filter.param) ?? ''}
            onChange={(event) => setParams({ [filter.param]: event.target.value }, { resetPage: true })}
          >
            <option value="">{t('common.all')}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </label>
      ))}
      {children}
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setParams(Object.fromEntries(params.map((p) => [p, null])), { resetPage: true })}
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </div>
  );
}
