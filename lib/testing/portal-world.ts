// A small world of accounts, external users and cases for the ROLE-3 / POR-3 scope tests: each
// role sees a known subset of these cases, and nothing else.
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAgent, makeCase, makeUser } from "./fixtures";

export async function makePortalWorld() {
  const agent = await makeAgent();
  const [customer, other, unrelated] = [await makeAccount(), await makeAccount(), await makeAccount()];
  const partner = await makeAccount({ partner: true });
  await db().accountRelationship.create({
    data: { partnerAccountId: partner.id, customerAccountId: customer.id },
  });
  const contact = (roles: string[], accountId: number) =>
    makeUser([...roles, ROLE.external], { kind: "contact", accountId });
  const consumer = () => makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
  const users = {
    customer: await contact([ROLE.customer], customer.id),
    colleague: await contact([ROLE.customer], customer.id),
    customerAdmin: await contact([ROLE.customer, ROLE.customerAdmin], customer.id),
    otherCustomer: await contact([ROLE.customer], other.id),
    partner: await contact([ROLE.partner], partner.id),
    partnerAdmin: await contact([ROLE.partner, ROLE.partnerAdmin], partner.id),
    consumer: await consumer(),
    otherConsumer: await consumer(),
  };
  const cases = {
    /** the customer's case, worked by the partner's contact */
    own: await makeCase(agent, {
      accountId: customer.id,
      contactId: users.customer.id,
      partnerId: partner.id,
      partnerContactId: users.partner.id,
    }),
    colleague: await makeCase(agent, { accountId: customer.id, contactId: users.colleague.id }),
    other: await makeCase(agent, { accountId: other.id, contactId: users.otherCustomer.id }),
    unrelated: await makeCase(agent, { accountId: unrelated.id }),
    partnerAccount: await makeCase(agent, { accountId: partner.id }),
    consumer: await makeCase(agent, { consumerId: users.consumer.id }),
    otherConsumer: await makeCase(agent, { consumerId: users.otherConsumer.id }),
  };
  return { agent, accounts: { customer, other, unrelated, partner }, users, cases };
}

export type PortalWorld = Awaited<ReturnType<typeof makePortalWorld>>;
export type WorldCase = keyof PortalWorld["cases"];

/** ROLE-3 / POR-1: the cases of the world each external user sees. */
export const VISIBLE: Record<keyof PortalWorld["users"], WorldCase[]> = {
  customer: ["own"],
  colleague: ["colleague"],
  customerAdmin: ["own", "colleague"],
  otherCustomer: ["other"],
  partner: ["own"],
  partnerAdmin: ["own", "colleague", "partnerAccount"],
  consumer: ["consumer"],
  otherConsumer: ["otherConsumer"],
};
