import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";

/** The user with their roles, or null when unknown or deactivated. */
export async function loadActor(userId: number): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, kind: true, accountId: true, active: true, roles: { select: { role: true } } },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    kind: user.kind as Actor["kind"],
    accountId: user.accountId,
    roles: user.roles.map((r) => r.role),
  };
}
