/** What a row's form answered, beside its controls: an error (alert) or a confirmation (status). */
export function RowOutcome({ result }: { result: { ok: boolean; message?: string } | null }) {
  if (!result?.message) return null;
  return (
    <span
      role={result.ok ? "status" : "alert"}
      className={`text-xs ${result.ok ? "text-emerald-700" : "text-red-700"}`}
    >
      {result.message}
    </span>
  );
}
