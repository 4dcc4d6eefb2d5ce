/**
 * A labelled checkbox of a form: "on" when ticked, else the hidden "false" before it (the last value of
 * a name wins, lib/domain/validation.ts formObject) — so an unticked box says no rather than nothing.
 */
export function CheckField({
  label,
  name,
  defaultChecked,
  id = `f-${name}`,
}: {
  label: string;
  name: string;
  defaultChecked?: boolean;
  id?: string;
}) {
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-800">
      <input type="hidden" name={name} value="false" />
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        className="h-4 w-4 rounded border-slate-400 accent-brand-600"
      />
      {label}
    </label>
  );
}
