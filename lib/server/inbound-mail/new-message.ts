import "server-only";
import type { Tx } from "@/lib/db";
import { caseFieldsOf, isAddressedTo, isMailLoop, supportAddressOf } from "@/lib/domain/email/email-to-case";
import type { InboundOutcome, InboundRefusal } from "@/lib/domain/email/inbound";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { propertyValue } from "../properties/read";
import { inboundEmailDomain } from "../email/config";
import { finishMessage } from "./claim";
import { keepMailAttachments } from "../attachments/store";
import { holdFiles } from "./held-files";
import { openEmailCase } from "./email-case";
import type { ParsedInbound } from "./parse";
import { activeCustomerByEmail } from "@/lib/server/tables/user";

/** The outbox's sender when MAIL_FROM is not set (lib/server/outbox/deliver.ts). */
const DEFAULT_MAIL_FROM = "Caseflow <no-reply@caseflow.local>";

/** NOT-3: the support address — the property, else support@ the INBOUND_EMAIL_DOMAIN. */
export async function supportAddress(tx: Tx) {
  return supportAddressOf(await propertyValue(PROPERTY.inboundSupportAddress, tx), inboundEmailDomain());
}

/**
 * NOT-3: the support address when a message that names no case was sent to it (To, Cc,
 * Delivered-To), else null. Read once per message: receiveNewMessage takes it on.
 */
export async function supportAddressOfMessage(tx: Tx, p: ParsedInbound): Promise<string | null> {
  const support = await supportAddress(tx);
  return isAddressedTo(p.recipients, support) ? support : null;
}

async function refuse(tx: Tx, id: number, reason: InboundRefusal): Promise<InboundOutcome> {
  await finishMessage(tx, id, { status: "refused", reason });
  return { status: "refused", reason };
}

/**
 * NOT-3: a new message (not a reply) to the support address, inside the transaction that claimed
 * it. Automatic replies and mail loops are refused (REL-6); an active contact or consumer with the
 * From address gets a case (and its acknowledgement); anyone else's message is held for an agent
 * on /admin/inbox ("Unknown sender") with the text the case would get.
 */
export async function receiveNewMessage(
  tx: Tx,
  id: number,
  p: ParsedInbound,
  support: string,
): Promise<InboundOutcome> {
  if (p.automatic) return refuse(tx, id, "automatic");
  const own = {
    support,
    domain: inboundEmailDomain(),
    mailFrom: process.env.MAIL_FROM || DEFAULT_MAIL_FROM,
  };
  if (isMailLoop(p, own)) return refuse(tx, id, "loop");
  const fields = caseFieldsOf(p.subject, p.text);
  const sender = await activeCustomerByEmail(tx, p.from);
  if (!sender) {
    await tx.inboundMessage.update({
      where: { id },
      data: { status: "held", reason: "unknown_sender", text: fields.description },
    });
    await holdFiles(tx, id, p.attachments); // NOT-4: kept for the case an agent may open from it
    return { status: "held", reason: "unknown_sender" };
  }
  const opened = await openEmailCase(tx, {
    customer: sender,
    fields,
    author: sender,
    inReplyTo: p.messageId,
  });
  await keepMailAttachments(tx, opened.id, sender, p.attachments); // NOT-4: the email's files too
  await finishMessage(tx, id, { status: "opened", caseId: opened.id });
  return { status: "opened", caseId: opened.id, caseNumber: opened.number };
}
