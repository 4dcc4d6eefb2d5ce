// NOT-4: the files of an inbound reply are kept on the case, by the customer, never internal.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAgent, makeCustomer, unique } from "@/lib/testing/fixtures";
import { discardHeldMessage, openHeldMessage } from "../inbound-mail/held";
import { listInbox } from "../inbound-mail/admin";
import { caseWithCustomer, DOMAIN, rawMail } from "@/lib/testing/inbound";
import { receive } from "../inbound-mail/receive";
import { listAttachments, readAttachment } from "./service";

const part = (name: string, type: string, content: Buffer) =>
  [
    "--b1",
    `Content-Type: ${type}; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    content.toString("base64").replace(/.{76}/g, "$&\r\n"),
  ].join("\r\n");

/** A reply with a text part and the given files (multipart/mixed). */
function replyWith(
  from: string,
  to: string,
  files: [string, string, Buffer][],
  text = "Here is the log you asked for.",
) {
  const head = rawMail({ from, to })
    .toString()
    .split("\r\n\r\n")[0]
    .replace(/Content-Type: .*/, "");
  const body = [
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    ...files.map(([n, t, c]) => part(n, t, c)),
    "--b1--",
    "",
  ].join("\r\n");
  return Buffer.from(`${head}Content-Type: multipart/mixed; boundary="b1"\r\n\r\n${body}`);
}

afterEach(() => db().systemProperty.deleteMany({ where: { name: PROPERTY.attachmentMaxMb } }));

/** The attachment limit at 1 MB for one test (afterEach removes it). */
const limitAttachmentsTo1Mb = () =>
  db().systemProperty.create({
    data: {
      name: PROPERTY.attachmentMaxMb,
      value: "1",
      type: "integer",
      defaultValue: "10",
      description: "",
    },
  });

describe("attachments of inbound email (NOT-4)", () => {
  it("NOT-4: an inbound reply's attachments are kept on the case, by the customer, visible in the portal", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const log = Buffer.from("line 1\nline 2\n");
    const out = await receive(replyWith(contact.email, address, [["error.log", "text/plain", log]]), "api");
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    const [item] = (await listAttachments(contact, c.number)).rows;
    expect(item).toMatchObject({
      fileName: "error.log",
      size: log.length,
      internalOnly: false,
      uploadedByName: contact.name,
    });
    const got = await readAttachment(contact, item.id);
    expect(got.file.contentType).toBe("text/plain");
    expect(Buffer.from(got.bytes).toString()).toBe(log.toString());
    expect(await db().attachment.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      uploadedById: contact.id,
    });
  });

  it("NOT-4 / PRO-5: a reply of files only, under the quoted question, is the customer's answer: kept, named, the case reopened", async () => {
    const { c, contact, address } = await caseWithCustomer();
    await db().case.update({ where: { id: c.id }, data: { state: CaseState.AwaitingInfo } });
    const quoted = "On Mon, Support wrote:\r\n> Please send us the log.\r\n";
    const log = Buffer.from("boom\n");
    const out = await receive(
      replyWith(contact.email, address, [["app.log", "text/plain", log]], quoted),
      "api",
    );
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    const [comment] = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id, kind: "comments" },
    });
    expect(comment).toMatchObject({ body: "(No message text; attached: app.log)", authorId: contact.id });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Open);
    expect((await listAttachments(contact, c.number)).rows.map((a) => a.fileName)).toEqual(["app.log"]);
    // Nothing typed and nothing attached is still no reply.
    const empty = await receive(replyWith(contact.email, address, [], quoted), "api");
    expect(empty).toMatchObject({ status: "refused", reason: "empty" });
  });

  it("NOT-4 / NOT-3: an unknown sender's files wait with the held message; the case opened from it keeps them; Discard drops them", async () => {
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const shot = Buffer.from("a screenshot");
    const hold = async () => {
      const from = `${unique("stranger")}@unknown.example`;
      const out = await receive(
        replyWith(from, `support@${DOMAIN}`, [["screen.png", "image/png", shot]]),
        "api",
      );
      expect(out).toEqual({ status: "held", reason: "unknown_sender" });
      return db().inboundMessage.findFirstOrThrow({ where: { fromAddress: from } });
    };
    const kept = await hold();
    expect(await db().inboundFile.count({ where: { messageId: kept.id } })).toBe(1);
    const opened = await openHeldMessage(agent, { id: String(kept.id), contactId: String(contact.id) });
    const c = await db().case.findUniqueOrThrow({ where: { id: opened.id } });
    const [item] = (await listAttachments(contact, c.number)).rows;
    expect(item).toMatchObject({ fileName: "screen.png", size: shot.length, internalOnly: false });
    expect(await db().attachment.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      uploadedById: contact.id,
      uploadedByName: contact.name,
    });
    expect(await db().inboundFile.count({ where: { messageId: kept.id } })).toBe(0);
    const dropped = await hold();
    // The inbox names a held message's files for the one deciding what to do with it.
    const box = await listInbox(agent, {});
    expect(box.rows.find((r) => r.id === dropped.id)?.files).toEqual(["screen.png"]);
    await discardHeldMessage(agent, { id: String(dropped.id) });
    expect(await db().inboundFile.count({ where: { messageId: dropped.id } })).toBe(0);
  });

  it("NOT-4 / NOT-3: a new email to support opens a case that keeps the email's files", async () => {
    const { contact } = await makeCustomer();
    const shot = Buffer.from("not really a png");
    const out = await receive(
      replyWith(contact.email, `support@${DOMAIN}`, [["screen.png", "image/png", shot]]),
      "api",
    );
    expect(out).toMatchObject({ status: "opened" });
    const number = (out as { caseNumber: string }).caseNumber;
    const [item] = (await listAttachments(contact, number)).rows;
    expect(item).toMatchObject({ fileName: "screen.png", size: shot.length, internalOnly: false });
  });

  it("NOT-4: a file over the limit is skipped and named in a work note; the others are kept", async () => {
    await limitAttachmentsTo1Mb();
    const { c, contact, address } = await caseWithCustomer();
    const big = Buffer.alloc(1024 * 1024 + 1, 0x61);
    const out = await receive(
      replyWith(contact.email, address, [
        ["huge.bin", "application/octet-stream", big],
        ["small.txt", "text/plain", Buffer.from("ok")],
      ]),
      "api",
    );
    expect(out.status).toBe("accepted");
    expect((await listAttachments(contact, c.number)).rows.map((a) => a.fileName)).toEqual(["small.txt"]);
    const notes = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id, kind: "work_notes" },
    });
    expect(notes.map((n) => n.body)).toContainEqual(expect.stringContaining("huge.bin"));
    expect(notes.map((n) => n.body).join()).toContain("larger than 1 MB");
  });

  it("NOT-4 / NOT-3: a held message's file over the limit is named on the inbox and in the opened case's work note, its bytes not kept", async () => {
    await limitAttachmentsTo1Mb();
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const from = `${unique("stranger")}@unknown.example`;
    const big = Buffer.alloc(1024 * 1024 + 1, 0x62);
    const out = await receive(
      replyWith(from, `support@${DOMAIN}`, [
        ["dump.bin", "application/octet-stream", big],
        ["note.txt", "text/plain", Buffer.from("fine")],
      ]),
      "api",
    );
    expect(out).toEqual({ status: "held", reason: "unknown_sender" });
    const row = await db().inboundMessage.findFirstOrThrow({ where: { fromAddress: from } });
    const held = await db().inboundFile.findMany({ where: { messageId: row.id }, orderBy: { id: "asc" } });
    expect(held.map((f) => [f.fileName, f.tooLarge, f.size, f.bytes.length])).toEqual([
      ["dump.bin", true, big.length, 0],
      ["note.txt", false, 4, 4],
    ]);
    const box = await listInbox(agent, {});
    expect(box.rows.find((r) => r.id === row.id)?.files).toEqual([
      "dump.bin (too large, not kept)",
      "note.txt",
    ]);
    const opened = await openHeldMessage(agent, { id: String(row.id), contactId: String(contact.id) });
    const c = await db().case.findUniqueOrThrow({ where: { id: opened.id } });
    expect((await listAttachments(contact, c.number)).rows.map((a) => a.fileName)).toEqual(["note.txt"]);
    const notes = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id, kind: "work_notes" },
    });
    expect(notes.map((n) => n.body)).toContainEqual(
      `Not attached from ${contact.name}'s email (over the size limit when received): dump.bin`,
    );
  });
});
