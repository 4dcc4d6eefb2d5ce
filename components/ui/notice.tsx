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
