/**
 * SET-2: the search of one section of an account's page (contacts, assets): a GET form back to the
 * page with the section's own query parameter, so each section searches and pages on its own.
 */
export function SectionSearch({
  path,
  name,
  label,
  value,
  placeholder,
}: {
  path: string;
  /** The query parameter: contactQ, assetQ. */
  name: string;
  label: string;
  value: string;
  placeholder: string;
}) {
  return (
    <form method="get" action={path} role="search" className="flex items-end gap-2">
      <label className="text-xs font-semibold text-slate-600" htmlFor={`${name}-search`}>
        {label}
        <input
          id={`${name}-search`}
          name={name}
          defaultValue={value}
          placeholder={placeholder}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
        />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
        Search
      </button>
    </form>
  );
}
