/** The outcome of a form: an error (role=alert) or a confirmation (role=status). */
export function Notice({ result }: { result?: { ok: boolean; message?: string } | null }) {
  if (!result?.message) return null;
  return result.ok ? (
    <p
      role="status"
      className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
    >
      {result.message}
    </p>
  ) : (
    <p
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
    >
      {result.message}
    </p>
  );
}

/**
 * Whether a refusal says something no field of the form shows, so it must show above the form: no
 * field named, or one the form has no input for — a stale save (`version`), a case whose state moved
 * meanwhile (`state`), a slot taken meanwhile (`changeId`). Such refusals were dropped: the form
 * stopped spinning, kept its values, and seemed to have saved.
 */
export function refusedBeside(
  result: { ok: boolean; fieldErrors?: Record<string, string> } | null | undefined,
  shown: Iterable<string>,
): boolean {
  if (!result || result.ok) return false;
  if (!result.fieldErrors) return true;
  const fields = new Set(shown);
  return Object.keys(result.fieldErrors).some((k) => !fields.has(k));
}

/**
 * A form's notice (the one place forms decide it): its confirmation, or a refusal no field in
 * `shown` displays beside itself (refusedBeside) — a stale save, a hidden id, no field at all.
 */
export function FormNotice({
  result,
  shown,
}: {
  result?: { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;
  shown: readonly string[];
}) {
  return <Notice result={result && (result.ok || refusedBeside(result, shown)) ? result : null} />;
}
