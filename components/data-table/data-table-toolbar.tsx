'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/form';
import { useUrlState } from './use-url-state';

export type FacetFilter = { param: string; label: string; options: { value: string; label: string }[] };

/** Free-text search plus select filters, all written to the URL (page resets to 1). */
export function DataTableToolbar({
  searchParam = 'q',
  searchPlaceholder,
  filters = [],
  children,
}: {
  searchParam?: string;
  searchPlaceholder?: string;
  filters?: FacetFilter[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { searchParams, setParams } = useUrlState();
  const current = searchParams.get(searchParam) ?? '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const active = [searchParam, ...filters.map((f) => f.param)].some((p) => searchParams.get(p));

  return (
    <div className="flex flex-wrap items-end gap-2">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ [searchParam]: text.trim() }, { resetPage: true });
        }}
      >
        <Input
          type="search"
          aria-label={t('common.search')}
          placeholder={searchPlaceholder ?? t('common.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => text.trim() !== current && setParams({ [searchParam]: text.trim() }, { resetPage: true })}
          className="w-64"
        />
      </form>
      {filters.map((filter) => (
        <label key={filter.param} className="flex items-center gap-1.5 text-xs text-slate-600">
          <span>{filter.label}</span>
          <Select
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
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setParams(Object.fromEntries([searchParam, ...filters.map((f) => f.param)].map((p) => [p, null])), { resetPage: true })}
        >
          {t('common.reset')}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
