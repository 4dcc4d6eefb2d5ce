import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { applyVersionedPatch } from "../records/patch";

export type IncidentRow = NonNullable<Awaited<ReturnType<Tx["incident"]["findUnique"]>>>;

export async function requireIncident(tx: Tx, number: string): Promise<IncidentRow> {
  const row = await tx.incident.findUnique({ where: { number } });
  if (!row) throw notFound(`Incident ${number}`);
  return row;
}

export function applyIncidentPatch(
  tx: Tx,
  actor: Actor | null,
  current: IncidentRow,
  version: number,
  patch: Record<string, unknown>,
) {
  return applyVersionedPatch(tx, {
    table: TABLE.incident,
    noun: "incident",
    current,
    version,
    patch,
    actor,
    update: (where, data) => tx.incident.updateMany({ where, data }),
  });
}
