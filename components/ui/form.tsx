import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

const control =
  'h-8 max-w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-sky-600 focus:outline-none disabled:bg-slate-100 aria-[invalid=true]:border-rose-600';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(control, 'pr-7', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, 'h-auto min-h-20 py-1.5', className)} {...props} />;
}

/** A labelled control with its validation message; the message is tied to the control for screen readers. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor: string;
  error?: string | string[];
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const message = Array.isArray(error) ? error.join(' ') : error;
  return (
    <div className={cn('flex max-w-full min-w-0 flex-col gap-1', className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !message ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {message ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-xs text-rose-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ ok, children }: { ok?: boolean; children: ReactNode }) {
  if (!children) return null;
  return (
    <p
      role={ok ? 'status' : 'alert'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-rose-200 bg-rose-50 text-rose-800',
      )}
    >
      {children}
    </p>
  );
}
