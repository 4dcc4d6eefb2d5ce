import "server-only";
import type { Actor } from "@/lib/domain/auth/roles";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { caseStates, labelOf, requestStates } from "@/lib/domain/records/choices";
import { requireExternalScope } from "@/lib/domain/scope/external";
import { activePlugins } from "../plugins/read";
import { pageOpenCasesInScope } from "@/lib/server/tables/case-scope";
import { pageRequestsInScope } from "@/lib/server/tables/request";
import { num } from "@/lib/server/tables/sql";
import { listPage } from "@/lib/domain/validation";

export const MY_LIST_PAGE_SIZE = 25;

export type MyListRow = { number: string; state: string; shortDescription: string; caseNumber: string };
export type MyList = { rows: MyListRow[]; total: number; page: number; pageSize: number };

/** One page of MY_LIST_PAGE_SIZE rows, as the table reads take it. */
const pageOf = (page: number) => ({ limit: MY_LIST_PAGE_SIZE, offset: (page - 1) * MY_LIST_PAGE_SIZE });

/** POR-5: the open cases (New, Open, Awaiting Info) the user may see (ROLE-3), newest update first. */
export async function listMyOpenCases(actor: Actor | null | undefined, page?: number): Promise<MyList> {
  const scope = requireExternalScope(actor);
  const at = listPage(page);
  const { rows, total } = await pageOpenCasesInScope(scope, pageOf(at));
  const list = rows.map((r) => ({ ...r, state: labelOf(caseStates, num(r.state)) }));
  return { rows: list, total, page: at, pageSize: MY_LIST_PAGE_SIZE };
}

/**
 * POR-5: the requests related to the cases the user may see, with their case, newest update first;
 * none while Request Management is off (its records disappear with the plugin).
 */
export async function listMyRequests(actor: Actor | null | undefined, page?: number): Promise<MyList | null> {
  const scope = requireExternalScope(actor);
  if (!(await activePlugins()).has(PLUGIN.requestManagement)) return null;
  const at = listPage(page);
  const { rows, total } = await pageRequestsInScope(scope, pageOf(at));
  const list = rows.map((r) => ({ ...r, state: labelOf(requestStates, String(r.state)) }));
  return { rows: list, total, page: at, pageSize: MY_LIST_PAGE_SIZE };
}
