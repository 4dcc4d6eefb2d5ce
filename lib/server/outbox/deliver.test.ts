import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import { db, transaction } from "@/lib/db";
import { makeAdmin, makeAgent, makeCase, makeCustomer, resolveCase, unique } from "@/lib/testing/fixtures";
import { postCaseJournal } from "../cases/journal";
import { createPortalCase } from "../portal/new-case";
import { acceptSolution } from "../portal/answers";
import { deliverPending, MAX_ATTEMPTS, transporter } from "./deliver";
import { listOutbox, retryMessage } from "./admin";
import type * as Runner from "../runner/runner";
import { enqueueMail } from "./write";
import { claimBatch } from "../tables/queue-claims";
import { OUTBOX_QUEUE } from "../tables/outbox-message";
import { caseThreadId } from "@/lib/domain/email/thread";
import { hasLoneSurrogate } from "@/lib/domain/unicode";

// OPS-2: a test may say the node is stopping (the runner's flag), as a SIGTERM would.
const node = vi.hoisted(() => ({ stopping: false }));
vi.mock("../runner/runner", async (original) => ({
  ...(await original<typeof Runner>()),
  startedRunner: () => (node.stopping ? { stopping: true, has: () => false } : null),
}));

type Received = { to: string; raw: string };
const received: Received[] = [];

