import "server-only";
import { db, type Tx } from "@/lib/db";
import { API_TABLES, type ApiTableName, type RefTableName } from "@/lib/domain/api/table";
import { TABLES } from "@/lib/domain/api/tables";
import { LISTED_NAMES } from "../properties/materialise";

type Row = Record<string, unknown>;
/** The part of a Prisma model delegate the Table API reader uses. */
export type Delegate = {
  findMany(args: object): Promise<Row[]>;
  findFirst(args: object): Promise<Row | null>;
  count(args: object): Promise<number>;
};

/** The Prisma model behind each table, and the rows of the model that belong to it. */
export const MODEL: Record<ApiTableName, { model: string; base?: Row }> = {
  sn_customerservice_case: { model: "case" },
  incident: { model: "incident" },
  problem: { model: "problem" },
  change_request: { model: "changeRequest" },
  sc_request: { model: "request" },
  wm_order: { model: "workOrder" },
  wm_task: { model: "workOrderTask" },
  customer_account: { model: "account" },
  customer_contact: { model: "user", base: { kind: "contact" } },
  csm_consumer: { model: "user", base: { kind: "consumer" } },
  alm_asset: { model: "asset" },
  sys_user: { model: "user" },
  sys_user_group: { model: "group" },
  // ADM-1: a property the product does not act on is not there (rows may remain from older versions).
  sys_properties: { model: "systemProperty", base: { name: { in: [...LISTED_NAMES] } } },
  sys_journal_field: { model: "journalEntry" },
};

/** A referenced table's model and the column answered as its display value: every API table's
 * own (MODEL and its `displayColumn`). */
export const REF_TARGET = Object.fromEntries(
  API_TABLES.map((name) => [name, { model: MODEL[name].model, display: TABLES[name].displayColumn }]),
) as Record<RefTableName, { model: string; display: string }>;

export const delegate = (model: string, client: Tx = db()): Delegate =>
  (client as unknown as Record<string, Delegate>)[model];
