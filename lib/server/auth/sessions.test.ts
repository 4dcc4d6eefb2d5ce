// REL-5: sessions end on the server — at sign-out, at a password change (for every other
// session) and when they expire; a cookie naming an ended session is worth nothing.
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { makeAdmin, makeUser } from "@/lib/testing/fixtures";
import { checkCredentials, hashPassword } from "./credentials";
import { loadSessionActor } from "./load-actor";
import { changePassword, storePassword } from "./password";
import { setUserActive } from "../users/access";
import { createSession, createSignInSession, endAllSessions, endSession, sessionsOf } from "./sessions";

const OLD = "old-password-1";
const NEW = "new-password-2";

async function signedInTwice() {
  const actor = await makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(OLD) });
  const a = await createSession(actor.id);
  const b = await createSession(actor.id);
  return { actor, a, b };
}

const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => ({
  currentPassword,
  newPassword,
  confirmPassword,
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("server-side sessions (REL-5)", () => {
  it("REL-5: a new session has an unguessable id and lasts 8 hours; the session loads its user", async () => {
    const { actor, a, b } = await signedInTwice();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    const [row] = (await sessionsOf(actor.id)).filter((s) => s.id === a);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(await loadSessionActor({ userId: actor.id, sid: a })).toMatchObject({ id: actor.id });
  });

  it("REL-5: sign-out deletes the session row, and the same cookie then loads nobody", async () => {
    const { actor, a, b } = await signedInTwice();
    await endSession(a);
    expect((await sessionsOf(actor.id)).map((s) => s.id)).toEqual([b]);
    expect(await loadSessionActor({ userId: actor.id, sid: a })).toBeNull();
    expect(await loadSessionActor({ userId: actor.id, sid: b })).not.toBeNull();
  });

  it("REL-5: a session belongs to its user; an expired or unknown session loads nobody", async () => {
    const { actor, a } = await signedInTwice();
    const other = await makeUser(["sn_customerservice_agent"]);
    expect(await loadSessionActor({ userId: other.id, sid: a })).toBeNull();
    expect(await loadSessionActor({ userId: actor.id, sid: "made-up" })).toBeNull();
    await db().session.update({ where: { id: a }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionActor({ userId: actor.id, sid: a })).toBeNull();
  });

  it("REL-5: a deactivated user's session loads nobody; endAllSessions ends every session (ADM-3)", async () => {
    const { actor, a } = await signedInTwice();
    await db().user.update({ where: { id: actor.id }, data: { active: false } });
    expect(await loadSessionActor({ userId: actor.id, sid: a })).toBeNull();
    expect(await transaction((tx) => endAllSessions(tx, actor.id))).toBe(2);
    expect(await sessionsOf(actor.id)).toEqual([]);
  });
});

describe("change password (REL-5)", () => {
  it("REL-5: changing the password keeps the current session and ends the others", async () => {
    const { actor, a, b } = await signedInTwice();
    expect(await changePassword(actor, a, change(OLD, NEW))).toEqual({ endedSessions: 1 });
    expect((await sessionsOf(actor.id)).map((s) => s.id)).toEqual([a]);
    expect(await loadSessionActor({ userId: actor.id, sid: b })).toBeNull();
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(await bcrypt.compare(NEW, passwordHash!)).toBe(true);
    expect(await bcrypt.compare(OLD, passwordHash!)).toBe(false);
  });

  it("REL-5: a wrong current password is refused on its field and nothing changes", async () => {
    const { actor, a } = await signedInTwice();
    const before = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    const e = await refusal(changePassword(actor, a, change("not-the-password", NEW)));
    expect(e).toMatchObject({ kind: "invalid", field: "currentPassword" });
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash).toBe(
      before.passwordHash,
    );
    expect(await sessionsOf(actor.id)).toHaveLength(2);
  });

  it("REL-5 / SET-4: the new password is at least 12 characters, not the email, confirmed, and differs from the current one", async () => {
    const { actor, a } = await signedInTwice();
    const cases: [ReturnType<typeof change>, string][] = [
      [change(OLD, "short"), "newPassword"],
      [change(OLD, "eleven-char"), "newPassword"],
      [change(OLD, actor.email.toUpperCase()), "newPassword"],
      [change(OLD, "x".repeat(201)), "newPassword"],
      [change(OLD, NEW, "something-else"), "confirmPassword"],
      [change(OLD, "new-password\u0000x"), "newPassword"],
      [change(OLD, OLD), "newPassword"],
      [change("", NEW), "currentPassword"],
    ];
    for (const [input, field] of cases) {
      const e = await refusal(changePassword(actor, a, input));
      expect(e.fields?.[field] ?? (e.field === field ? e.message : undefined), field).toBeTruthy();
    }
    // bcrypt reads 72 bytes: a "new" password equal to the old one in those is the same password.
    const long = "p".repeat(72);
    await db().user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(long) } });
    const e = await refusal(changePassword(actor, a, change(long, `${long}-more`)));
    expect(e.field).toBe("newPassword");
    expect(await sessionsOf(actor.id)).toHaveLength(2);
  });

  it("REL-5: wrong current passwords are throttled like sign-in attempts", async () => {
    const { actor, a } = await signedInTwice();
    for (let i = 0; i < 5; i++) await refusal(changePassword(actor, a, change(`wrong-${i}`, NEW)));
    const e = await refusal(changePassword(actor, a, change(OLD, NEW)));
    expect(e.field).toBe("currentPassword");
    expect(e.message).toMatch(/Too many wrong passwords/);
    expect(await sessionsOf(actor.id)).toHaveLength(2);
  });

  it("ADM-3 / REL-5: a session made while a deactivation commits is dead while the user is inactive and ended by reactivation", async () => {
    const admin = await makeAdmin();
    const actor = await makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(OLD) });
    let made: Promise<string> | undefined;
    // The deactivation ends the sessions there are while a sign-in (its password already checked)
    // makes one: it commits after the deactivation's delete.
    await transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { active: false } });
      await tx.session.deleteMany({ where: { userId: actor.id } });
      made = createSession(actor.id);
      await new Promise((r) => setTimeout(r, 300));
    });
    const sid = await made!;
    expect(await loadSessionActor({ userId: actor.id, sid })).toBeNull();
    await setUserActive(admin, { userId: actor.id, active: true });
    expect(await loadSessionActor({ userId: actor.id, sid })).toBeNull();
    expect(await sessionsOf(actor.id)).toEqual([]);
  });

  it("SET-4 / REL-5: a sign-in whose password was checked just before a reset commits gets no session; one after, with the new password, does", async () => {
    const actor = await makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(OLD) });
    const checked = await checkCredentials(actor.email, OLD, null);
    if (!checked.ok) throw new Error("the old password should check");
    let made: Promise<string | null> | undefined;
    // The reset (a new hash, every session ended) is under way while the sign-in makes its session.
    await transaction(async (tx) => {
      await storePassword(tx, actor.id, await hashPassword(NEW));
      await endAllSessions(tx, actor.id);
      made = createSignInSession(actor.id, checked.passwordHash);
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await made!).toBeNull();
    expect(await sessionsOf(actor.id)).toEqual([]);
    const again = await checkCredentials(actor.email, NEW, null);
    if (!again.ok) throw new Error("the new password should check");
    expect(await createSignInSession(actor.id, again.passwordHash)).toEqual(expect.any(String));
  });

  it.runIf(dialect() === "postgresql")(
    "REL-5: a sign-in does not wait behind a long transaction's plain change of the user (an import)",
    async () => {
      const actor = await makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(OLD) });
      const checked = await checkCredentials(actor.email, OLD, null);
      if (!checked.ok) throw new Error("the password should check");
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let changed!: () => void;
      const held = new Promise<void>((r) => (changed = r));
      const importing = transaction(async (tx) => {
        await tx.user.update({ where: { id: actor.id }, data: { phone: "+1 555 0100" } });
        changed();
        await gate;
      });
      await held;
      try {
        const sid = await Promise.race([
          createSignInSession(actor.id, checked.passwordHash),
          new Promise<"waited">((r) => setTimeout(() => r("waited"), 3_000)),
        ]);
        expect(sid).toEqual(expect.any(String));
      } finally {
        release();
        await importing;
      }
    },
  );
});
