// Test fixtures seeded through Prisma: users with exactly the roles a test needs, accounts,
// contacts and cases. Names are unique per call, so tests never collide.
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { loadActor } from "@/lib/server/auth/load-actor";
import { createCase, runCaseAction } from "@/lib/server/cases/write";
import { nextNumber } from "@/lib/server/records/numbers";
import { accountNameKey } from "@/lib/domain/directory/names";
import { transaction } from "@/lib/db";

let seq = 0;
export const unique = (prefix = "t") =>
  `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export async function makeUser(
  roles: string[],
  opts: { kind?: Actor["kind"]; accountId?: number | null; name?: string; passwordHash?: string } = {},
): Promise<Actor> {
  const id = unique("u");
  const user = await db().user.create({
    data: {
      email: `${id}@test.example`,
      name: opts.name ?? `User ${id}`,
      kind: opts.kind ?? "internal",
      accountId: opts.accountId ?? null,
      passwordHash: opts.passwordHash ?? null,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return (await loadActor(user.id))!;
}

export const makeAgent = () => makeUser([ROLE.agent, ROLE.incidentRead, ROLE.incidentWrite]);
export const makeViewer = () => makeUser([ROLE.agent, ROLE.incidentRead]);
export const makeItil = () => makeUser([ROLE.itil]);
export const makeAdmin = () => makeUser([ROLE.admin]);
export const makeManager = () => makeUser([ROLE.manager, ROLE.majorIssueManager, ROLE.itil]);

export async function makeAccount(opts: { partner?: boolean; name?: string } = {}) {
  const name = opts.name ?? unique("Account ");
  return transaction(async (tx) =>
    tx.account.create({
      data: {
        number: await nextNumber(tx, "account"),
        name,
        nameKey: accountNameKey(name),
        isPartner: !!opts.partner,
        isCustomer: !opts.partner,
      },
    }),
  );
}

/** An account with one contact who can sign in to the portal. */
export async function makeCustomer() {
  const account = await makeAccount();
  const contact = await makeUser([ROLE.customer, ROLE.external], { kind: "contact", accountId: account.id });
  return { account, contact };
}

export async function makeCase(actor: Actor, overrides: Record<string, unknown> = {}) {
  const { number } = await createCase(actor, { shortDescription: unique("Case "), ...overrides });
  return db().case.findUniqueOrThrow({ where: { number } });
}

/** Accepts a New case and proposes a solution: the case is Resolved (REC-4: code and notes). */
export async function resolveCase(actor: Actor, number: string) {
  await runCaseAction(actor, number, { action: "accept", version: 1 });
  await runCaseAction(actor, number, {
    action: "propose_solution",
    version: 2,
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "Fixed",
  });
}
