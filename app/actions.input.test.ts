// REL-1: a server action is a public endpoint — its arguments are whatever a client sends.
// Every exported action under app/ is called by a user holding every internal role with:
// argument objects where form data is expected, record numbers that are not strings, and — one
// field at a time — U+0000 in a valid form. Each must answer a failure of kind "invalid" or
// "not_found" (never "unexpected", never a throw) and change nothing; the valid form itself
// then succeeds, so each refusal was caused by the one bad value.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeGroup } from "@/lib/testing/groups";
import { INTERNAL_ROLES, ROLE, type Actor } from "@/lib/domain/auth/roles";
import { PLUGIN_CATALOG } from "@/lib/domain/plugins/catalog";
import { CASE_MAIL_EVENTS } from "@/lib/domain/notifications/case-mail";
import { PROPERTY, PROPERTY_CATALOG } from "@/lib/domain/properties/catalog";
import { SYNC_RULES } from "@/lib/domain/sync/rules";
import { hashPassword } from "@/lib/server/auth/credentials";
import {
  createChangeFromCase,
  createProblemFromCase,
  createRequestFromCase,
} from "@/lib/server/cases/create-related";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { createIncident } from "@/lib/server/incidents/write";
import { addChildCase } from "@/lib/server/major/children";
import { acceptMajorCase, proposeMajorCase } from "@/lib/server/major/propose";
import { addAffectedAccount } from "@/lib/server/proactive/accounts";
import { createTokenForUser } from "@/lib/server/tokens/admin";
import { createAsset } from "@/lib/server/directory/assets";
import { saveView } from "@/lib/server/views/views";
import { randomBytes } from "node:crypto";
import { makeAccount, makeCase, makeUser, resolveCase, unique } from "@/lib/testing/fixtures";
import { makeWorkOrder, newKey } from "@/lib/testing/work-orders";
import { actionModules } from "@/lib/testing/action-modules";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({
  getActor: async () => session.actor,
  currentSessionId: async () => "crafted-test-session",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));

const modules = actionModules();
type Action = (...args: unknown[]) => Promise<unknown>;
const actions = Object.entries(modules).flatMap(([path, mod]) =>
  Object.entries(mod)
    .filter((e): e is [string, Action] => typeof e[1] === "function")
    .map(([name, fn]) => ({ id: `${path.split("/").at(-2)}#${name}`, fn })),
);
const takesNumber = (fn: Action) => fn.length === 1 || fn.length >= 3;
const takesForm = (fn: Action) => fn.length >= 2;

type World = Awaited<ReturnType<typeof makeWorld>>;

const TEMPLATE_FORM = {
  shortDescription: "Restart",
  description: "",
  impact: "3",
  urgency: "2",
  priority: "4",
};

/** Fresh records for one action: a New case, an open incident, a problem, change and request. */
async function makeWorld(actor: Actor) {
  const account = await makeAccount();
  const c = await makeCase(actor);
  const other = await makeCase(actor);
  const source = await makeCase(actor);
  const incident = await createIncident(actor, { shortDescription: "crafted input" });
  const problem = await createProblemFromCase(actor, source.number);
  const change = await createChangeFromCase(actor, source.number, { type: "normal" });
  const request = await createRequestFromCase(actor, source.number);
  return { actor, account, c, other, incident, problem, change, request };
}

/** NOT-3: a message from an unknown sender waiting on /admin/inbox; its id. */
const heldMessage = async () => {
  const from = `${unique("stranger")}@unknown.example`;
  const m = await db().inboundMessage.create({
    data: {
      dedupeKey: unique("held"),
      fromAddress: from,
      toAddress: "support@caseflow.localhost",
      subject: "Crafted",
      receivedVia: "api",
      size: 100,
      status: "held",
      reason: "unknown_sender",
      text: "Crafted text",
    },
  });
  return String(m.id);
};

