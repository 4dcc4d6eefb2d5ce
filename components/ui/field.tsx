import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** A text field's or select's look (app/globals.css .cf-control: short, on twenty controls a page). */
export const controlClass = (error?: string) => (error ? "cf-control invalid" : "cf-control");

type Wrap = {
  label: string;
  id: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
  /** At the label row's end: a small action of the field (the case form's New contact). */
  aside?: React.ReactNode;
  children: React.ReactNode;
};

/**
 * A labelled form control with its error message (announced to screen readers). The label's
 * text is exactly the field's name; the required marker sits outside it.
 */
export function Field({ label, id, error, hint, required, className = "", aside, children }: Wrap) {
  return (
    <div className={className}>
      <div className="mb-1 flex items-baseline gap-1 text-xs font-semibold text-slate-600">
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
        {required && (
          <span className="text-red-600" aria-hidden>
            *
          </span>
        )}
        {aside && <div className="ml-auto">{aside}</div>}
      </div>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: string; name: string; error?: string; hint?: string; className?: string };

export function TextField({
  label,
  name,
  error,
  hint,
  className,
  id,
  required,
  ...rest
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <Field label={label} id={fid} error={error} hint={hint} required={required} className={className}>
      <input
        id={fid}
        name={name}
        required={required}
        aria-invalid={!!error}
        aria-describedby={error ? `${fid}-error` : undefined}
        className={controlClass(error)}
        {...rest}
      />
    </Field>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  className,
  id,
  required,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <Field label={label} id={fid} error={error} hint={hint} required={required} className={className}>
      <textarea
        id={fid}
        name={name}
        required={required}
        aria-invalid={!!error}
        aria-describedby={error ? `${fid}-error` : undefined}
        className={controlClass(error)}
        {...rest}
      />
    </Field>
  );
}

export type Option = { value: string | number; label: string };

export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  id,
  options,
  blank,
  required,
  ...rest
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly Option[];
    blank?: string;
    /** A controlled select's useEarlyValue (components/ui/early-value.ts). */
    ref?: Ref<HTMLSelectElement>;
  }) {
  const fid = id ?? `f-${name}`;
  return (
    <Field label={label} id={fid} error={error} hint={hint} required={required} className={className}>
      <select
        id={fid}
        name={name}
        required={required}
        aria-invalid={!!error}
        aria-describedby={error ? `${fid}-error` : undefined}
        className={controlClass(error)}
        {...rest}
      >
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A read-only value shown in a form grid. */
export function ReadOnlyField({
  label,
  children,
  className = "",
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <div className="mb-1 text-xs font-semibold text-slate-600">{label}</div>
      <div className="min-h-[34px] rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-800">
        {children}
      </div>
    </div>
  );
}
