// ROLE-3 / POR-1: which records an external user sees, as a list of clauses (their union).
// The server turns the clauses into one SQL predicate (scopeSql, lib/server/tables/case-scope.ts); keeping the
// rule here, free of SQL, lets it be tested on its own.
import { isInternal, ROLE, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";

/** One way a case can be in an external user's scope. */
export type ScopeClause =
  /** customer: cases where they are the contact */
  | { by: "contact"; userId: number }
  /**
   * customer_admin (and partner_admin for their own account): every case of the account — never a
   * consumer's (a case for a consumer names no account, ROLE-3; one that held both from before
   * stays the consumer's alone), here and in relatedAccounts
   */
  | { by: "account"; accountId: number }
  /**
   * partner: cases where they are the partner contact, while the case's account is related to their
   * partner account (or is that account, or the case has none): a relationship ended (SET-2)
   * ends their sight of that customer's cases, as it does a partner admin's.
   */
  | { by: "partnerContact"; userId: number; partnerAccountId: number | null }
  /** partner_admin: cases of the accounts related to their partner account */
  | { by: "relatedAccounts"; partnerAccountId: number }
  /** consumer: cases where they are the consumer */
  | { by: "consumer"; userId: number };

/**
 * The clauses an actor has; empty for an internal user and for an external user without a portal
 * role. Account roles need a contact with an account: a consumer never gets an account's cases.
 */
export function externalScope(actor: Actor): ScopeClause[] {
  if (isInternal(actor)) return [];
  const has = (role: string) => actor.roles.includes(role);
  const contact = actor.kind === "contact";
  const account = contact ? actor.accountId : null;
  const clauses: ScopeClause[] = [];
  if (contact && has(ROLE.customer)) clauses.push({ by: "contact", userId: actor.id });
  if (contact && has(ROLE.partner))
    clauses.push({ by: "partnerContact", userId: actor.id, partnerAccountId: account });
  if (account !== null && has(ROLE.partnerAdmin)) {
    clauses.push({ by: "relatedAccounts", partnerAccountId: account });
  }
  if (account !== null && (has(ROLE.customerAdmin) || has(ROLE.partnerAdmin))) {
    clauses.push({ by: "account", accountId: account });
  }
  if (actor.kind === "consumer" && has(ROLE.consumer)) clauses.push({ by: "consumer", userId: actor.id });
  return clauses;
}

/**
 * ROLE-3: the partner fields of a case a partner opens for themselves (portal New case, email to
 * case): a plain partner sees only the cases where they are the partner contact, so their own case
 * names them as such, with their account as the partner — or they would not see the case they opened.
 * Nothing for anyone else.
 */
export function ownCasePartner(person: {
  id: number;
  kind: string;
  accountId: number | null;
  roles: readonly string[];
}): { partnerId: number; partnerContactId: number } | Record<string, never> {
  const partner = person.roles.includes(ROLE.partner) || person.roles.includes(ROLE.partnerAdmin);
  return partner && person.kind === "contact" && person.accountId !== null
    ? { partnerId: person.accountId, partnerContactId: person.id }
    : {};
}

/**
 * The scope of an actor the external read layer serves, or a refusal: nobody signed in, an
 * internal user (the workspace serves them), an external user without a portal role.
 */
export function requireExternalScope(actor: Actor | null | undefined): ScopeClause[] {
  if (!actor) throw unauthenticated();
  if (isInternal(actor)) throw forbidden("The portal is for customers, partners and consumers.");
  const clauses = externalScope(actor);
  if (!clauses.length) throw forbidden();
  return clauses;
}

/**
 * The same clauses as a Prisma `where` over Case (plain data), for readers that build their
 * query as an object — the Table API. One clause list, two renderings: REL-7's tests run both.
 */
export function scopeWhere(clauses: readonly ScopeClause[]): { OR: Record<string, unknown>[] } {
  // No clause is no case — never `{ OR: [] }`, which Prisma drops inside AND (every row).
  if (!clauses.length) return { OR: [{ id: { in: [] } }] };
  return {
    OR: clauses.map((c) => {
      switch (c.by) {
        case "contact":
          return { contactId: c.userId };
        case "account":
          return { accountId: c.accountId, consumerId: null };
        case "partnerContact":
          return {
            partnerContactId: c.userId,
            OR: [
              { accountId: null },
              ...(c.partnerAccountId === null
                ? []
                : [
                    { accountId: c.partnerAccountId },
                    { account: { partnersOf: { some: { partnerAccountId: c.partnerAccountId } } } },
                  ]),
            ],
          };
        case "relatedAccounts":
          return {
            account: { partnersOf: { some: { partnerAccountId: c.partnerAccountId } } },
            consumerId: null,
          };
        case "consumer":
          return { consumerId: c.userId };
      }
    }),
  };
}