type Versioned = "case" | "incident" | "problem" | "changeRequest" | "request";
const rowOf = (model: Versioned, number: string): Promise<{ version: number }> => {
  const where = { where: { number } };
  if (model === "case") return db().case.findUniqueOrThrow(where);
  if (model === "incident") return db().incident.findUniqueOrThrow(where);
  if (model === "problem") return db().problem.findUniqueOrThrow(where);
  if (model === "changeRequest") return db().changeRequest.findUniqueOrThrow(where);
  return db().request.findUniqueOrThrow(where);
};
const version = async (model: Versioned, number: string) => String((await rowOf(model, number)).version);

const proposed = async (w: World) => {
  await proposeMajorCase(w.actor, w.c.number, { workNotes: "down", businessImpact: "all" });
  return w.c.number;
};
const majorWithChild = async (w: World) => {
  const { major } = await acceptMajorCase(w.actor, await proposed(w));
  return major;
};

/** The portal's actions run as an external user (`as`), on a case in their scope when they take a number. */
type PortalCaller = { actor: Actor; number?: string };
type Base = {
  number?: (w: World) => Promise<string> | string;
  form?: (w: World) => Promise<object>;
  as?: (w: World) => Promise<PortalCaller>;
};
const text = { shortDescription: "crafted", description: "crafted description" };
const journal = async () => ({ workNotes: "a note", comments: "a comment", idempotencyKey: "k-1" });
const scores = { impact: "2", urgency: "2" };
/** The world's incident with the world's account among its affected accounts (adding it again is a no-op). */
const withAffectedAccount = async (w: World) =>
  (await addAffectedAccount(w.actor, w.incident.number, { accountId: w.account.id })) && w.incident.number;
const appointment = { windowStart: "2026-12-01T09:00:00Z", windowEnd: "2026-12-01T11:00:00Z" };
/** A work order made from a fresh case of the world (Create Work Order), with its first task. */
const workOrderOf = async (w: World) => {
  const wo = await makeWorkOrder(w.actor, (await makeCase(w.actor)).number);
  const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
  return { number: wo.number, task: task.number };
};

/** A customer of the world's account and — unless `state` is null — a case of theirs in that state. */
const portalCustomer =
  (state: "new" | "resolved" | null) =>
  async (w: World): Promise<PortalCaller> => {
    const actor = await makeUser([ROLE.customer, ROLE.external], {
      kind: "contact",
      accountId: w.account.id,
    });
    if (state === null) return { actor };
    const c = await makeCase(w.actor, { accountId: w.account.id, contactId: actor.id });
    if (state === "resolved") await resolveCase(w.actor, c.number);
    return { actor, number: c.number };
  };

/** A new person's fields (SET-2). */
const person = () => ({
  name: "Crafted Person",
  email: `${unique("crafted")}@test.example`,
  phone: "+1 555 0100",
});
const contactOf = async (w: World) =>
  String((await makeUser([ROLE.customer, ROLE.external], { kind: "contact", accountId: w.account.id })).id);
