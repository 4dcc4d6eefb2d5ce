import "server-only";
import { db, databaseUrl } from "@/lib/db";
import type { AssignedKind } from "@/lib/domain/auth/roles";
import { canBeAssigned } from "../tables/user-role";
import { cached, forgetCached } from "../cache";

import { SELECT_LIMIT, selectOrTypeahead } from "@/lib/domain/pickers/select-limit";

export { SELECT_LIMIT };
/** Option lists of accounts and agents are reused for a few seconds (they change rarely). */
const TTL_MS = 10_000;
const key = (name: string) => `options:${databaseUrl()}:${name}`;

export type RefOption = { value: number; label: string };

/** All accounts as select options, or null when there are too many for a select. */
export function accountOptions(opts: { partnersOnly?: boolean } = {}): Promise<RefOption[] | null> {
  return cached(key(opts.partnersOnly ? "partners" : "accounts"), TTL_MS, async () => {
    const where = { active: true, ...(opts.partnersOnly ? { isPartner: true } : {}) };
    const rows = await db().account.findMany({
      where,
      orderBy: { name: "asc" },
      take: SELECT_LIMIT + 1,
      select: { id: true, name: true },
    });
    return rows.length > SELECT_LIMIT ? null : rows.map((r) => ({ value: r.id, label: r.name }));
  });
}

/**
 * WRK-4: a filter's select options and the record its URL names — from the options, or read with
 * `choice` when they do not hold it (a typeahead's, with too many for a select; or a deactivated one).
 * An id that names no such record is named `unknown`: the filter says why the list is empty, rather
 * than showing its "any" choice over a list filtered by something.
 */
export async function optionsNaming<Options extends RefOption[] | null>(
  options: Promise<Options>,
  id: number | undefined,
  choice: (id: number | undefined) => Promise<RefOption | null>,
  unknown: string,
) {
  const all = await options;
  const named = all?.find((o) => o.value === id) ?? (await choice(id));
  return [all, named ?? (id ? { value: id, label: unknown } : null)] as const;
}

/**
 * WRK-4: the account a list is filtered by, named, for the Account filter: the typeahead's text when
 * there are too many accounts for a select, or a deactivated account the select does not offer
 * (an old link still says what it filters by). Kept like the option lists (a rename shows within
 * seconds); null for an id that names no account.
 */
export function accountChoice(id: number | undefined): Promise<RefOption | null> {
  return namedChoice(`account:${id}`, id, () =>
    db().account.findUnique({ where: { id }, select: { id: true, name: true } }),
  );
}

/**
 * WRK-4: the internal user a list's Assigned to filter names, for the same reasons as
 * accountChoice: with more people than a select lists, or one deactivated since. Null for an id
 * that names no internal user.
 */
export function assigneeChoice(id: number | undefined): Promise<RefOption | null> {
  return namedChoice(`assignee:${id}`, id, () =>
    db().user.findFirst({ where: { id, kind: "internal" }, select: { id: true, name: true } }),
  );
}

/**
 * WRK-4: the assignment group a list's filter names, for the same reasons: one deactivated since a
 * view was saved still finds its cases, so the field names it "(inactive)" and Apply keeps it.
 */
export function groupChoice(id: number | undefined): Promise<RefOption | null> {
  return namedChoice(`group:${id}`, id, async () => {
    const g = await db().group.findUnique({ where: { id }, select: { id: true, name: true, active: true } });
    return g && { id: g.id, name: g.active ? g.name : `${g.name} (inactive)` };
  });
}

/** A record named by id, kept like the option lists; null for no id, or one that names nothing. */
function namedChoice(
  name: string,
  id: number | undefined,
  load: () => Promise<{ id: number; name: string } | null>,
): Promise<RefOption | null> {
  if (!id) return Promise.resolve(null);
  // An id that names nothing is not kept (a failed load is not): the kept entries are bounded by
  // the records there are, whatever ids are put in a URL.
  return cached(key(name), TTL_MS, async () => {
    const row = await load();
    if (!row) throw NOTHING;
    return { value: row.id, label: row.name };
  }).catch((e: unknown) => {
    if (e === NOTHING) return null;
    throw e;
  });
}
/** Thrown inside the load only, and caught just outside it (never seen by a caller). */
const NOTHING = new Error("no such record");

/**
 * Internal users who can be assigned work: of a kind, those who can work it (WRK-1: a case's
 * assignee works cases), else anyone with an internal role — as the services check.
 */
