import "server-only";
import { takeTurns, transaction } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { firstAdminSchema } from "@/lib/domain/auth/schemas";
import { conflict, invalid } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation, writeAudit } from "../audit/write";
import { LOCK } from "../locks";
import { endAllSessions } from "./sessions";
import { issuePasswordLink, passwordLinkUrl } from "./password-links";

/** SET-1: whether an active internal administrator exists (then admin:create refuses). */
const activeAdmins = { active: true, kind: "internal", roles: { some: { role: ROLE.admin } } };

/**
 * SET-1: `npm run admin:create -- <email> [name]` — the only way to make the first administrator.
 * Refused while an active administrator exists (they invite the next ones) — except that the command
 * run again for an administrator it made who has not set a password yet gives them a new link (the
 * earlier one stops working), so a lost or expired link never locks a team out. The user is created
 * without a password (or, if an internal user with that email exists, made admin and active), and a
 * setup link (24 h, single use, stored hashed) is answered for the CLI to print. Takes turns with the
 * other changes that count administrators, so two runs at once make one.
 */
export async function createFirstAdmin(raw: { email: string; name?: string }, now = new Date()) {
  const input = parseOrThrow(firstAdminSchema, raw);
  return transaction(async (tx) => {
    await takeTurns(tx, LOCK.lastAdmin);
    const admins = await tx.user.findMany({
      where: activeAdmins,
      select: { email: true, passwordHash: true },
      orderBy: { id: "asc" },
      take: 50,
    });
    const ready = admins.find((a) => a.passwordHash);
    if (ready)
      throw conflict(
        `An active administrator exists (${ready.email}); admin:create only makes the first one. ` +
          "Sign in as an administrator and use Invite on /admin/users instead.",
      );
    // An administrator made here who never used their link (it expired, or the email was lost) gets a
    // new one by running the command again with their email; nobody else is made meanwhile.
    const pending = admins.find((a) => a.email !== input.email);
    if (pending)
      throw conflict(
        `${pending.email} was made the first administrator and has not set a password yet. ` +
          `Run admin:create again with ${pending.email} for a new link.`,
      );
    const found = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, kind: true, active: true, name: true, roles: { select: { role: true } } },
    });
    if (found && found.kind !== "internal")
      throw invalid(
        "email",
        `${input.email} belongs to a ${found.kind}; an administrator is an internal user.`,
      );
    const author = null; // "System": nobody is signed in
    let user: { id: number; name: string };
    if (found) {
      user = found;
      const hadAdmin = found.roles.some((r) => r.role === ROLE.admin);
      if (!hadAdmin) await tx.userRole.create({ data: { userId: found.id, role: ROLE.admin } });
      if (!found.active) {
        // As every reactivation (users/active.ts): no session of before comes back to life; the version moves.
        await tx.user.update({ where: { id: found.id }, data: { active: true, version: { increment: 1 } } });
        await endAllSessions(tx, found.id);
      }
      await writeAudit(
        tx,
        TABLE.user,
        found.id,
        [
          ...(hadAdmin ? [] : [{ field: "roles", oldValue: null, newValue: `${ROLE.admin} (admin:create)` }]),
          ...(found.active ? [] : [{ field: "active", oldValue: "false", newValue: "true" }]),
        ],
        author,
      );
    } else {
      const name = input.name || "Administrator";
      const created = await tx.user.create({
        data: { email: input.email, name, kind: "internal", roles: { create: [{ role: ROLE.admin }] } },
        select: { id: true, name: true, email: true, kind: true, active: true },
      });
      await auditCreation(tx, TABLE.user, { ...created, roles: ROLE.admin }, author);
      user = created;
    }
    const link = await issuePasswordLink(tx, { userId: user.id, purpose: "setup", createdById: null }, now);
    return {
      email: input.email,
      name: user.name,
      url: passwordLinkUrl(link!.token),
      expiresAt: link!.expiresAt,
    };
  });
}