const consumer = async () =>
  String((await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" })).id);

/** A valid call of each action; U+0000 is appended to one field at a time. */
const BASES: Record<string, Base> = {
  "cases#createCaseAction": {
    form: async (w) => ({
      ...text,
      ...scores,
      priority: "3",
      channel: "email",
      accountId: String(w.account.id),
    }),
  },
  "cases#saveCaseAction": {
    form: async (w) => ({ ...text, ...scores, version: await version("case", w.c.number), priority: "3" }),
  },
  "cases#caseLifecycleAction": {
    form: async (w) => ({ action: "accept", version: await version("case", w.c.number) }),
  },
  "cases#postCaseJournalAction": { form: journal },
  "cases#createIncidentAction": {},
  "cases#associateIncidentAction": { form: async (w) => ({ incident: w.incident.number }) },
  "cases#removeIncidentAction": {
    number: async (w) => (await createIncidentFromCase(w.actor, w.c.number)) && w.c.number,
    form: async (w) => ({
      incident: (
        await db().case.findUniqueOrThrow({ where: { number: w.c.number }, include: { incident: true } })
      ).incident!.number,
    }),
  },
  "cases#createProblemAction": {},
  "cases#createRequestAction": { form: async () => ({ requestKey: newKey() }) },
  "cases#createNormalChangeAction": {},
  "cases#createStandardChangeAction": {
    form: async () => {
      const t = await db().standardChangeTemplate.create({
        data: { name: `crafted ${Math.random()}`, shortDescription: "template" },
      });
      return { templateId: String(t.id) };
    },
  },
  "cases#saveRelatedRecordsAction": {
    form: async (w) => ({
      version: await version("case", w.c.number),
      problem: w.problem.number,
      change: w.change.number,
    }),
  },
  "cases#proposeMajorCaseAction": {
    form: async () => ({ workNotes: "stores down", businessImpact: "40 stores" }),
  },
  "cases#acceptMajorCaseAction": { number: proposed },
  "cases#rejectMajorCaseAction": { number: proposed, form: async () => ({ reason: "not major" }) },
  "cases#addChildCaseAction": { number: majorWithChild, form: async (w) => ({ child: w.other.number }) },
  "cases#removeChildCaseAction": {
    number: async (w) => {
      const major = await majorWithChild(w);
      await addChildCase(w.actor, major, w.other.number);
      return major;
    },
    form: async (w) => ({ child: w.other.number }),
  },
  "cases#createWorkOrderAction": { form: async () => ({ requestKey: newKey() }) },
  // WRK-4: bulk actions and saved views.
  "cases#bulkUpdateCasesAction": {
    form: async (w) => ({ cases: `${w.c.number}:${await version("case", w.c.number)}`, priority: "2" }),
  },
  "cases#saveViewAction": { form: async () => ({ name: unique("View "), query: "state=open&priority=2" }) },
  "cases#deleteViewAction": {
    form: async (w) => ({ id: String((await saveView(w.actor, { name: unique("View "), query: "" })).id) }),
  },
  "work-orders#saveWorkOrderAction": {
    number: async (w) => (await workOrderOf(w)).number,
    form: async () => ({ ...text, priority: "2", version: "1" }),
  },
  "work-orders#postWorkOrderJournalAction": {
    number: async (w) => (await workOrderOf(w)).number,
    form: async () => ({ workNotes: "a note", idempotencyKey: "k-1" }),
  },
  "work-orders#addTaskAction": {
    number: async (w) => (await workOrderOf(w)).number,
    form: async () => ({ shortDescription: "crafted", ...appointment }),
  },
  "work-orders#saveTaskAction": {
    number: async (w) => (await workOrderOf(w)).task,
    form: async () => ({ shortDescription: "crafted", version: "1", ...appointment }),
  },
  "proactive#notifyCustomersAction": {
    form: async (w) => ({ cases: w.c.number, message: "Service restored", requestId: "req-input-1" }),
  },
  "incidents#createIncidentAction": { form: async () => ({ ...text, ...scores }) },
  "incidents#saveIncidentAction": {
    number: (w) => w.incident.number,
    form: async (w) => ({ ...text, ...scores, version: await version("incident", w.incident.number) }),
  },
  "incidents#postIncidentJournalAction": { number: (w) => w.incident.number, form: journal },
  "proactive#addAffectedAccountAction": {
    number: (w) => w.incident.number,
    form: async (w) => ({ accountId: String(w.account.id) }),
  },
  "proactive#removeAffectedAccountAction": {
    number: withAffectedAccount,
    form: async (w) => ({ accountId: String(w.account.id) }),
  },
  // PRO-1: an incident with no affected account is refused, so the valid call needs one.
  "proactive#createProactiveCasesAction": { number: withAffectedAccount },
  "field-maps#addFieldMapRowAction": {
    form: async () => ({
      mapName: "case_to_work_order",
      sourceField: "sys_id",
      constantValue: "",
      targetField: "initiated_from",
      order: "1000",
    }),
  },
  "field-maps#saveFieldMapRowAction": {
    form: async () => {
      const r = await db().fieldMap.findFirstOrThrow({
        where: { mapName: "case_to_work_order", targetField: "priority" },
      });
      return {
        id: String(r.id),
        version: String(r.version),
        sourceField: r.sourceField ?? "",
        constantValue: r.constantValue ?? "",
        targetField: r.targetField,
        order: String(r.order),
        active: String(r.active),
      };
    },
  },
  "field-maps#removeFieldMapRowAction": {
    form: async () => {
      const r = await db().fieldMap.create({
        data: {
          mapName: "case_to_work_order",
          sourceField: "contact",
          targetField: `crafted-${Math.random()}`,
        },
      });
      return { id: String(r.id), version: String(r.version) };
    },
  },
  "itsm#saveProblemAction": {
    number: (w) => w.problem.number,
    form: async (w) => ({
      ...text,
      ...scores,
      workaround: "w",
      version: await version("problem", w.problem.number),
    }),
  },
  "itsm#saveChangeAction": {
    number: (w) => w.change.number,
    form: async (w) => ({
      ...text,
      ...scores,
      plannedStart: "2026-12-01T10:00:00.000Z",
      plannedEnd: "2026-12-01T12:00:00.000Z",
      version: await version("changeRequest", w.change.number),
    }),
  },
  "itsm#saveRequestAction": {
    number: (w) => w.request.number,
    form: async (w) => ({ ...text, version: await version("request", w.request.number) }),
  },
  "itsm#postProblemJournalAction": { number: (w) => w.problem.number, form: journal },
  "itsm#postChangeJournalAction": { number: (w) => w.change.number, form: journal },
  "itsm#postRequestJournalAction": { number: (w) => w.request.number, form: journal },
  "business-rules#setRuleActiveAction": {
    form: async () => {
      const r = SYNC_RULES[0];
      const row = await db().businessRule.findUnique({
        where: { table_name: { table: r.table, name: r.name } },
      });
      return { table: r.table, name: r.name, active: String(row?.active ?? true) };
    },
  },
  "plugins#setPluginActiveAction": {
    form: async () => {
      const p = PLUGIN_CATALOG[0];
      return {
        id: p.id,
        active: String((await db().plugin.findUnique({ where: { id: p.id } }))?.active ?? true),
      };
    },
  },
  "properties#savePropertyAction": {
    form: async () => {
      // The current value: a valid save that changes nothing other tests rely on.
      const name = PROPERTY.autoCloseDays; // a listed integer property (ADM-1)
      const row = await db().systemProperty.findUnique({ where: { name } });
      const value = row?.value ?? PROPERTY_CATALOG.find((p) => p.name === name)!.defaultValue;
      return { name, value, version: String(row?.version ?? 0) };
    },
  },
  // NOT-1: the default text of an email, as saved: a valid save that changes what nothing relies on.
  "notifications#saveCaseMailAction": {
    form: async () => {
      const def = CASE_MAIL_EVENTS.find((e) => e.event === "cancelled")!;
      const row = await db().caseMailTemplate.findUnique({ where: { event: def.event } });
      return {
        event: def.event,
        enabled: "true",
        subject: def.subject,
        body: def.body,
        version: String(row?.version ?? 0),
      };
    },
  },
  // NOT-5: a priority nothing else sets a target for, and the business hours as saved.
  "slas#saveSlaTargetAction": {
    form: async () => {
      const row = await db().slaTarget.findUnique({ where: { priority: 3 } });
      return {
        priority: "3",
        responseMinutes: "",
        resolutionMinutes: "",
        clock: "24x7",
        version: String(row?.version ?? 0),
      };
    },
  },
  "slas#saveSlaHoursAction": {
    form: async () => {
      const row = await db().slaHours.findUnique({ where: { id: 1 } });
      return {
        days: "1,2,3,4,5",
        start: "09:00",
        end: "17:00",
        timeZone: "UTC",
        version: String(row?.version ?? 0),
      };
    },
  },
  "priority-lookup#saveLookupRowAction": {
    form: async () => {
      const r = await db().priorityLookup.findFirstOrThrow({ orderBy: { id: "asc" } });
      return {
        id: String(r.id),
        version: String(r.version),
        priority: String(r.priority),
        order: String(r.order),
      };
    },
  },
  "outbox#retryMessageAction": {
    form: async () => {
      const m = await db().outboxMessage.create({
        data: {
          dedupeKey: `crafted-${Math.random()}`,
          recipient: "x@test.example",
          subject: "s",
          body: "b",
          event: "test",
          status: "failed",
        },
      });
      return { id: String(m.id) };
    },
  },
  // NOT-3: a fresh message held from an unknown sender for each call.
  "inbox#openHeldMessageAction": {
    form: async (w) => ({
      id: await heldMessage(),
      accountId: String(w.account.id),
      name: "Crafted Contact",
    }),
  },
  "inbox#discardHeldMessageAction": { form: async () => ({ id: await heldMessage() }) },
  "portal#createPortalCaseAction": { as: portalCustomer(null), form: async () => text },
  "portal#portalReplyAction": {
    as: portalCustomer("new"),
    form: async () => ({ reply: "a reply", idempotencyKey: "k-1" }),
  },
  "work-orders#requestWorkOrderAction": {
    as: portalCustomer("new"),
    form: async () => ({ description: "Please send someone", ...appointment, requestKey: newKey() }),
  },
  "related#relatedRecordAction": {
    as: portalCustomer("new"),
    // A request linked to the caller's case (the latest case of the world's account).
    form: async (w) => {
      const c = await db().case.findFirstOrThrow({
        where: { accountId: w.account.id },
        orderBy: { id: "desc" },
      });
      return { record: (await createRequestFromCase(w.actor, c.number)).number };
    },
  },
  "portal#acceptSolutionAction": { as: portalCustomer("resolved"), form: async () => ({ version: "3" }) },
  "portal#rejectSolutionAction": {
    as: portalCustomer("resolved"),
    form: async () => ({ reason: "still broken", idempotencyKey: "k-1", version: "3" }),
  },
  "users#createUserAction": {
    form: async (w) => ({
      name: "Crafted Person",
      email: `${unique("crafted")}@test.example`,
      kind: "contact",
      accountId: String(w.account.id),
      role: ROLE.customer,
      password: "a-long-enough-password",
    }),
  },
  "users#addUserRoleAction": {
    form: async () => ({ userId: String((await makeUser([])).id), role: ROLE.itil }),
  },
  "users#removeUserRoleAction": {
    form: async () => ({ userId: String((await makeUser([ROLE.itil])).id), role: ROLE.itil }),
  },
  "users#setUserActiveAction": {
    form: async () => ({ userId: String((await makeUser([ROLE.agent])).id), active: "false" }),
  },
  "api-tokens#createApiTokenAction": { form: async (w) => ({ name: "crafted", userId: String(w.actor.id) }) },
  "api-tokens#revokeApiTokenAction": {
    form: async (w) => ({
      id: String((await createTokenForUser(w.actor, { name: "t", userId: String(w.actor.id) })).id),
    }),
  },
  // SET-2, SET-4: the customer directory and invitations.
  "accounts#createAccountAction": { form: async () => ({ name: unique("Crafted Co "), isCustomer: "on" }) },
  "accounts#updateAccountAction": {
    form: async () => ({ name: unique("Renamed Co "), isCustomer: "on", isPartner: "on", version: "1" }),
  },
  "accounts#setAccountActiveAction": { form: async () => ({ active: "false" }) },
  "accounts#addRelatedAccountAction": {
    form: async () => ({ otherAccountId: String((await makeAccount({ partner: true })).id) }),
  },
  "accounts#removeRelatedAccountAction": {
    form: async (w) => {
      const partner = await makeAccount({ partner: true });
      await db().accountRelationship.create({
        data: { partnerAccountId: partner.id, customerAccountId: w.account.id },
      });
      return { otherAccountId: String(partner.id) };
    },
  },
  "accounts#createContactAction": {
    form: async (w) => ({ ...person(), accountId: String(w.account.id), roles: ROLE.customer }),
  },
  "accounts#updateContactAction": {
    form: async (w) => ({ userId: await contactOf(w), ...person(), roles: ROLE.customerAdmin, version: "1" }),
  },
  "accounts#setContactActiveAction": { form: async (w) => ({ userId: await contactOf(w), active: "false" }) },
  "accounts#createAssetAction": {
    form: async (w) => ({ name: "Crafted router", serialNumber: "SN-1", accountId: String(w.account.id) }),
  },
  "accounts#updateAssetAction": {
    form: async (w) => {
      const asset = await createAsset(w.actor, { name: "Old router", accountId: String(w.account.id) });
      return {
        assetNumber: asset.number,
        name: "New router",
        serialNumber: "SN-2",
        accountId: String(w.account.id),
        version: "1",
      };
    },
  },
  "consumers#createConsumerAction": { form: async () => person() },
  "consumers#updateConsumerAction": {
    form: async () => ({ userId: await consumer(), ...person(), version: "1" }),
  },
  "consumers#setConsumerActiveAction": { form: async () => ({ userId: await consumer(), active: "false" }) },
  "invite#inviteUserAction": {
    form: async (w) => ({ userId: await contactOf(w), requestKey: randomBytes(16).toString("hex") }),
  },
  // WRK-1: assignment groups.
  "groups#createGroupAction": {
    form: async (w) => ({ name: unique("Crafted group "), managerId: String(w.actor.id) }),
  },
  "groups#updateGroupAction": {
    form: async (w) => ({
      id: String((await makeGroup()).group.id),
      name: unique("Renamed group "),
      managerId: String(w.actor.id),
      version: "1",
    }),
  },
  "groups#setGroupActiveAction": {
    form: async () => ({ id: String((await makeGroup()).group.id), active: "false" }),
  },
  "groups#addGroupMemberAction": {
    form: async () => ({
      id: String((await makeGroup()).group.id),
      userId: String((await makeUser([ROLE.agent])).id),
    }),
  },
  "groups#removeGroupMemberAction": {
    form: async () => {
      const member = await makeUser([ROLE.agent]);
      return { id: String((await makeGroup(member)).group.id), userId: String(member.id) };
    },
  },
  // ITSM-1: standard change templates.
  "change-templates#addTemplateAction": {
    form: async () => ({ name: unique("Crafted template "), ...TEMPLATE_FORM, approved: "true" }),
  },
  "change-templates#saveTemplateAction": {
    form: async () => {
      const t = await db().standardChangeTemplate.create({
        data: { name: unique("Crafted template "), shortDescription: "template" },
      });
      return {
        id: String(t.id),
        version: String(t.version),
        name: unique("Renamed template "),
        ...TEMPLATE_FORM,
        approved: "false",
        active: "true",
      };
    },
  },
  "cases#createCaseContactAction": { form: async (w) => ({ ...person(), accountId: String(w.account.id) }) },
  // NOT-2: the caller's own agent notifications.
  "notifications#setAgentNotificationAction": {
    form: async () => ({ kind: "customer_replied", enabled: "false" }),
  },
  "password#changePasswordAction": {
    form: async () => ({
      currentPassword: "current-password",
      newPassword: "a-new-password",
      confirmPassword: "a-new-password",
    }),
  },
};

const NUMBER_DEFAULT: Record<string, (w: World) => string> = {
  accounts: (w) => w.account.number,
  cases: (w) => w.c.number,
  incidents: (w) => w.incident.number,
};

function formData(values: object): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, String(v));
  return f;
}