export function assigneeOptions(kind?: AssignedKind): Promise<RefOption[] | null> {
  return cached(key(`assignees${kind ? `:${kind}` : ""}`), TTL_MS, async () => {
    const rows = await db().user.findMany({
      where: { kind: "internal", active: true, roles: canBeAssigned(kind) },
      orderBy: { name: "asc" },
      take: SELECT_LIMIT + 1,
      select: { id: true, name: true },
    });
    return rows.length > SELECT_LIMIT ? null : rows.map((r) => ({ value: r.id, label: r.name }));
  });
}

/**
 * ADM-4: whom a token can be made for — every active user, contacts and consumers too (an
 * integration may act as a customer, scoped by ROLE-3); an external user's label names their
 * account (or kind). Not cached: the admin page is the only reader, and a new user must show.
 */
export async function tokenUserOptions(): Promise<RefOption[] | null> {
  const rows = await db().user.findMany({
    where: { active: true },
    orderBy: [{ kind: "desc" }, { name: "asc" }],
    take: SELECT_LIMIT + 1,
    select: { id: true, name: true, kind: true, account: { select: { name: true } } },
  });
  if (rows.length > SELECT_LIMIT) return null;
  return rows.map((r) => ({ value: r.id, label: userLabel(r) }));
}

/** A user as a picker names them: internal users by name, external ones with their account or kind. */
export const userLabel = (u: { name: string; kind: string; account: { name: string } | null }) =>
  u.kind === "internal" ? u.name : `${u.name} (${u.account?.name ?? u.kind})`;

/** ADM-3: a user was created, (de)activated or given roles: the user lists load afresh. */
export function forgetUserOptions(): void {
  forgetCached(key("assignees"));
  forgetCached(key("assignee:"));
  forgetCached(key("contacts:"));
}

/**
 * Active contacts of one account (a work order's Contact, an account's Primary contact), or null
 * when there are more than a select lists (then the field is a typeahead over the account's contacts).
 */
export async function contactOptions(accountId: number | null): Promise<RefOption[] | null> {
  if (!accountId) return [];
  return cached(key(`contacts:${accountId}`), TTL_MS, async () => {
    const rows = await db().user.findMany({
      where: { kind: "contact", accountId, active: true },
      orderBy: { name: "asc" },
      take: SELECT_LIMIT + 1,
      select: { id: true, name: true },
    });
    return selectOrTypeahead(rows.map((r) => ({ value: r.id, label: r.name })));
  });
}

/**
 * An account filter: the partners of `accountId` — related to it, or the account itself (a partner's
 * own case). The case page's one statement says the same in SQL (lib/server/cases/page-read.ts).
 */
export const partnersOf = (accountId: number) => ({
  OR: [{ id: accountId }, { customersOf: { some: { customerAccountId: accountId } } }],
});

/**
 * The partners a record of this account may name (a case's or work order's Partner follows its
 * Account): those related to it, and the account itself when it is a partner (a partner's own
 * case, POR-1). Without an account, every partner. Null: too many for a select.
 */
export function partnerOptions(accountId: number | null): Promise<RefOption[] | null> {
  if (!accountId) return accountOptions({ partnersOnly: true });
  return cached(key(`partners:${accountId}`), TTL_MS, async () => {
    const rows = await db().account.findMany({
      where: { isPartner: true, active: true, ...partnersOf(accountId) },
      orderBy: { name: "asc" },
      take: SELECT_LIMIT + 1,
      select: { id: true, name: true },
    });
    return selectOrTypeahead(rows.map((r) => ({ value: r.id, label: r.name })));
  });
}

/** Assets of one account (a case's Asset select). */
export async function assetOptions(accountId: number | null): Promise<RefOption[] | null> {
  if (!accountId) return [];
  return cached(key(`assets:${accountId}`), TTL_MS, async () => {
    const rows = await db().asset.findMany({
      where: { accountId },
      orderBy: { name: "asc" },
      take: SELECT_LIMIT + 1,
      select: { id: true, name: true },
    });
    return selectOrTypeahead(rows.map((r) => ({ value: r.id, label: r.name })));
  });
}

/** Approved standard change templates, for the Create Standard Change dialog (ITSM-1). */
export function templateOptions(): Promise<RefOption[]> {
  return cached(key("templates"), TTL_MS, async () => {
    const rows = await db().standardChangeTemplate.findMany({
      where: { approved: true, active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return rows.map((r) => ({ value: r.id, label: r.name }));
  });
}

/** ITSM-1: a template was added, changed, approved or retired: the dialog's list loads afresh. */
export function forgetTemplateOptions(): void {
  forgetCached(key("templates"));
}
