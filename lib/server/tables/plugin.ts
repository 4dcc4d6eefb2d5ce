import "server-only";
// "Plugin": the catalog plugins an admin switched off (a row with active = false).
import type { Tx } from "@/lib/db";
import { statement } from "@/lib/db/json-sql";
import { readRows } from "@/lib/db/read";

/** Inside a transaction: raw SQL (an ORM query is compiled anew on each call, ~0.3 ms of CPU). */
export async function switchedOff(client: Tx): Promise<{ id: string }[]> {
  return client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Plugin" WHERE "active" = ${false}`;
}

// Also read, for a signed-in request, in the requester's statement (lib/server/auth/requester-read.ts).
const INACTIVE = statement((d) => `SELECT "id" FROM "Plugin" WHERE "active" = ${d.p(1)}`);

/** Outside a transaction: the same read through the driver (lib/db/read.ts). */
export function readSwitchedOff(): Promise<{ id: string }[]> {
  return readRows<{ id: string }>(INACTIVE, [false]);
}
