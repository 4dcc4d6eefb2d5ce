import "server-only";
import { db, takeTurns, transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { IMPORT_KINDS, mapHeader, type ImportKind } from "@/lib/domain/directory/import/columns";
import { readCsv } from "@/lib/domain/directory/import/csv";
import { checkRow, type ImportRecord } from "@/lib/domain/directory/import/rows";
import { invalid } from "@/lib/domain/errors";
import { isChoice } from "@/lib/domain/records/choices";
import { LOCK } from "../../locks";
import { assertDirectory, forgetDirectoryOptions } from "../access";
import { planAccounts } from "./plan-accounts";
import { planAssets } from "./plan-assets";
import { planPeople } from "./plan-people";
import { lockRows } from "../../tables/row-locks";
import type {
  Counts,
  ImportInput,
  ImportResult,
  LockAccounts,
  Plan,
  PlannedRow,
  Progress,
  Reader,
  Write,
} from "./types";
import { writeAccounts, writeAssets, writePeople } from "./write";

export type { ImportResult, PlannedRow, Progress } from "./types";

type Ok<K extends ImportKind> = { row: number; value: ImportRecord[K] };

/** The file checked row by row (no database yet): the rows to plan, the refused rows, the header. */
function readFile(raw: ImportInput) {
  const kind = raw.kind;
  if (!isChoice(IMPORT_KINDS, kind))
    throw invalid("kind", `Kind must be one of: ${IMPORT_KINDS.map((k) => k.value).join(", ")}.`);
  if (typeof raw.csv !== "string") throw invalid("file", "Choose a CSV file to import.");
  const file = readCsv(raw.csv);
  const map = mapHeader(kind, file.header);
  if (map.problems.length) throw invalid("file", map.problems.join(" "));
  const columns = Object.fromEntries(Object.entries(map.index).map(([key, i]) => [key, file.header[i]]));
  return { kind, file, map, columns };
}

async function plan(
  client: Reader,
  raw: ImportInput,
  progress: Progress,
  lock?: LockAccounts,
): Promise<{ kind: ImportKind; plan: Plan<unknown>; ignored: string[] }> {
  const { kind, file, map, columns } = readFile(raw);
  const refused: PlannedRow[] = [];
  const ok: Ok<ImportKind>[] = [];
  file.rows.forEach((r, i) => {
    const checked = checkRow(kind, map, file.header, r);
    if (checked.ok) ok.push({ row: checked.row, value: checked.value });
    else
      refused.push({ row: checked.row, outcome: "error", label: r.cells[0] ?? "", errors: checked.errors });
    if (i % 1000 === 999) progress({ phase: "check", done: i + 1, total: file.rows.length });
  });
  const planned: Plan<unknown> =
    kind === "accounts"
      ? await planAccounts(client, ok, columns, lock)
      : kind === "assets"
        ? await planAssets(client, ok as Ok<"assets">[], columns, lock)
        : await planPeople(
            client,
            kind === "contacts" ? "contact" : "consumer",
            ok as Ok<"contacts">[],
            columns,
            lock,
          );
  progress({ phase: "check", done: file.rows.length, total: file.rows.length });
  const rows = [...refused, ...planned.rows].sort((a, b) => a.row - b.row);
  return { kind, plan: { rows, writes: planned.writes }, ignored: map.ignored };
}

const countsOf = (rows: PlannedRow[]): Counts => {
  const counts: Counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
};

/** SET-3: the preview — each row's outcome (create, update, unchanged, or errors naming the column); writes nothing. */
export async function previewImport(
  actor: Actor,
  raw: ImportInput,
  progress: Progress = () => {},
): Promise<ImportResult> {
  assertDirectory(actor);
  const { kind, plan: p, ignored } = await plan(db(), raw, progress);
  return { kind, counts: countsOf(p.rows), rows: p.rows, ignoredColumns: ignored, committed: false };
}

/**
 * SET-3: Import — the file planned afresh inside one transaction (imports take turns, so two at once
 * never both create one email or name) and every valid row written there: creations set-based, each
 * update from the version it was planned on, audit rows for all (REC-5). A bad row is never written;
 * the same file again finds every row unchanged.
 */
export async function commitImport(
  actor: Actor,
  raw: ImportInput,
  progress: Progress = () => {},
): Promise<ImportResult> {
  assertDirectory(actor);
  const result = await transaction(async (tx: Tx) => {
    await takeTurns(tx, LOCK.import);
    // NO KEY UPDATE: a deactivation waits for the import, new cases of those accounts do not.
    const lock: LockAccounts = (ids) => lockRows(tx, "Account", ids, "NO KEY UPDATE");
    const { kind, plan: p, ignored } = await plan(tx, raw, progress, lock);
    let done = 0;
    const total = p.writes.length;
    const tick = () => {
      done++;
      if (done % 500 === 0 || done === total) progress({ phase: "write", done, total });
    };
    const author = { id: actor.id, name: actor.name };
    if (kind === "accounts") await writeAccounts(tx, p.writes as Write<never>[], author, tick);
    else if (kind === "assets") await writeAssets(tx, p.writes as Write<never>[], author, tick);
    else await writePeople(tx, p.writes as Write<never>[], author, tick);
    return { kind, counts: countsOf(p.rows), rows: p.rows, ignoredColumns: ignored, committed: true };
  });
  forgetDirectoryOptions();
  return result;
}
