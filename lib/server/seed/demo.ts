import "server-only";
import { db, transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { CaseState, IncidentState } from "@/lib/domain/records/choices";
import { hashPassword } from "../auth/credentials";
import { loadActor } from "../auth/load-actor";
import { postCaseJournal } from "../cases/journal";
import { createCase, runCaseAction, updateCase } from "../cases/write";
import { associateIncident } from "../incidents/link";
import { createIncident, updateIncident } from "../incidents/write";
import { postIncidentJournal } from "../incidents/journal";
import { nextNumber } from "../records/numbers";
import { createChangeFromCase, createProblemFromCase, createRequestFromCase } from "../cases/create-related";
import { updateItsmRecord } from "../itsm/update";
import { CHANGE, PROBLEM } from "../itsm/specs";
import { accountNameKey, serialKeyOf } from "@/lib/domain/directory/names";
import { addGroupMember, createGroup } from "../assignment/write";
import { saveSlaHours, saveSlaTarget } from "../sla/admin";
import { DEMO_PASSWORD, seedUsers } from "./users";

const ACCOUNTS = [
  { name: "Acme Corporation", isPartner: false },
  { name: "Initech Partners", isPartner: true },
  { name: "Globex Industries", isPartner: false },
  { name: "Umbrella Health", isPartner: false },
];

/** True when the database has no users yet (the demo seed only ever runs then). */
export async function isEmpty() {
  return (await db().user.count()) === 0;
}

/** SPEC §15 demo data: accounts, users, assets, cases, incidents, a problem, a change and a request. */
export async function seedDemo(): Promise<void> {
  if (process.env.NODE_ENV === "production")
    throw new Error("The demo seed refuses to run when NODE_ENV=production.");
  if (!(await isEmpty())) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const { users, accounts, assets } = await transaction(async (tx) => {
    const accounts = new Map<string, number>();
    for (const a of ACCOUNTS) {
      const row = await tx.account.create({
        data: {
          ...a,
          nameKey: accountNameKey(a.name),
          isCustomer: !a.isPartner,
          number: await nextNumber(tx, "account"),
        },
      });
      accounts.set(a.name, row.id);
    }
    await tx.accountRelationship.createMany({
      data: [
        {
          partnerAccountId: accounts.get("Initech Partners")!,
          customerAccountId: accounts.get("Acme Corporation")!,
        },
        {
          partnerAccountId: accounts.get("Initech Partners")!,
          customerAccountId: accounts.get("Globex Industries")!,
        },
      ],
    });
    const users = await seedUsers(tx, accounts, passwordHash);
    const assets = new Map<string, number>();
    for (const [name, serial, account] of [
      ["Acme mail relay MX-01", "SN-MX01-4471", "Acme Corporation"],
      ["Acme payroll server", "SN-PAY-2210", "Acme Corporation"],
      ["Globex edge router", "SN-RTR-9001", "Globex Industries"],
    ] as const) {
      const row = await tx.asset.create({
        data: {
          name,
          serialNumber: serial,
          serialKey: serialKeyOf(serial),
          accountId: accounts.get(account)!,
          number: await nextNumber(tx, "asset"),
        },
      });
      assets.set(name, row.id);
    }
    await tx.standardChangeTemplate.createMany({
      data: [
        {
          name: "Restart application service",
          shortDescription: "Restart an application service during the maintenance window",
          impact: 3,
          urgency: 3,
          priority: 4,
        },
        {
          name: "Add disk space to a virtual machine",
          shortDescription: "Extend a VM data volume by up to 100 GB",
          impact: 3,
          urgency: 2,
          priority: 4,
        },
        {
          name: "Renew TLS certificate",
          shortDescription: "Replace an expiring TLS certificate with a renewed one",
          impact: 2,
          urgency: 3,
          priority: 4,
        },
      ],
    });
    return { users, accounts, assets };
  });

  const as = async (email: string): Promise<Actor> => (await loadActor(users.get(email)!))!;
  const agent = await as("agent@example.com");
  const itil = await as("itil@example.com");
  const acme = accounts.get("Acme Corporation")!;
  const globex = accounts.get("Globex Industries")!;

  // WRK-1: two assignment groups; the agents' queue and the fulfillers'.
  const admin = await as("admin@example.com");
  const desk = await createGroup(admin, {
    name: "Service Desk",
    managerId: users.get("manager@example.com"),
  });
  for (const email of ["agent@example.com", "viewer@example.com", "manager@example.com"])
    await addGroupMember(admin, desk.id, { userId: users.get(email) });
  const network = await createGroup(admin, {
    name: "Network Operations",
    managerId: users.get("manager@example.com"),
  });
  for (const email of ["itil@example.com", "manager@example.com"])
    await addGroupMember(admin, network.id, { userId: users.get(email) });

  // NOT-5: SLAs — critical and high around the clock, the others in office hours.
  await saveSlaHours(admin, { days: "1,2,3,4,5", start: "08:00", end: "18:00", timeZone: "UTC" });
  for (const [priority, response, resolution, clock] of [
    [1, 30, 240, "24x7"],
    [2, 60, 480, "24x7"],
    [3, 240, 1440, "hours"],
    [4, 480, 2880, "hours"],
  ] as const)
    await saveSlaTarget(admin, {
      priority: String(priority),
      responseMinutes: String(response),
      resolutionMinutes: String(resolution),
      clock,
    });

  const mail = await createCase(agent, {
    shortDescription: "Email to customers delayed by several hours",
    description:
      "Since this morning our outgoing mail to customers arrives 2–4 hours late. Internal mail is fine.",
    priority: 2,
    channel: "phone",
    accountId: acme,
    contactId: users.get("customer@acme.example"),
    assetId: assets.get("Acme mail relay MX-01"),
    assignmentGroupId: desk.id,
    assignedToId: agent.id,
  });
  await runCaseAction(agent, mail.number, { action: "accept", version: 1 });
  await postCaseJournal(agent, mail.number, {
    comments: "Thanks Carol — we are looking into the delays now and will update you within the hour.",
  });

  const portal = await createCase(agent, {
    shortDescription: "Cannot sign in to the customer portal",
    priority: 3,
    channel: "web",
    consumerId: users.get("consumer@example.net"),
    assignmentGroupId: desk.id,
  });
  await postCaseJournal(agent, portal.number, {
    workNotes: "Password reset link was sent twice; check the identity provider logs.",
  });

  const invoice = await createCase(agent, {
    shortDescription: "Invoice PDF shows the wrong currency",
    priority: 4,
    channel: "email",
    accountId: globex,
    contactId: users.get("dana.ops@globex.example"),
  });
  await runCaseAction(agent, invoice.number, { action: "accept", version: 1 });
  await runCaseAction(agent, invoice.number, {
    action: "request_info",
    version: 2,
    question: "Could you send us the invoice number and the currency you expected?",
  });

  const vpn = await createCase(agent, {
    shortDescription: "VPN disconnects every hour",
    priority: 3,
    channel: "chat",
    accountId: acme,
    contactId: users.get("admin@acme.example"),
  });
  await runCaseAction(agent, vpn.number, { action: "accept", version: 1 });
  await runCaseAction(agent, vpn.number, {
    action: "propose_solution",
    version: 2,
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "Client profile updated to keep-alive 30 s; no drops in 24 h of testing.",
  });

  const licences = await createCase(agent, {
    shortDescription: "Two more licences for the reporting tool",
    priority: 4,
    channel: "email",
    accountId: acme,
    contactId: users.get("customer@acme.example"),
    partnerId: accounts.get("Initech Partners"),
    partnerContactId: users.get("partner@partner.example"),
  });
  await updateCase(agent, licences.number, { version: 1, state: CaseState.Open, assignedToId: agent.id });

  // Incidents. The mail incident is associated with the mail case; its updates then reach the case.
  const relay = await createIncident(itil, {
    shortDescription: "Outbound mail relay queue backing up",
    impact: 2,
    urgency: 1,
    companyId: acme,
    callerId: users.get("customer@acme.example"),
  });
  await associateIncident(agent, mail.number, relay.number);
  await updateIncident(itil, relay.number, { version: 2, state: IncidentState.InProgress });
  await postIncidentJournal(itil, relay.number, {
    workNotes: "Queue at 48k messages; disk on MX-01 is 97% full.",
  });
  await postIncidentJournal(itil, relay.number, {
    comments:
      "We are moving the deferred queue to a larger volume; delivery should catch up within two hours.",
  });
  await createIncident(itil, {
    shortDescription: "Payroll batch job failed overnight",
    impact: 1,
    urgency: 2,
    companyId: acme,
  });
  const printer = await createIncident(itil, {
    shortDescription: "Printer offline on the third floor",
    impact: 3,
    urgency: 3,
  });
  await updateIncident(itil, printer.number, {
    version: 1,
    state: IncidentState.Resolved,
    resolutionCode: "Solution provided",
    resolutionNotes: "Replaced the network cable.",
  });

  // The mail case's problem and change, and the licences case's request, made from the cases.
  const { number: prb } = await createProblemFromCase(agent, mail.number);
  await updateItsmRecord(PROBLEM, itil, prb, { version: 1, state: 102 });
  await updateItsmRecord(PROBLEM, itil, prb, {
    version: 2,
    state: 103,
    shortDescription: "Mail relay runs out of disk under load",
    workaround: "Purge the deferred queue and restart the relay.",
  });
  const { number: chg } = await createChangeFromCase(agent, mail.number, { type: "normal" });
  for (const [version, state] of [
    [1, -4],
    [2, -3],
    [3, -2],
  ] as const)
    await updateItsmRecord(CHANGE, itil, chg, { version, state });
  await updateItsmRecord(CHANGE, itil, chg, {
    version: 4,
    shortDescription: "Expand mail relay storage to 500 GB",
  });
  await createRequestFromCase(agent, licences.number);
}
