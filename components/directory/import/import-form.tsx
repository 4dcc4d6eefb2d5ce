"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useEarlyValue } from "@/components/ui/early-value";
import { Notice } from "@/components/ui/notice";
import { OutcomeTable } from "./outcome-table";
import { sendImport, type ImportAnswer, type ImportLine } from "./stream";

type Kind = { value: string; label: string; columns: { label: string; required: boolean; help: string }[] };
type Progress = Extract<ImportLine, { type: "progress" }>;

const summary = (a: ImportAnswer) =>
  a.committed
    ? `Imported: ${a.counts.create} created, ${a.counts.update} updated, ${a.counts.unchanged} unchanged` +
      (a.counts.error ? `; ${a.counts.error} rows with errors were not written.` : ".")
    : `Preview: ${a.counts.create} to create, ${a.counts.update} to update, ${a.counts.unchanged} unchanged, ` +
      `${a.counts.error} with errors. Nothing is written until you press Import.`;

/**
 * SET-3: choose the kind and a CSV file, Preview (each row's outcome, nothing written), then Import
 * (every valid row in one transaction). Progress shows while rows are checked and written; changing
 * the kind or the file asks for a new preview.
 */
export function ImportForm({ kinds }: { kinds: Kind[] }) {
  const [kind, setKind] = useState(kinds[0].value);
  // Chosen before the page's script ran: taken.
  const earlyKind = useEarlyValue<HTMLSelectElement>(setKind);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // A file chosen before the page's script ran (no change event reached React): taken, or Preview
  // stayed disabled beside the file's name.
  useEffect(() => {
    const early = fileInput.current?.files?.[0];
    if (early) setFile(early);
  }, []);
  const columns = kinds.find((k) => k.value === kind)!.columns;

  const run = async (mode: "preview" | "import") => {
    if (!file) return setError("Choose a CSV file first.");
    setBusy(mode);
    setError(null);
    setProgress(null);
    try {
      await sendImport(kind, mode, file, (line) => {
        if (line.type === "progress") setProgress(line);
        else if (line.type === "error") setError(line.message);
        else setAnswer(line);
      });
    } catch {
      // The answer broke off: an import may have finished on the server. Importing the same file
      // again changes nothing that was written, so previewing it again tells.
      setError(
        mode === "import"
          ? "The connection broke before the answer came; the import may have been written. " +
              "Preview the file again to see what is left to import."
          : "The file could not be sent. Check your connection and try again; nothing was written.",
      );
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  const reset = () => (setAnswer(null), setError(null));
  const writable = !!answer && !answer.committed && answer.counts.create + answer.counts.update > 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-kind" className="mb-1 block text-xs font-semibold text-slate-600">
            What the file holds
          </label>
          <select
            ref={earlyKind}
            id="import-kind"
            value={kind}
            onChange={(e) => (setKind(e.target.value), reset())}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-file" className="mb-1 block text-xs font-semibold text-slate-600">
            CSV file
          </label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), reset())}
            className="text-sm"
          />
        </div>
        <Button variant="secondary" disabled={!!busy || !file} onClick={() => void run("preview")}>
          {busy === "preview" ? "Checking…" : "Preview"}
        </Button>
        <Button variant="primary" disabled={!!busy || !writable} onClick={() => void run("import")}>
          {busy === "import" ? "Importing…" : "Import"}
        </Button>
      </div>
      <details className="text-sm text-slate-600">
        <summary className="cursor-pointer">
          Columns of the {kind} file (the first row names them; UTF-8; comma, semicolon or tab)
        </summary>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {columns.map((c) => (
            <li key={c.label}>
              <strong>{c.label}</strong>
              {c.required ? " (required)" : ""} — {c.help}
            </li>
          ))}
        </ul>
      </details>
      {progress && (
        <div role="status" className="space-y-1">
          <div className="text-sm text-slate-700">
            {progress.phase === "check" ? "Checking rows" : "Writing rows"}:{" "}
            {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")}
          </div>
          <progress
            value={progress.done}
            max={Math.max(1, progress.total)}
            aria-label={progress.phase === "check" ? "Checking rows" : "Writing rows"}
            className="h-2 w-full max-w-md"
          />
        </div>
      )}
      {busy && !progress && (
        <p role="status" className="text-sm text-slate-600">
          Sending the file…
        </p>
      )}
      <Notice
        result={
          error ? { ok: false, message: error } : answer ? { ok: true, message: summary(answer) } : null
        }
      />
      {answer && answer.ignoredColumns.length > 0 && (
        <p className="text-sm text-amber-800">
          Not imported (no such column): {answer.ignoredColumns.join(", ")}.
        </p>
      )}
      {answer && <OutcomeTable key={`${answer.committed}`} answer={answer} />}
    </div>
  );
}
