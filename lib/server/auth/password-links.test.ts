// SET-4 (and REL-8): invitations, Forgot password?, and the one-time links they send.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { LIVE_RESET_LINKS, RESET_ANSWER } from "@/lib/domain/auth/password-links";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAdmin, makeAgent, makeCustomer, makeUser, unique } from "@/lib/testing/fixtures";
import { checkCredentials } from "./credentials";
import { inviteUser } from "./invitations";
import {
  describePasswordLink,
  issuePasswordLink,
  passwordLinkUrl,
  setPasswordWithLink,
} from "./password-links";
import { requestPasswordReset, sendResetLink } from "./password-reset";
import { lockRows } from "../tables/row-locks";
import { updateContact } from "../directory/contacts";
import { createSession } from "./sessions";

const key = () => randomBytes(16).toString("hex");
const PASSWORD = { newPassword: "a-good-long-password", confirmPassword: "a-good-long-password" };
const tokenIn = (body: string) => /set-password\?token=([A-Za-z0-9_-]{43})/.exec(body)![1];
const mailsTo = (recipient: string) =>
  db().outboxMessage.findMany({ where: { recipient }, orderBy: { id: "asc" } });

describe("SET-4: Invite", () => {
  it("SET-4: emails a 7-day link through the outbox; the contact sets a password once and can sign in", async () => {
    const manager = await makeUser([ROLE.manager]);
    const { contact } = await makeCustomer();
    const now = Date.now();
    expect(await inviteUser(manager, { userId: String(contact.id), requestKey: key() })).toMatchObject({
      sent: true,
    });
    const [mail] = await mailsTo(contact.email);
    expect(mail).toMatchObject({
      event: "invitation",
      status: "pending",
      subject: "You are invited to Caseflow",
    });
    expect(mail.body).toContain(`${manager.name} invited you`);
    const link = await db().passwordToken.findFirstOrThrow({ where: { userId: contact.id } });
    expect(link.expiresAt.getTime() - now).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    const token = tokenIn(mail.body);

    const session = await createSession(contact.id); // a session from before: it ends
    const done = await setPasswordWithLink(token, PASSWORD);
    expect(done).toMatchObject({ userId: contact.id, endedSessions: 1 });
    expect(await db().session.count({ where: { id: session } })).toBe(0);
    expect(await checkCredentials(contact.email, PASSWORD.newPassword, null)).toMatchObject({ ok: true });
    // Single use.
    await expect(setPasswordWithLink(token, PASSWORD)).rejects.toMatchObject({ field: "token" });
    expect(await describePasswordLink(token)).toMatchObject({ valid: false });
    const audit = await db().auditEntry.findMany({ where: { table: "sys_user", recordId: contact.id } });
    expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(["invitation", "password"]));
    expect(JSON.stringify(audit)).not.toContain(PASSWORD.newPassword);
  });

  it("SET-4: a double click (the same key, at once) sends one email", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => inviteUser(admin, { userId: String(agent.id), requestKey: k })),
    );
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(await mailsTo(agent.email)).toHaveLength(1);
  });

  it("SET-4: a newer invitation retires the earlier link", async () => {
    const admin = await makeAdmin();
    const { contact } = await makeCustomer();
    await inviteUser(admin, { userId: String(contact.id), requestKey: key() });
    await inviteUser(admin, { userId: String(contact.id), requestKey: key() });
    const [first, second] = await mailsTo(contact.email);
    await expect(setPasswordWithLink(tokenIn(first.body), PASSWORD)).rejects.toMatchObject({
      field: "token",
    });
    await expect(setPasswordWithLink(tokenIn(second.body), PASSWORD)).resolves.toMatchObject({
      userId: contact.id,
    });
  });

  it("SET-4: managers invite customers, only admins invite internal users; agents and customers nobody; a deactivated user is refused", async () => {
    const manager = await makeUser([ROLE.manager]);
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const internal = await makeUser([ROLE.itil]);
    await expect(
      inviteUser(manager, { userId: String(internal.id), requestKey: key() }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(inviteUser(agent, { userId: String(contact.id), requestKey: key() })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(
      inviteUser(contact, { userId: String(contact.id), requestKey: key() }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await db().user.update({ where: { id: internal.id }, data: { active: false } });
    await expect(
      inviteUser(await makeAdmin(), { userId: String(internal.id), requestKey: key() }),
    ).rejects.toThrow(/deactivated/);
    expect(await db().passwordToken.count({ where: { userId: { in: [internal.id, contact.id] } } })).toBe(0);
  });
});

describe("SET-4: Invite needs a portal role", () => {
  it("SET-4: a contact without a portal role (added from the case form) is not invited until given one", async () => {
    const manager = await makeUser([ROLE.manager]);
    const { account } = await makeCustomer();
    const bare = await makeUser([ROLE.external], { kind: "contact", accountId: account.id });
    const refused = inviteUser(manager, { userId: String(bare.id), requestKey: key() });
    await expect(refused).rejects.toMatchObject({ field: "userId" });
    await expect(refused).rejects.toThrow(/has no portal role; give them one \(Edit → Portal roles\)/);
    expect(await mailsTo(bare.email)).toHaveLength(0);
    await db().userRole.create({ data: { userId: bare.id, role: ROLE.customer } });
    await expect(inviteUser(manager, { userId: String(bare.id), requestKey: key() })).resolves.toMatchObject({
      sent: true,
    });
    expect(await mailsTo(bare.email)).toHaveLength(1);
  });
});

describe("SET-4: the links", () => {
  it("SET-4: an invitation's link stops working when the contact's portal roles are taken away", async () => {
    const manager = await makeUser([ROLE.manager]);
    const { contact } = await makeCustomer();
    await inviteUser(manager, { userId: String(contact.id), requestKey: key() });
    const token = tokenIn((await mailsTo(contact.email))[0].body);
    await db().userRole.deleteMany({ where: { userId: contact.id, role: { not: ROLE.external } } });
    expect(await describePasswordLink(token)).toMatchObject({ valid: false });
    await expect(setPasswordWithLink(token, PASSWORD)).rejects.toMatchObject({ field: "token" });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).passwordHash).toBeNull();
  });

  it("SET-4: an expired link sets nothing", async () => {
    const user = await makeAgent();
    const past = new Date(Date.now() - 8 * 24 * 3600_000);
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: user.id, purpose: "invite", createdById: null }, past),
    );
    await expect(setPasswordWithLink(link!.token, PASSWORD)).rejects.toMatchObject({ field: "token" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("SET-4: a link retired after its use began (a new email while the password was hashed) sets nothing", async () => {
    const { contact: user } = await makeCustomer();
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    const began = new Date(Date.now() - 1_000);
    // The contact's new email (the manager's save) retires the links sent to the old one.
    await updateContact(await makeUser([ROLE.manager]), user.id, {
      name: user.name,
      email: `${unique("moved")}@test.example`,
      version: (await db().user.findUniqueOrThrow({ where: { id: user.id } })).version,
    });
    await expect(setPasswordWithLink(link!.token, PASSWORD, began)).rejects.toMatchObject({ field: "token" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("SET-4: two uses of one link at once set the password once", async () => {
    const user = await makeAgent();
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => setPasswordWithLink(link!.token, PASSWORD)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("SET-4: the password rules refuse without using the link; a made-up token is the same refusal as a used one", async () => {
    const user = await makeAgent();
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: user.id, purpose: "invite", createdById: null }),
    );
    await expect(
      setPasswordWithLink(link!.token, { newPassword: user.email, confirmPassword: user.email }),
    ).rejects.toMatchObject({ fields: { newPassword: "New password cannot be your email address." } });
    await expect(
      setPasswordWithLink(link!.token, { newPassword: "short", confirmPassword: "short" }),
    ).rejects.toMatchObject({
      fields: { newPassword: expect.stringMatching(/at least 12 characters/) },
    });
    expect(await describePasswordLink(link!.token)).toMatchObject({ valid: true });
    const madeUp = await describePasswordLink("x".repeat(43));
    await setPasswordWithLink(link!.token, PASSWORD);
    expect(await describePasswordLink(link!.token)).toEqual(madeUp);
  });

  it("REL-8 / SET-4: the owner of an account a stranger keeps locked gets in through the emailed link", async () => {
    const user = await makeAgent();
    for (let i = 0; i < 8; i++) await checkCredentials(user.email, `wrong-${i}`, null);
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    await setPasswordWithLink(link!.token, PASSWORD);
    expect(await checkCredentials(user.email, PASSWORD.newPassword, null)).toMatchObject({ ok: true });
  });

  it("SET-4: the link's URL is at APP_URL, never a request's host", async () => {
    const before = process.env.APP_URL;
    process.env.APP_URL = "https://support.example.com/";
    try {
      expect(passwordLinkUrl("t".repeat(43))).toBe(
        `https://support.example.com/set-password?token=${"t".repeat(43)}`,
      );
    } finally {
      if (before === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = before;
    }
  });
});

describe("SET-4: Forgot password?", () => {
  it("SET-4: the same answer for a known and an unknown email; only the known active user gets a link", async () => {
    const user = await makeAgent();
    const stranger = `${unique("nobody")}@test.example`;
    const known = await requestPasswordReset({ email: user.email.toUpperCase() }, "10.0.0.1");
    const unknown = await requestPasswordReset({ email: stranger }, "10.0.0.1");
    expect(known.message).toBe(RESET_ANSWER);
    expect(unknown.message).toBe(known.message);
    await known.followUp();
    await unknown.followUp();
    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ event: "password_reset", subject: "Reset your Caseflow password" });
    expect(await mailsTo(stranger)).toHaveLength(0);
    await setPasswordWithLink(tokenIn(mail.body), PASSWORD);
    expect(await checkCredentials(user.email, PASSWORD.newPassword, null)).toMatchObject({ ok: true });
  });

  it("REL-8 / SET-4: a new reset request does not kill the link the owner holds; past five live links nothing more is sent", async () => {
    const user = await makeAgent();
    const ask = async (ip: string) => (await requestPasswordReset({ email: user.email }, ip)).followUp();
    for (let i = 0; i < LIVE_RESET_LINKS + 3; i++) await ask(`10.9.${i}.1`); // a stranger, from many addresses
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(LIVE_RESET_LINKS);
    // The first link, the one the owner opened, still works after the stranger's later requests.
    await setPasswordWithLink(tokenIn(mails[0].body), PASSWORD);
    expect(await checkCredentials(user.email, PASSWORD.newPassword, null)).toMatchObject({ ok: true });
    // Using it retired the others; asking again sends a link again.
    await expect(setPasswordWithLink(tokenIn(mails[1].body), PASSWORD)).rejects.toMatchObject({
      field: "token",
    });
    await ask("10.9.200.1");
    expect(await mailsTo(user.email)).toHaveLength(LIVE_RESET_LINKS + 1);
  });

  it("SET-4: a contact without a portal role gets no reset link (an agent's New contact is no sign-in); with one, they do", async () => {
    const { contact } = await makeCustomer();
    const roleless = await makeUser([ROLE.external], { kind: "contact", accountId: contact.accountId });
    for (const u of [roleless, contact]) {
      const r = await requestPasswordReset({ email: u.email }, "10.8.0.1");
      expect(r.message).toBe(RESET_ANSWER);
      await r.followUp();
    }
    expect(await mailsTo(roleless.email)).toHaveLength(0);
    expect(await mailsTo(contact.email)).toHaveLength(1);
  });

  it("SET-4: a reset asked while the user's email changes is not mailed to the old address", async () => {
    const user = await makeAgent();
    let asked: Promise<void> | undefined;
    // The change holds the user's row (as the admin page's save does) while the reset reads the old
    // address; on PostgreSQL the reset then waits for the lock and must read the user again.
    await transaction(async (tx) => {
      await lockRows(tx, "User", [user.id]);
      await tx.user.update({ where: { id: user.id }, data: { email: `${unique("moved")}@test.example` } });
      asked = sendResetLink(user.email);
      await new Promise((r) => setTimeout(r, 300));
    });
    await asked;
    expect(await mailsTo(user.email)).toHaveLength(0);
  });

  it("SET-4: a deactivated user gets no link, and the answer is the same", async () => {
    const user = await makeAgent();
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    const r = await requestPasswordReset({ email: user.email }, null);
    expect(r.message).toBe(RESET_ANSWER);
    await r.followUp();
    expect(await mailsTo(user.email)).toHaveLength(0);
  });

  it("REL-8 / SET-4: throttled per email and per client address, with the same words for every email", async () => {
    const user = await makeAgent();
    const refusals: string[] = [];
    for (let i = 0; i < 5; i++)
      await requestPasswordReset({ email: user.email }, null).catch((e: Error) => refusals.push(e.message));
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals[0]).toMatch(/^Too many reset requests\. Wait \d+ minutes? and try again\.$/);
    // One client spraying many emails is slowed too.
    const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const sprayed: string[] = [];
    for (let i = 0; i < 25; i++)
      await requestPasswordReset({ email: `${unique("spray")}@test.example` }, ip).catch((e: Error) =>
        sprayed.push(e.message),
      );
    expect(sprayed.length).toBeGreaterThanOrEqual(1);
    expect(sprayed[0]).toBe(refusals[0].replace(/\d+ minutes?/, sprayed[0].match(/\d+ minutes?/)![0]));
    // A stranger hammering someone's email from their address does not lock the owner out of the way back in.
    const owner = await makeAgent();
    const stranger = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 6; i++) await requestPasswordReset({ email: owner.email }, stranger).catch(() => {});
    await expect(requestPasswordReset({ email: owner.email }, stranger)).rejects.toThrow(/Too many/);
    const own = await requestPasswordReset({ email: owner.email }, "10.3.0.1");
    expect(own.message).toBe(RESET_ANSWER);
  });

  it("SET-4: a malformed email is a field error, not a 500", async () => {
    await expect(requestPasswordReset({ email: "nope" }, null)).rejects.toMatchObject({ field: "email" });
    await expect(requestPasswordReset({ email: 42 }, null)).rejects.toMatchObject({ field: "email" });
  });
});
