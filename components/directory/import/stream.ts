/** One line of the import route's answer (app/api/admin/import/route.ts). */
export type ImportLine =
  | { type: "progress"; phase: "check" | "write"; done: number; total: number }
  | { type: "error"; message: string }
  | ({ type: "result" } & ImportAnswer);

export type ImportRowOutcome = {
  row: number;
  outcome: "create" | "update" | "unchanged" | "error";
  label: string;
  changes?: string[];
  errors?: { column: string; message: string }[];
};
export type ImportAnswer = {
  kind: string;
  counts: Record<ImportRowOutcome["outcome"], number>;
  rows: ImportRowOutcome[];
  ignoredColumns: string[];
  committed: boolean;
};

/**
 * Sends the file and reads the answer as it streams, one JSON object per line: progress first, then
 * the result or an error. A refusal before the stream (401, 403, 413…) comes back as an error line.
 */
export async function sendImport(
  kind: string,
  mode: "preview" | "import",
  file: File,
  onLine: (line: ImportLine) => void,
): Promise<void> {
  const res = await fetch(`/api/admin/import?kind=${encodeURIComponent(kind)}&mode=${mode}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    onLine({ type: "error", message: body?.error?.message ?? `The server answered ${res.status}.` });
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportLine);
  }
  if (buffered.trim()) onLine(JSON.parse(buffered) as ImportLine);
}
