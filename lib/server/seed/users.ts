import "server-only";
import type { Tx } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";

export { DEMO_PASSWORD } from "@/lib/domain/auth/password";

type DemoUser = {
  email: string;
  name: string;
  kind: "internal" | "contact" | "consumer";
  roles: string[];
  account?: string;
  login?: boolean;
  /** PRO-2: the account's primary contact (proactive cases are opened for them). */
  primary?: boolean;
};

/** SPEC §15 demo users (all with the password "demo") and a few contacts who do not sign in. */
export const DEMO_USERS: DemoUser[] = [
  { email: "admin@example.com", name: "Ada Admin", kind: "internal", roles: [ROLE.admin] },
  {
    email: "agent@example.com",
    name: "Alex Agent",
    kind: "internal",
    roles: [ROLE.agent, ROLE.incidentRead, ROLE.incidentWrite],
  },
  {
    email: "viewer@example.com",
    name: "Vic Viewer",
    kind: "internal",
    roles: [ROLE.agent, ROLE.incidentRead],
  },
  {
    email: "manager@example.com",
    name: "Morgan Manager",
    kind: "internal",
    roles: [ROLE.manager, ROLE.majorIssueManager, ROLE.itil],
  },
  { email: "itil@example.com", name: "Ian Fulfiller", kind: "internal", roles: [ROLE.itil] },
  {
    email: "customer@acme.example",
    name: "Carol Customer",
    kind: "contact",
    account: "Acme Corporation",
    primary: true,
    roles: [ROLE.customer, ROLE.external],
  },
  {
    email: "admin@acme.example",
    name: "Aaron Acme-Admin",
    kind: "contact",
    account: "Acme Corporation",
    roles: [ROLE.customer, ROLE.customerAdmin, ROLE.external],
  },
  {
    email: "partner@partner.example",
    name: "Pat Partner",
    kind: "contact",
    account: "Initech Partners",
    roles: [ROLE.partner, ROLE.external],
  },
  {
    email: "admin@partner.example",
    name: "Penny Partner-Admin",
    kind: "contact",
    account: "Initech Partners",
    roles: [ROLE.partner, ROLE.partnerAdmin, ROLE.external],
  },
  {
    email: "consumer@example.net",
    name: "Connie Consumer",
    kind: "consumer",
    roles: [ROLE.consumer, ROLE.external],
  },
  {
    email: "dana.ops@globex.example",
    name: "Dana Ops",
    kind: "contact",
    account: "Globex Industries",
    primary: true,
    roles: [],
    login: false,
  },
  {
    email: "sam.it@umbrella.example",
    name: "Sam IT",
    kind: "contact",
    account: "Umbrella Health",
    primary: true,
    roles: [],
    login: false,
  },
];

export async function seedUsers(tx: Tx, accounts: Map<string, number>, passwordHash: string) {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const user = await tx.user.create({
      data: {
        email: u.email,
        name: u.name,
        kind: u.kind,
        accountId: u.account ? accounts.get(u.account) : null,
        passwordHash: u.login === false ? null : passwordHash,
        demoPassword: u.login !== false, // SET-1: the workspace says so until it is changed
        roles: { create: u.roles.map((role) => ({ role })) },
      },
    });
    ids.set(u.email, user.id);
    if (u.primary && user.accountId)
      await tx.account.update({ where: { id: user.accountId }, data: { primaryContactId: user.id } });
  }
  return ids;
}
