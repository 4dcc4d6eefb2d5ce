// Fixtures for work order tests: a case with every party the case → work order map reads.
import { randomUUID } from "node:crypto";
import { db, transaction } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { createWorkOrderFromCase } from "@/lib/server/work-orders/create";
import { nextNumber } from "@/lib/server/records/numbers";
import { makeAccount, makeCase, makeCustomer, makeUser, unique } from "./fixtures";

/** A case with account, contact, asset, partner and partner contact, priority 2. */
export async function makeFieldCase(agent: Actor) {
  const { account, contact } = await makeCustomer();
  const partner = await makeAccount({ partner: true });
  await db().accountRelationship.create({
    data: { partnerAccountId: partner.id, customerAccountId: account.id },
  });
  const partnerContact = await makeUser([ROLE.partner, ROLE.external], {
    kind: "contact",
    accountId: partner.id,
  });
  const asset = await transaction(async (tx) =>
    tx.asset.create({
      data: { number: await nextNumber(tx, "asset"), name: unique("Router "), accountId: account.id },
    }),
  );
  const c = await makeCase(agent, {
    shortDescription: unique("Router down "),
    description: "The branch router is dead.",
    priority: 2,
    accountId: account.id,
    contactId: contact.id,
    assetId: asset.id,
    partnerId: partner.id,
    partnerContactId: partnerContact.id,
  });
  return { c, account, contact, partner, partnerContact, asset };
}

export const newKey = () => randomUUID();

/** Create Work Order with a fresh click key; returns the stored work order. */
export async function makeWorkOrder(agent: Actor, caseNumber: string) {
  const { number } = await createWorkOrderFromCase(agent, caseNumber, newKey());
  return db().workOrder.findUniqueOrThrow({ where: { number } });
}

/** The field and message of the DomainError `p` rejects with. */
export async function fieldError(
  p: Promise<unknown>,
): Promise<{ kind: string; field?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { kind: e.kind, field: e.field, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
}

export async function setPlugin(id: string, active: boolean) {
  await db().plugin.upsert({
    where: { id },
    create: { id, name: id, description: id, active },
    update: { active },
  });
}
