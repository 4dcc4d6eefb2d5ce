import { SelectField, TextAreaField, type Option } from "@/components/ui/field";

const NAMES = {
  resolution: {
    code: "resolutionCode",
    codeLabel: "Resolution code",
    notes: "resolutionNotes",
    notesLabel: "Resolution notes",
  },
  close: { code: "closeCode", codeLabel: "Close code", notes: "closeNotes", notesLabel: "Close notes" },
} as const;

/**
 * REC-4: the Resolution code and Resolution notes block of the case, incident and problem forms
 * (labels pinned by SPEC §15), and its twin on the change form, Close code and Close notes.
 * Uncontrolled: the forms remount per version, so the fields show the stored values.
 */
export function ResolutionFields({
  codes,
  code,
  notes,
  err,
  kind = "resolution",
}: {
  codes: readonly Option[];
  code: string | null;
  notes: string | null;
  err: (field: string) => string | undefined;
  kind?: keyof typeof NAMES;
}) {
  const n = NAMES[kind];
  return (
    <div className="grid gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
      <SelectField
        label={n.codeLabel}
        name={n.code}
        options={codes}
        blank="— None —"
        defaultValue={code ?? ""}
        error={err(n.code)}
      />
      <TextAreaField
        label={n.notesLabel}
        name={n.notes}
        className="sm:col-span-2"
        rows={2}
        defaultValue={notes ?? ""}
        error={err(n.notes)}
      />
    </div>
  );
}
