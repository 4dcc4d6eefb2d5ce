import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { DEMO_PASSWORD } from "@/lib/domain/auth/password";
import { DEMO_USERS } from "./users";

// The banner's "demo password in use" flag (SET-1) is in lib/server/auth/demo-password.ts.

/**
 * Databases seeded before the mark existed: the demo users whose password is still "demo" get it.
 * Checks the (at most ten) demo emails not yet marked, so it costs a few bcrypt comparisons at start.
 */
export async function markDemoPasswords(): Promise<number> {
  const candidates = await db().user.findMany({
    where: {
      email: { in: DEMO_USERS.map((u) => u.email) },
      demoPassword: false,
      passwordHash: { not: null },
    },
    select: { id: true, passwordHash: true },
  });
  let marked = 0;
  for (const u of candidates) {
    if (!(await bcrypt.compare(DEMO_PASSWORD, u.passwordHash!))) continue;
    await db().user.update({ where: { id: u.id }, data: { demoPassword: true } });
    marked++;
  }
  return marked;
}

/** Who signs in with the demo password now (for the start script's list of demo sign-ins). */
export const demoSignIns = () =>
  db().user.findMany({
    where: { demoPassword: true, active: true },
    orderBy: { id: "asc" },
    select: { email: true, name: true },
  });
