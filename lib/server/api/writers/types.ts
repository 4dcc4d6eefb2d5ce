import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import type { ApiTable } from "@/lib/domain/api/table";

export type Row = Record<string, unknown>;
export type Input = Record<string, unknown>;

/**
 * What the request's parameters add to a write. `confirmChildren` (`sysparm_confirm_children=true`):
 * MAJ-5's confirmation that a change of an accepted major case reaches its open children — the
 * dialog the UI shows; without it such a write is the 409 that names the children.
 */
export type WriteOptions = { confirmChildren: boolean };

/** The two writes: POST (answers the new record's id) and PATCH/PUT. */
export type Writes = {
  create: (actor: Actor, input: Input, tx: Tx, opts?: WriteOptions) => Promise<{ id: number | string }>;
  update: (
    actor: Actor,
    row: Row,
    input: Input,
    version: number,
    tx: Tx,
    opts?: WriteOptions,
  ) => Promise<void>;
};

/**
 * How the API writes a table: through the same services as the UI (API-2), so the domain rules,
 * sync, audit and journal apply. One request is one transaction (`tx`, handed to each service):
 * its journal entry, fields and links are saved together or not at all (REL-1). The journal
 * entry goes first, so a note sent with the state that closes the record is written on it.
 * `version` is the client's sys_mod_count when it sent one
 * (REC-6); without it the record's current version is used, as ServiceNow writes.
 */
export type Writer = Partial<Writes> & {
  /** Why there is no `create` (the UI makes these records elsewhere), for the 403. */
  noCreate?: string;
  /**
   * Throws the 403 of an internal role that may not write the table at all (the directory's, SET-5),
   * before the body is read — so a refused role never gets a 400 about its body instead. The
   * services check the role again themselves.
   */
  guard?: (actor: Actor) => void;
  /**
   * How external users write (ROLE-3): the portal's own services, and the fields (ServiceNow
   * names) each verb takes from them; any other field is a 403 naming it. Absent: they write
   * nothing in this table.
   */
  external?: { [K in keyof Writes]?: { fields: readonly string[]; write: Writes[K] } };
};

/** Splits the journal fields (`work_notes`, `comments`) from the record's fields. */
export function splitJournal(input: Input) {
  const { workNotes, comments, ...fields } = input;
  const journal = {
    workNotes: typeof workNotes === "string" ? workNotes : "",
    comments: typeof comments === "string" ? comments : "",
  };
  return { fields, journal, hasJournal: !!(journal.workNotes.trim() || journal.comments.trim()) };
}

export const hasKeys = (o: object) => Object.keys(o).length > 0;

/** A body's value against the stored one (dates by their time). */
const sameValue = (stored: unknown, given: unknown) =>
  stored instanceof Date && given instanceof Date ? stored.getTime() === given.getTime() : stored === given;

/**
 * API-2: the body's fields whose value differs from the record read — a record PUT back carries every
 * field as it was read, which is no change (so neither refused nor written); `keep` are passed on as
 * given (the service itself treats an unchanged value as no change).
 */
export function changedInputs(row: Row, input: Input, keep: readonly string[] = []): Input {
  return Object.fromEntries(
    Object.entries(input).filter(([k, v]) => keep.includes(k) || !sameValue(row[k], v)),
  );
}

/**
 * A field the table writes on one verb but the service does not take on this one (a task's
 * `parent` after creation…) is a 400 naming it, never silently dropped.
 */
export function onlyInputs(table: ApiTable, input: Input, accepted: readonly string[], verb: string) {
  const extra = Object.keys(input).find((k) => !accepted.includes(k));
  if (extra === undefined) return;
  const name = Object.keys(table.fields).find((f) => table.fields[f].input === extra) ?? extra;
  throw invalid(name, `Field "${name}" of table ${table.name} cannot be written on ${verb}.`);
}
