import "server-only";
import { controlCharacterIn } from "@/lib/domain/validation";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { portalRequestRefusal } from "@/lib/domain/work-orders/portal-request";
import { activePlugins } from "../plugins/read";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { initialTimeline } from "@/lib/domain/journal/items";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "@/lib/domain/portal/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { CaseState } from "@/lib/domain/records/choices";
import { db } from "@/lib/db";
import { acceptClosesChildren } from "./answers";
import { listJournal } from "../journal/read";
import { requireExternalScope } from "@/lib/domain/scope/external";
import { findPortalCase, pagePortalCases } from "@/lib/server/tables/case-scope";
import { num } from "@/lib/server/tables/sql";

/**
 * Counting stops a little past the page shown ("1–25 of 500+" says enough): a partner admin's
 * scope can hold 10,000+ cases, and an exact count walked half the Case table on every list
 * load (PERF-7). Deeper pages count as far as they need to show their own position.
 */
export const PORTAL_COUNT_CAP = 500;
const countCap = (page: number) => Math.max(PORTAL_COUNT_CAP, page * PORTAL_PAGE_SIZE + PORTAL_PAGE_SIZE);

/**
 * POR-1: the portal's case list — the cases the user may see (ROLE-3), newest update first,
 * 25 a page, searched by number or short description and filtered by state. Two statements,
 * each with the scope in its WHERE; the count is capped so it stays bounded (PERF-7).
 */
export async function listPortalCases(actor: Actor | null | undefined, query: PortalListQuery) {
  const scope = requireExternalScope(actor);
  const size = PORTAL_PAGE_SIZE;
  const cap = countCap(query.page);
  const { rows, counted: total } = await pagePortalCases(scope, query, {
    limit: size,
    offset: (query.page - 1) * size,
    countCap: cap,
  });
  return {
    rows: rows.map((r) => ({
      number: r.number,
      shortDescription: r.shortDescription,
      state: num(r.state),
      priority: num(r.priority),
      updatedAt: new Date(r.updatedAt),
    })),
    total: Math.min(total, cap),
    capped: total > cap,
    page: query.page,
    pageSize: size,
  };
}

/**
 * POR-1: the portal case page — only customer-safe fields (no assignment, no related records, no
 * resolution internals; the asset by name) and the additional comments (never work notes, JRN-3). A case outside
 * the user's scope answers exactly like a missing number (POR-4): one statement with the scope.
 */
export async function getPortalCase(actor: Actor | null | undefined, number: string) {
  const scope = requireExternalScope(actor);
  // A control character is in no number; PostgreSQL would refuse the query (REL-8).
  const row = controlCharacterIn(number) ? undefined : await findPortalCase(scope, number);
  if (!row) throw notFound(`Case ${number}`);
  const state = num(row.state);
  const [journal, plugins, closesChildren] = await Promise.all([
    listJournal(TABLE.case, num(row.id), { includeWorkNotes: false }),
    activePlugins(),
    // MAJ-5: asked only of a Resolved major case (one statement more on that page alone).
    state === CaseState.Resolved &&
      acceptClosesChildren(db(), { id: num(row.id), majorCaseState: row.majorCaseState }),
  ]);
  const parties = {
    state,
    accountId: row.accountId === null ? null : num(row.accountId),
    contactId: row.contactId === null ? null : num(row.contactId),
    consumerId: row.consumerId === null ? null : num(row.consumerId),
    parentId: row.parentId === null ? null : num(row.parentId),
  };
  return {
    number: row.number,
    /** The version the page shows: Accept solution is refused once the case changed (REC-6). */
    version: num(row.version),
    state,
    priority: num(row.priority),
    shortDescription: row.shortDescription,
    description: row.description,
    /** The proposed solution, which the customer accepts or rejects; nothing else of the resolution. */
    resolutionNotes: row.resolutionNotes ?? "",
    /** Accept solution is offered: not on a major case that still has children to close (MAJ-5). */
    canAccept: state === CaseState.Resolved && !closesChildren,
    /** The asset of their account the case is about (POR-1 New case names one). */
    assetName: row.assetName,
    openedAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    timeline: initialTimeline(journal, actor!),
    /** FSM-5: the Request a work order form is offered (the service checks the same rule again). */
    canRequestWorkOrder: plugins.has(PLUGIN.fieldService) && portalRequestRefusal(actor!, parties) === null,
  };
}
export type PortalCase = Awaited<ReturnType<typeof getPortalCase>>;
