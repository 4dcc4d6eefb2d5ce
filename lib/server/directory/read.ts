import "server-only";
import { db, type Prisma } from "@/lib/db";
import { mayResetPassword } from "@/lib/domain/auth/password-links";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { activeFilter, activeWhere, listPage, recordNumber, searchText } from "@/lib/domain/validation";
import { listAudit } from "../audit/read";
import { describeAuditRows } from "../audit/describe";
import { containsInAny, numberOrFields } from "../text-search";
import { assertDirectory } from "./access";

export const ACCOUNTS_PAGE = 50;
export const ACCOUNT_TYPES = ["customer", "partner"] as const;
const OPEN_CASES_SHOWN = 50;
export const CONTACTS_PAGE = 50;
export const ASSETS_PAGE = 50;
const RELATED_SHOWN = 200;

/** SET-2: /admin/accounts — by name or number, customer or partner, active or not, 50 a page. */
export async function listAccounts(
  actor: Actor,
  filter: { q?: string; type?: string; status?: string; page?: unknown },
) {
  assertDirectory(actor);
  const q = searchText(filter.q);
  const type = ACCOUNT_TYPES.find((t) => t === filter.type) ?? null;
  const status = activeFilter(filter.status);
  const where: Prisma.AccountWhereInput = {
    ...numberOrFields("account", q, ["name"]),
    ...(type === "partner" ? { isPartner: true } : type === "customer" ? { isCustomer: true } : {}),
    ...activeWhere(status),
  };
  const page = listPage(filter.page);
  const [rows, total] = await Promise.all([
    db().account.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ACCOUNTS_PAGE,
      take: ACCOUNTS_PAGE,
      select: {
        id: true,
        number: true,
        name: true,
        isCustomer: true,
        isPartner: true,
        active: true,
        primaryContact: { select: { name: true } },
        _count: { select: { users: { where: { kind: "contact", active: true } } } },
      },
    }),
    db().account.count({ where }),
  ]);
  return {
    rows: rows.map(({ _count, ...r }) => ({ ...r, contacts: _count.users })),
    total,
    page,
    filter: { q, type, status },
  };
}

const personSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  active: true,
  version: true,
  passwordHash: true,
  roles: { select: { role: true }, orderBy: { role: "asc" } },
} satisfies Prisma.UserSelect;

/**
 * SET-2: /admin/accounts/<number> — the account with its contacts (roles, whether they can sign in),
 * assets, related accounts (partners or customers), open cases (newest first, the first 50 and the
 * count) and its history.
 */
export async function accountPage(
  actor: Actor,
  number: string,
  filter: { contactQ?: string; contactPage?: unknown; assetQ?: string; assetPage?: unknown } = {},
) {
  assertDirectory(actor);
  const account = await db().account.findUnique({
    where: { number: recordNumber(number, "The account") },
    select: {
      id: true,
      number: true,
      name: true,
      isCustomer: true,
      isPartner: true,
      active: true,
      version: true,
      primaryContactId: true,
      primaryContact: { select: { name: true } },
      // PERF-1: a partner of hundreds of customers lists the first 200 of each side, by name.
      customersOf: {
        select: { customerAccount: { select: { id: true, number: true, name: true, active: true } } },
        orderBy: { customerAccount: { name: "asc" } },
        take: RELATED_SHOWN,
      },
      partnersOf: {
        select: { partnerAccount: { select: { id: true, number: true, name: true, active: true } } },
        orderBy: { partnerAccount: { name: "asc" } },
        take: RELATED_SHOWN,
      },
      _count: { select: { customersOf: true, partnersOf: true } },
    },
  });
  if (!account) throw notFound("The account");
  const openWhere = { accountId: account.id, state: { in: OPEN_CASE_STATES } };
  const contactQ = searchText(filter.contactQ);
  const contactWhere: Prisma.UserWhereInput = {
    kind: "contact",
    accountId: account.id,
    ...containsInAny<Prisma.UserWhereInput>(contactQ, ["name", "email"]),
  };
  const contactPage = listPage(filter.contactPage);
  // SET-2: assets by name, number or serial number, 50 a page (past 200 they could not be reached).
  const assetQ = searchText(filter.assetQ);
  const assetWhere: Prisma.AssetWhereInput = {
    accountId: account.id,
    ...containsInAny<Prisma.AssetWhereInput>(assetQ, ["name", "number", "serialNumber"]),
  };
  const assetPage = listPage(filter.assetPage);
  const [users, contactTotal, assets, assetTotal, openCases, openCount, audit] = await Promise.all([
    db().user.findMany({
      where: contactWhere,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (contactPage - 1) * CONTACTS_PAGE,
      take: CONTACTS_PAGE,
      select: personSelect,
    }),
    db().user.count({ where: contactWhere }),
    db().asset.findMany({
      where: assetWhere,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (assetPage - 1) * ASSETS_PAGE,
      take: ASSETS_PAGE,
      select: { id: true, number: true, name: true, serialNumber: true, version: true, accountId: true },
    }),
    db().asset.count({ where: assetWhere }),
    db().case.findMany({
      where: openWhere,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: OPEN_CASES_SHOWN,
      select: {
        number: true,
        shortDescription: true,
        state: true,
        priority: true,
        updatedAt: true,
        customerRepliedAt: true,
      },
    }),
    db().case.count({ where: openWhere }),
    listAudit(TABLE.account, account.id),
  ]);
  const { customersOf, partnersOf, _count, ...rest } = account;
  return {
    account: rest,
    contacts: {
      rows: users.map(({ passwordHash, roles, ...u }) => ({
        ...u,
        canSignIn: passwordHash !== null,
        roles: roles.map((r) => r.role),
        // SET-4: Invite is offered to those with a portal role (inviteUser refuses the others).
        mayInvite: mayResetPassword({ kind: "contact", roles: roles.map((r) => r.role) }),
      })),
      total: contactTotal,
      page: contactPage,
      q: contactQ,
    },
    assets: { rows: assets, total: assetTotal, page: assetPage, q: assetQ },
    related: [
      ...customersOf.map((r) => ({ ...r.customerAccount, as: "customer" as const })),
      ...partnersOf.map((r) => ({ ...r.partnerAccount, as: "partner" as const })),
    ].sort((a, b) => a.name.localeCompare(b.name)),
    relatedTotal: _count.customersOf + _count.partnersOf,
    // WRK-3: the "Customer replied" mark, as in every list (the cases here are open ones).
    openCases: openCases.map(({ customerRepliedAt, ...c }) => ({
      ...c,
      customerReplied: !!customerRepliedAt,
    })),
    openCount,
    history: await describeAuditRows(TABLE.account, audit),
  };
}
