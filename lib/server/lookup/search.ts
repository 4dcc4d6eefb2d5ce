import "server-only";
import { SELECT_LIMIT } from "@/lib/domain/pickers/select-limit";
import { db, type Prisma } from "@/lib/db";
import { canReadCases, canReadIncidents, canReadItsm, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { FINISHED_CHANGE_STATES } from "@/lib/domain/itsm/changes/lifecycle";
import { OPEN_INCIDENT_STATES } from "@/lib/domain/incidents/lifecycle";
import { RESOLVED_PROBLEM_STATES } from "@/lib/domain/itsm/problems/lifecycle";
import { MajorCaseState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { clipText } from "@/lib/domain/unicode";
import { recordId, refuseControlCharacters } from "@/lib/domain/validation";
import { containsInAny, numberOrFields } from "../text-search";
import { canBeAssigned } from "../tables/user-role";
import { partnersOf, userLabel } from "./choices";

export type Option = { id: number; label: string; detail?: string };
export const LOOKUP_LIMIT = 20;

type Search = (q: string, params: URLSearchParams, actor: Actor) => Promise<Option[]>;

const limitOf = (params: URLSearchParams) =>
  Math.min(Math.max(Math.trunc(Number(params.get("limit"))) || LOOKUP_LIMIT, 1), SELECT_LIMIT + 1);
const idParam = (params: URLSearchParams, name: string) => recordId(params.get(name)) ?? undefined;

const SEARCHES_BY_KIND: Record<string, Search> = {
  /**
   * Active accounts; `partner=1` partners only, `customer=1` customers only; with `partnerOf`, the
   * partners of that account (related to it, or the account itself when it is a partner): a case's
   * Partner follows its Account.
   */
  async accounts(q, params, actor) {
    const partnerOf = idParam(params, "partnerOf");
    // PRO-1: Add affected account offers the accounts the incident does not list yet (asked only
    // by those who read incidents: the answer says which accounts an incident affects).
    const notAffectedBy = canReadIncidents(actor) ? idParam(params, "notAffectedBy") : undefined;
    const rows = await db().account.findMany({
      where: {
        active: true, // SET-2: a deactivated account is offered in no picker
        ...(params.get("partner") === "1" ? { isPartner: true } : {}),
        ...(params.get("customer") === "1" ? { isCustomer: true } : {}),
        ...(notAffectedBy ? { affectedBy: { none: { incidentId: notAffectedBy } } } : {}),
        // Both are OR lists: ANDed, so that neither replaces the other (the text was ignored).
        AND: [numberOrFields("account", q, ["name"]), partnerOf ? partnersOf(partnerOf) : {}],
      },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true, number: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.name, detail: r.number }));
  },
  async contacts(q, params) {
    const accountId = idParam(params, "account");
    const rows = await db().user.findMany({
      where: {
        kind: "contact",
        active: true,
        ...(accountId ? { accountId } : {}),
        ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email"]),
      },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true, email: true, account: { select: { name: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      label: r.name,
      detail: `${r.email}${r.account ? ` · ${r.account.name}` : ""}`,
    }));
  },
  async consumers(q, params) {
    const rows = await db().user.findMany({
      where: {
        kind: "consumer",
        active: true,
        ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email"]),
      },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true, email: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.name, detail: r.email }));
  },
  async assets(q, params) {
    const accountId = idParam(params, "account");
    const rows = await db().asset.findMany({
      where: { ...(accountId ? { accountId } : {}), ...numberOrFields("asset", q, ["name", "serialNumber"]) },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true, number: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.name, detail: r.number }));
  },
  /**
   * Internal users; with `group`, that group's members (WRK-1: Assigned to follows Assignment group);
   * with `notMemberOf`, those not in that group yet (WRK-1: a group's Add member).
   */
  async users(q, params) {
    const groupId = idParam(params, "group");
    const outside = idParam(params, "notMemberOf");
    // WRK-1: `works=case|incident` — those who can be assigned that record (as the services check).
    const works = params.get("works");
    const kind = works === "case" || works === "incident" ? works : undefined;
    const rows = await db().user.findMany({
      where: {
        kind: "internal",
        active: true,
        // Only those with an internal role can be assigned, manage or be members (the services
        // refuse the rest): a user made with no role was offered, then refused.
        roles: canBeAssigned(kind),
        // Prisma leaves out a filter given as undefined: with neither, any memberships.
        groupMemberships: {
          some: groupId ? { groupId } : undefined,
          none: outside ? { groupId: outside } : undefined,
        },
        ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email"]),
      },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true, email: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.name, detail: r.email }));
  },
  /** WRK-1: active assignment groups. */
  async groups(q, params) {
    const rows = await db().group.findMany({
      where: { active: true, ...containsInAny<Prisma.GroupWhereInput>(q, ["name"]) },
      orderBy: { name: "asc" },
      take: limitOf(params),
      select: { id: true, name: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.name }));
  },
  /** ADM-4's token user: active users of every kind (the admin page's typeahead past SELECT_LIMIT). */
  async activeUsers(q, params) {
    const rows = await db().user.findMany({
      where: { active: true, ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email"]) },
      orderBy: [{ kind: "desc" }, { name: "asc" }],
      take: limitOf(params),
      select: { id: true, name: true, email: true, kind: true, account: { select: { name: true } } },
    });
    return rows.map((r) => ({ id: r.id, label: userLabel(r), detail: r.email }));
  },
  async incidents(q, params, actor) {
    if (!canReadIncidents(actor)) throw forbidden();
    const open = params.get("open") !== "0";
    const rows = await db().incident.findMany({
      where: {
        ...(open ? { state: { in: OPEN_INCIDENT_STATES } } : {}),
        ...numberOrFields("incident", q, ["shortDescription"]),
      },
      orderBy: { updatedAt: "desc" },
      take: limitOf(params),
      select: { id: true, number: true, shortDescription: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.number, detail: r.shortDescription }));
  },
  /** Cases that can become children of a major case: open, ordinary, not already a child. */
  async cases(q, params) {
    const rows = await db().case.findMany({
      where: {
        state: { in: OPEN_CASE_STATES },
        parentId: null,
        majorCaseState: { in: [MajorCaseState.None, MajorCaseState.Rejected] },
        ...numberOrFields("case", q, ["shortDescription"]),
      },
      orderBy: { updatedAt: "desc" },
      take: limitOf(params),
      select: { id: true, number: true, shortDescription: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.number, detail: r.shortDescription }));
  },
  async problems(q, params, actor) {
    if (!canReadItsm(actor)) throw forbidden();
    const rows = await db().problem.findMany({
      where: {
        ...(params.get("open") === "1" ? { state: { notIn: RESOLVED_PROBLEM_STATES } } : {}),
        ...numberOrFields("problem", q, ["shortDescription"]),
      },
      orderBy: { updatedAt: "desc" },
      take: limitOf(params),
      select: { id: true, number: true, shortDescription: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.number, detail: r.shortDescription }));
  },
  async changes(q, params, actor) {
    if (!canReadItsm(actor)) throw forbidden();
    const rows = await db().changeRequest.findMany({
      where: {
        ...(params.get("open") === "1" ? { state: { notIn: FINISHED_CHANGE_STATES } } : {}),
        ...numberOrFields("change", q, ["shortDescription"]),
      },
      orderBy: { updatedAt: "desc" },
      take: limitOf(params),
      select: { id: true, number: true, shortDescription: true },
    });
    return rows.map((r) => ({ id: r.id, label: r.number, detail: r.shortDescription }));
  },
};

/** A Map, not a plain object: "__proto__", "constructor" or "hasOwnProperty" are no kinds (REL-1). */
const SEARCHES = new Map<string, Search>(Object.entries(SEARCHES_BY_KIND));

export const LOOKUP_KINDS = [...SEARCHES.keys()];

/** Typeahead for pickers in the workspace: staff with a workspace role only; bounded result size. */
export async function lookup(actor: Actor, kind: string, params: URLSearchParams): Promise<Option[]> {
  if (!canReadCases(actor)) throw forbidden();
  const search = SEARCHES.get(kind);
  if (!search) throw notFound(`The lookup "${kind.slice(0, 40)}"`);
  // Cut between characters (clipText): half an emoji was refused by the database client, a 500.
  const q = refuseControlCharacters(clipText((params.get("q") ?? "").trim(), 100), "q", "Search text");
  return search(q, params, actor);
}