async function call(fn: Action, args: unknown[]) {
  try {
    return await fn(...args);
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e) };
  }
}

const fingerprint = async () => {
  const sum = { _sum: { version: true }, _count: true } as const;
  return {
    versions: await Promise.all([
      db().case.aggregate(sum),
      db().incident.aggregate(sum),
      db().problem.aggregate(sum),
      db().changeRequest.aggregate(sum),
      db().request.aggregate(sum),
      db().priorityLookup.aggregate(sum),
      db().fieldMap.aggregate(sum),
      db().standardChangeTemplate.aggregate(sum),
      db().workOrder.aggregate(sum),
      db().workOrderTask.aggregate(sum),
    ]),
    affected: await db().incidentAffectedAccount.count(),
    proactive: await db().proactiveCase.count(),
    journal: await db().journalEntry.count(),
    audit: await db().auditEntry.count(),
    outbox: await db().outboxMessage.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    properties: await db().systemProperty.findMany({
      select: { name: true, version: true },
      orderBy: { name: "asc" },
    }),
    rules: await db().businessRule.count({ where: { active: true } }),
    plugins: await db().plugin.count({ where: { active: true } }),
    templates: await db().standardChangeTemplate.count(),
    sessions: await db().session.count(),
    users: await db().user.groupBy({ by: ["active"], _count: true, orderBy: { active: "asc" } }),
    userRoles: await db().userRole.count(),
    tokens: await db().apiToken.groupBy({ by: ["revokedAt"], _count: true, orderBy: { revokedAt: "asc" } }),
    password: (await db().user.findUniqueOrThrow({ where: { id: session.actor!.id } })).passwordHash,
    // SET-2, SET-4
    accounts: await db().account.aggregate(sum),
    assets: await db().asset.aggregate(sum),
    relationships: await db().accountRelationship.count(),
    userVersions: await db().user.aggregate({ _sum: { version: true } }),
    links: await db().passwordToken.count(),
    views: await db().savedView.count(), // WRK-4
    notificationsOff: await db().notificationOff.count(), // NOT-2
  };
};

