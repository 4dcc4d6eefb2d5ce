import "server-only";
import bcrypt from "bcryptjs";
import { cache } from "react";
import { databaseUrl, db } from "@/lib/db";
import { cached, forgetCached } from "../cache";
import { DEMO_PASSWORD } from "@/lib/domain/auth/password";
import { DEMO_USERS } from "./users";

const DEMO_KEY = () => `demo-password:${databaseUrl()}`;

/**
 * SET-1: whether any active user still has the demo password (the workspace shows a banner while one
 * does; a deactivated demo user signs in nowhere).
 * The demo seed marks its users (User.demoPassword) and setting any password clears the mark, so this
 * is one indexed lookup — kept for 10 s per process (lib/server/cache.ts), as the pickers' lists are:
 * every workspace page asks, and the answer changes a handful of times in an install's life. The
 * process that stores a password forgets it at once (forgetDemoPassword); others within 10 s.
 */
export const demoPasswordInUse = cache(() =>
  cached(DEMO_KEY(), 10_000, async () =>
    Boolean(await db().user.findFirst({ where: { demoPassword: true, active: true }, select: { id: true } })),
  ),
);

export const forgetDemoPassword = () => forgetCached("demo-password:");

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