/** One delivery pass against an SMTP address nobody answers at. */
async function deliverToNoServer() {
  process.env.SMTP_URL = "smtp://127.0.0.1:1?ignoreTLS=true&connectionTimeout=2000";
  try {
    await deliverPending();
  } finally {
    delete process.env.SMTP_URL;
  }
}
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  // deliverPending() takes the oldest due messages of the whole database: leave out what earlier
  // test files of this worker queued (major case proposals email every major issue manager and
  // admin), so that this file sends exactly the messages it queues.
  await db().outboxMessage.updateMany({
    where: { status: { in: ["pending", "sending"] } },
    data: { status: "failed", lockedUntil: null, lastError: "left out by deliver.test.ts" },
  });
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("outbox delivery (REL-4)", () => {
  it("REL-4: a queued email is sent by SMTP after commit, once, with a stable Message-ID; suppressed ones never", async () => {
    const key = unique("mail");
    await transaction(async (tx) => {
      await enqueueMail(tx, {
        dedupeKey: key,
        recipient: "caller@example.org",
        subject: "Hello",
        body: "Body text",
        event: "test",
      });
      await enqueueMail(tx, {
        dedupeKey: key,
        recipient: "caller@example.org",
        subject: "Hello",
        body: "Body text",
        event: "test",
      });
      await enqueueMail(tx, {
        dedupeKey: `${key}-s`,
        recipient: "quiet@example.org",
        subject: "No",
        body: "x",
        event: "test",
        suppressedBecause: "external caller",
      });
    });
    expect(await db().outboxMessage.count({ where: { dedupeKey: key } })).toBe(1);

    delete process.env.SMTP_URL;
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      await deliverPending();
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
    }
    const mine = received.filter((r) => r.to === "caller@example.org");
    expect(mine).toHaveLength(1);
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    // Its own random Message-ID, queued with it: not one another installation, or this one after a
    // restore (whose outbox ids come again), could send too.
    expect(row.messageId).toMatch(/^<outbox-[0-9a-f]{32}@caseflow\.local>$/);
    expect(mine[0].raw).toContain(`Message-ID: ${row.messageId}`);
    expect(mine[0].raw).toContain("Subject: Hello");
    expect(received.some((r) => r.to === "quiet@example.org")).toBe(false);
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `${key}-s` } })).status).toBe(
      "suppressed",
    );
  });

  it("OPS-2: the SMTP timeouts reach the transport (a send gives up well within its claim)", () => {
    const t = transporter(`smtp://127.0.0.1:${port}?ignoreTLS=true`) as unknown as {
      transporter: { options: Record<string, unknown> };
    };
    expect(t.transporter.options).toMatchObject({
      host: "127.0.0.1",
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  });

  it("REL-4: a message sent whose 'sent' write fails once is marked sent on the next try, never sent again", async () => {
    const key = unique("mark");
    await transaction((tx) =>
      enqueueMail(tx, {
        dedupeKey: key,
        recipient: "once@example.org",
        subject: "Once",
        body: "x",
        event: "test",
      }),
    );
    const delegate = db().outboxMessage;
    const real = delegate.updateMany.bind(delegate);
    let failed = false;
    const spy = vi.spyOn(delegate, "updateMany").mockImplementation(((args: {
      data?: { status?: string };
    }) => {
      if (args.data?.status === "sent" && !failed) {
        failed = true;
        return Promise.reject(new Error("connection pool timeout"));
      }
      return real(args as never);
    }) as never);
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      expect(await deliverPending()).toMatchObject({ sent: 1, failed: 0 });
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
      spy.mockRestore();
    }
    expect(failed).toBe(true);
    expect(received.filter((r) => r.to === "once@example.org")).toHaveLength(1);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({
      status: "sent",
      lastError: null,
    });
  });

  it("OPS-2: a stopping node sends nothing more of its batch and gives the claims back at once", async () => {
    const keys = [unique("stop"), unique("stop")];
    await transaction(async (tx) => {
      for (const k of keys)
        await enqueueMail(tx, {
          dedupeKey: k,
          recipient: `${k}@example.org`,
          subject: "S",
          body: "x",
          event: "test",
        });
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    node.stopping = true;
    try {
      expect(await deliverPending()).toEqual({ sent: 0, failed: 0 });
    } finally {
      node.stopping = false;
      delete process.env.SMTP_URL;
    }
    const rows = await db().outboxMessage.findMany({ where: { dedupeKey: { in: keys } } });
    expect(rows.map((r) => [r.status, r.lockedBy, r.lockedUntil, r.attempts])).toEqual([
      ["pending", null, null, 0],
      ["pending", null, null, 0],
    ]);
    expect(received.filter((r) => keys.some((k) => r.to.startsWith(k)))).toHaveLength(0);
  });

  it("SET-4: a password link leaves by SMTP whole, and the outbox keeps it without its token", async () => {
    const key = unique("link");
    const token = "T".repeat(43);
    await transaction((tx) =>
      enqueueMail(tx, {
        dedupeKey: key,
        recipient: "invitee@example.org",
        subject: "You are invited to Caseflow",
        body: `Choose your password: https://support.example.com/set-password?token=${token}\n`,
        event: "invitation",
      }),
    );
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
    }
    expect(received.find((m) => m.to === "invitee@example.org")?.raw).toContain(token);
    const stored = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(stored.status).toBe("sent");
    expect(stored.body).toBe("Choose your password: https://support.example.com/set-password?token=(sent)\n");
  });

  it("PRO-5: a customer comment email is sent with its Reply-To, its queued Message-ID, text and HTML parts", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await postCaseJournal(agent, c.number, { comments: "Fixed <today>" });
    const row = await db().outboxMessage.findFirstOrThrow({
      where: { sourceId: c.id, event: "case.comment" },
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
    }
    // The comment's email, under the Message-ID queued with it (the case's acknowledgement, NOT-1,
    // went to the same customer first).
    const mail = received.find(
      (r) => r.to === contact.email && r.raw.includes(`Message-ID: ${row.messageId}`),
    );
    expect(mail).toBeDefined();
    if (!mail) return;
    expect(mail.raw).toContain(`Reply-To: ${row.replyTo}`);
    // REL-6: marked automatic, so that no out-of-office answers it.
    expect(mail.raw).toContain("Auto-Submitted: auto-generated");
    expect(mail.raw).toContain("X-Auto-Response-Suppress: All");
    expect(mail.raw).toContain("multipart/alternative");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(mail.raw).toContain("Fixed &#60;today&#62;");
    expect(mail.raw).toContain(
      `Follow it in the portal: http://localhost:${process.env.PORT || 3000}/portal/cases/${c.number}`,
    );
    // One conversation in the customer's mail client: the acknowledgement and the comment name
    // the same thread, which is the case's alone (lib/domain/email/thread.ts).
    const thread = caseThreadId(row.replyTo!);
    expect(thread).toMatch(/^<case-/);
    const opened = await db().outboxMessage.findFirstOrThrow({
      where: { sourceId: c.id, event: "case.opened" },
    });
    const ack = received.find((r) => r.raw.includes(`Message-ID: ${opened.messageId}`));
    for (const m of [mail, ack]) {
      expect(m?.raw).toContain(`References: ${thread}`);
      expect(m?.raw).toContain(`In-Reply-To: ${thread}`);
    }
  });

  it("REL-4 / NOT-1: the portal's New case and Accept solution emails leave right after commit, not at the job's next tick", async () => {
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    // Sent when the row says so: nothing here calls deliverPending, and no job runner ticks in tests.
    const sent = async (event: string, number: string) => {
      const c = await db().case.findUniqueOrThrow({ where: { number } });
      for (let i = 0; i < 100; i++) {
        const row = await db().outboxMessage.findFirst({ where: { sourceId: c.id, event } });
        if (row?.status === "sent") return row;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${event} of ${number} was not sent within 5 s`);
    };
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      const { number } = await createPortalCase(contact, {
        shortDescription: unique("Portal "),
        description: "",
      });
      const opened = await sent("case.opened", number);
      expect(
        received.some((r) => r.to === contact.email && r.raw.includes(`Message-ID: ${opened.messageId}`)),
      ).toBe(true);
      await resolveCase(agent, number);
      await acceptSolution(contact, number, { version: 3 });
      await sent("case.closed", number);
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  /** A queued message to `recipient` as a sender left it that claimed it `attempts` times and died. */
  async function lapsedClaim(recipient: string, attempts: number) {
    const key = unique("lapsed");
    const id = await transaction(async (tx) => {
      await enqueueMail(tx, { dedupeKey: key, recipient, subject: "Retry", body: "x", event: "test" });
      return (await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).id;
    });
    await db().outboxMessage.update({
      where: { id },
      data: { status: "sending", attempts, lockedUntil: new Date(Date.now() - 1000) },
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
    }
    return db().outboxMessage.findUniqueOrThrow({ where: { id } });
  }

  it("REL-4: a message claimed by a process that died is sent again after its lock expires, under the same Message-ID", async () => {
    // As if a sender claimed it and crashed before marking it sent.
    const row = await lapsedClaim("crash@example.org", 1);
    expect(row.status).toBe("sent");
    const sent = received.filter((r) => r.to === "crash@example.org");
    expect(sent).toHaveLength(1);
    expect(sent[0].raw).toContain(`Message-ID: ${row.messageId}`);
  });

  it("REL-4: a message whose sends never finished five times (each sender died) is not tried a sixth time: failed, named", async () => {
    // Five sends begun, each lapsed with its sender gone: the next would be the sixth attempt.
    expect(await lapsedClaim("killer@example.org", 5)).toMatchObject({
      status: "failed",
      attempts: 5,
      lockedBy: null,
      lastError: expect.stringMatching(/^Not sent after 5 attempts: the last ended without an answer/),
    });
    expect(received.filter((r) => r.to === "killer@example.org")).toEqual([]);
  });

  it("REL-4: of a batch whose sender died during its first send, only that message used an attempt", async () => {
    const keys = [unique("batch-a"), unique("batch-b")];
    await transaction(async (tx) => {
      for (const k of keys)
        await enqueueMail(tx, {
          dedupeKey: k,
          recipient: `${k}@example.org`,
          subject: "x",
          body: "x",
          event: "test",
        });
    });
    const ids = (
      await db().outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, orderBy: { id: "asc" } })
    ).map((m) => m.id);
    // Claimed together; the first send began (its attempt counted) and its sender died.
    expect(await claimBatch(OUTBOX_QUEUE, "dying-node", 60_000, 100)).toEqual(expect.arrayContaining(ids));
    await db().outboxMessage.update({ where: { id: ids[0] }, data: { attempts: { increment: 1 } } });
    const rows = await db().outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.attempts)).toEqual([1, 0]);
    await db().outboxMessage.updateMany({
      where: { id: { in: ids } },
      data: { status: "failed", lockedUntil: null },
    });
  });

  it("REL-4: a message another process is sending right now is left alone (no second send)", async () => {
    const key = unique("busy");
    const id = await transaction(async (tx) => {
      await enqueueMail(tx, {
        dedupeKey: key,
        recipient: "busy@example.org",
        subject: "Busy",
        body: "x",
        event: "test",
      });
      return (await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).id;
    });
    const theirClaim = new Date(Date.now() + 60_000);
    await db().outboxMessage.update({
      where: { id },
      data: { status: "sending", attempts: 1, lockedUntil: theirClaim },
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      await deliverPending();
    } finally {
      delete process.env.SMTP_URL;
    }
    expect(received.filter((r) => r.to === "busy@example.org")).toHaveLength(0);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sending",
      lockedUntil: theirClaim,
    });
  });

  it("REL-4: an unreachable SMTP server leaves the message pending for a later attempt, with the error", async () => {
    const key = unique("down");
    await transaction((tx) =>
      enqueueMail(tx, {
        dedupeKey: key,
        recipient: "down@example.org",
        subject: "Down",
        body: "x",
        event: "test",
      }),
    );
    await deliverToNoServer();
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(row.status).toBe("pending");
    expect(row.lastError).toBeTruthy();
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("SET-4: a password link that fails for good is removed from the outbox too; Retry refuses it and says to invite again", async () => {
    const key = unique("dead-link");
    await transaction((tx) =>
      enqueueMail(tx, {
        dedupeKey: key,
        recipient: "refused@example.org",
        subject: "You are invited to Caseflow",
        body: `Choose your password: https://support.example.com/set-password?token=${"U".repeat(43)}\n`,
        event: "invitation",
      }),
    );
    // Its last attempt: the server never answers.
    await db().outboxMessage.update({ where: { dedupeKey: key }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await deliverToNoServer();
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(row.status).toBe("failed");
    expect(row.body).not.toContain("U".repeat(43));
    const admin = await makeAdmin();
    await expect(retryMessage(admin, row.id)).rejects.toThrow(/invite the person again/);
    const listed = (await listOutbox(admin, { status: "failed" })).rows.find((r) => r.id === row.id);
    expect(listed?.retryable).toBe(false);
  });

  it("REL-4: an SMTP refusal echoing emoji past 500 characters is stored cut between characters, the message still pending", async () => {
    // The refusal text of a real server may echo an address in any script: two texts, one of which
    // the 500-character cut must meet inside an emoji whatever the client's prefix.
    for (const lead of ["", "x"]) {
      const refusing = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        onRcptTo(_address, _session, done) {
          done(Object.assign(new Error(`${lead}${"\u{1F600}".repeat(300)}`), { responseCode: 451 }));
        },
      });
      await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", () => resolve()));
      const at = (refusing.server.address() as { port: number }).port;
      const key = unique("emoji-refusal");
      await transaction((tx) =>
        enqueueMail(tx, {
          dedupeKey: key,
          recipient: "e@example.org",
          subject: "E",
          body: "x",
          event: "test",
        }),
      );
      process.env.SMTP_URL = `smtp://127.0.0.1:${at}?ignoreTLS=true`;
      try {
        await deliverPending();
      } finally {
        delete process.env.SMTP_URL;
        await new Promise<void>((resolve) => refusing.close(() => resolve()));
      }
      const row = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
      expect(row.status, lead).toBe("pending");
      expect(row.lastError, lead).toContain("\u{1F600}");
      expect(row.lastError!.length).toBeLessThanOrEqual(500);
      expect(hasLoneSurrogate(row.lastError!)).toBe(false);
      await db().outboxMessage.update({ where: { id: row.id }, data: { status: "failed" } });
    }
  });
});