const REFUSED = ["invalid", "not_found"];
const expectRefused = (result: unknown, label: string) => {
  expect(result, label).toMatchObject({ ok: false });
  expect(REFUSED, `${label}: ${JSON.stringify(result)}`).toContain((result as { kind: string }).kind);
};

// One user for the file (every proposal emails every major issue manager); its password is put
// back before each test, since one valid call changes it.
let passwordHash = "";
let internal: Actor;
let outboxBefore = 0;
let fieldMapBefore = 0;
beforeAll(async () => {
  passwordHash = await hashPassword("current-password");
  session.actor = internal = await makeUser([...INTERNAL_ROLES], { passwordHash });
  outboxBefore = (await db().outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0;
  fieldMapBefore = (await db().fieldMap.aggregate({ _max: { id: true } }))._max.id ?? 0;
});
beforeEach(async () => {
  session.actor = internal; // a portal action's test ran as its external caller
  await db().user.update({ where: { id: session.actor.id }, data: { passwordHash } });
});
// The emails the valid calls queued must not wait for a later test file's SMTP delivery test,
// and the field map rows they added must not change the default maps a later file reads.
afterAll(async () => {
  await db().fieldMap.deleteMany({ where: { id: { gt: fieldMapBefore } } });
  await db().outboxMessage.updateMany({
    where: { id: { gt: outboxBefore }, status: "pending" },
    data: { status: "suppressed", reason: "test cleanup" },
  });
});

describe("crafted arguments to every server action (REL-1)", () => {
  it("REL-1: every action has a valid call in this test (a new action must be added to BASES)", () => {
    expect(actions.map((a) => a.id).filter((id) => !BASES[id])).toEqual([]);
  });

  for (const { id, fn } of actions) {
    it(`REL-1: ${id} refuses crafted arguments and U+0000 in each field, changing nothing`, async () => {
      const base = BASES[id] ?? {};
      const w = await makeWorld(session.actor!);
      const caller = await base.as?.(w);
      if (caller) session.actor = caller.actor;
      const number =
        caller?.number ??
        (await (base.number ?? NUMBER_DEFAULT[id.split("#")[0]] ?? ((x: World) => x.c.number))(w));
      const values = (await base.form?.(w)) ?? {};
      const args = (n: unknown, form: unknown) =>
        takesNumber(fn) ? (takesForm(fn) ? [n, null, form] : [n]) : [null, form];
      const before = await fingerprint();

      if (takesNumber(fn))
        for (const bad of [{}, 42, ["CS0001001"], null, undefined, `${number}\u0000`, "x".repeat(5000)])
          expectRefused(await call(fn, args(bad, formData(values))), `${id} number=${JSON.stringify(bad)}`);
      if (takesForm(fn)) {
        for (const bad of [{ ...values }, "workNotes=x", null, undefined, [values], 42])
          expectRefused(await call(fn, args(number, bad)), `${id} form=${JSON.stringify(bad)}`);
        for (const field of Object.keys(values)) {
          const f = formData({ ...values, [field]: `${(values as Record<string, string>)[field]}\u0000` });
          const result = await call(fn, args(number, f));
          expectRefused(result, `${id} ${field}+U+0000`);
        }
      }
      expect(await fingerprint(), id).toEqual(before);

      // The same call with the valid values works, so each refusal above was the bad value's doing.
      const ok = await call(fn, args(number, formData(values)));
      if (!("threw" in (ok as object) && String((ok as { threw: string }).threw).startsWith("redirect ")))
        expect(ok, `${id} valid call`).toMatchObject({ ok: true });
    });
  }
});

describe("bad values answer a field error naming the field (REL-1)", () => {
  const refusedOn = async (id: string, field: string, value: string) => {
    const { fn } = actions.find((a) => a.id === id)!;
    const w = await makeWorld(session.actor!);
    const base = BASES[id];
    const caller = await base.as?.(w);
    if (caller) session.actor = caller.actor;
    const number =
      caller?.number ??
      (await (base.number ?? NUMBER_DEFAULT[id.split("#")[0]] ?? ((x: World) => x.c.number))(w));
    const values = { ...(await base.form!(w)), [field]: value };
    const before = await fingerprint();
    const form = formData(values);
    const result = (await call(fn, takesNumber(fn) ? [number, null, form] : [null, form])) as {
      kind: string;
      fieldErrors?: Record<string, string>;
    };
    expect(await fingerprint()).toEqual(before);
    expect(result.kind).toBe("invalid");
    return result.fieldErrors?.[field];
  };

  it("REL-1: a planned start of -271821 is refused naming Planned start", async () => {
    expect(await refusedOn("itsm#saveChangeAction", "plannedStart", "-271821-04-20T00:00:00.000Z")).toBe(
      "Planned start must be between 1900-01-01 and 2200-12-31.",
    );
  });

  it("REL-1 / FSM-3: a task window ending before it starts is refused naming Window end", async () => {
    expect(await refusedOn("work-orders#addTaskAction", "windowEnd", "2026-12-01T08:00:00Z")).toBe(
      "The appointment window must end after it starts.",
    );
  });

  it("REL-1 / FSM-5: a portal work order request whose window ends before it starts is refused naming Window end", async () => {
    expect(await refusedOn("work-orders#requestWorkOrderAction", "windowEnd", "2026-12-01T08:00:00Z")).toBe(
      "The appointment window must end after it starts.",
    );
  });

  it("REL-1: accountId=abc is refused naming Account, not 'Invalid input'", async () => {
    expect(await refusedOn("cases#createCaseAction", "accountId", "abc")).toBe(
      "Account is not a valid reference.",
    );
  });

  it("REL-1 / NOT-2: an unknown notification kind is refused naming Notification", async () => {
    expect(await refusedOn("notifications#setAgentNotificationAction", "kind", "sla_breached")).toBe(
      "Notification must be one of: Assigned to me, Customer replied, SLA warnings, " +
        "Major case proposed, Major case decided.",
    );
  });

  it("REL-1: U+0000 in a short description or a journal entry is refused naming the field", async () => {
    expect(await refusedOn("cases#saveCaseAction", "shortDescription", "printer\u0000")).toMatch(
      /^Short description contains a control character \(U\+0000\)/,
    );
    expect(await refusedOn("incidents#postIncidentJournalAction", "workNotes", "a\u0000b")).toMatch(
      /^Work notes contains a control character/,
    );
    expect(await refusedOn("cases#proposeMajorCaseAction", "businessImpact", "all\u0000")).toMatch(
      /^Business impact contains a control character/,
    );
  });
});
