import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { diffFields, type FieldChange } from "@/lib/domain/audit/diff";
import { staleRecord } from "@/lib/domain/errors";
import { writeAudit } from "../audit/write";

type Versioned = { id: number; version: number } & Record<string, unknown>;

/**
 * Writes a patch to a versioned record if nobody saved it since `version` was read (REC-6),
 * with one audit row per changed field (REC-5). `update` runs the conditional update
 * (`updateMany where id and version`) and returns how many rows it changed.
 */
export async function applyVersionedPatch(
  tx: Tx,
  opts: {
    table: string;
    noun: string;
    current: Versioned;
    version: number;
    patch: Record<string, unknown>;
    actor: Pick<Actor, "id" | "name"> | null;
    update: (
      where: { id: number; version: number },
      data: Record<string, unknown>,
    ) => Promise<{ count: number }>;
  },
): Promise<FieldChange[]> {
  const { current, version } = opts;
  if (current.version !== version) throw staleRecord(opts.noun);
  const changes = diffFields(current, opts.patch);
  if (!changes.length) return changes;
  const data = Object.fromEntries(changes.map((c) => [c.field, opts.patch[c.field]]));
  const { count } = await opts.update({ id: current.id, version }, { ...data, version: { increment: 1 } });
  if (count !== 1) throw staleRecord(opts.noun);
  await writeAudit(tx, opts.table, current.id, changes, opts.actor);
  return changes;
}
