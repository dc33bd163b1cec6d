import type { InputHTMLAttributes } from 'react';
import { Input } from './form';

/**
 * A calendar date typed and shown as ISO `YYYY-MM-DD` whatever the browser's language (a native
 * date input shows the browser's format, e.g. 12/03/2026). `min`/`max` stay the server's to check.
 */
export function DateInput({ className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <Input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      pattern="\d{4}-\d{2}-\d{2}"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      title="YYYY-MM-DD"
      className={className ?? 'w-28 tabular-nums'}
      {...props}
    />
  );
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
