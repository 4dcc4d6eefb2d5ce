import "server-only";
import type { Tx } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";

type Kind = { id: number; isPartner: boolean; isCustomer: boolean };

const SIDES = [
  {
    field: "isPartner",
    label: "Partner",
    roles: [ROLE.partner, ROLE.partnerAdmin],
    rolesText: "partner roles",
    other: "customer",
    relationSide: "partnerAccountId",
  },
  {
    field: "isCustomer",
    label: "Customer",
    roles: [ROLE.customer, ROLE.customerAdmin],
    rolesText: "customer roles",
    other: "partner",
    relationSide: "customerAccountId",
  },
] as const;

/**
 * SET-2 / ROLE-3: an account stops being a partner (or a customer) only once nothing of that side
 * is left — no contact holding its portal roles, no relationship on that side. Unticking Partner
 * while a partner admin kept their role left them seeing the related customers' cases (ROLE-3)
 * through an account that no longer was a partner, and a customer ↔ customer "relationship".
 * Why `after` may not follow `before` — the side's field and what to take away first — or null;
 * a handful of indexed counts. The page and the Table API refuse with it (below); the import
 * refuses the row.
 */
export async function kindChangeRefusal(
  tx: Pick<Tx, "user" | "accountRelationship">,
  before: Kind,
  after: Omit<Kind, "id">,
): Promise<{ field: (typeof SIDES)[number]["field"]; message: string } | null> {
  for (const side of SIDES) {
    if (!before[side.field] || after[side.field]) continue;
    const [holders, related] = await Promise.all([
      tx.user.findMany({
        where: { accountId: before.id, kind: "contact", roles: { some: { role: { in: [...side.roles] } } } },
        select: { name: true },
        orderBy: { name: "asc" },
        take: 4,
      }),
      tx.accountRelationship.count({ where: { [side.relationSide]: before.id } }),
    ]);
    if (!holders.length && !related) continue;
    const parts: string[] = [];
    if (holders.length) {
      const names = holders.slice(0, 3).map((h) => h.name);
      const verb = holders.length === 1 ? "has" : "have";
      parts.push(
        `${names.join(", ")}${holders.length > 3 ? " and others" : ""} still ${verb} ${side.rolesText}`,
      );
    }
    if (related) parts.push(`it is related to ${related} ${side.other} account${related === 1 ? "" : "s"}`);
    return { field: side.field, message: `${side.label}: ${parts.join(", and ")}; take those away first.` };
  }
  return null;
}

/** The same, refused naming the field (the account page, the Table API). */
export async function assertKindChangeLeavesNothing(
  tx: Pick<Tx, "user" | "accountRelationship">,
  before: Kind,
  after: Omit<Kind, "id">,
) {
  const refusal = await kindChangeRefusal(tx, before, after);
  if (refusal) throw invalid(refusal.field, refusal.message);
}
