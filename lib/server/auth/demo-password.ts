import "server-only";
import { cache } from "react";
import { databaseUrl, db } from "@/lib/db";
import { cached, forgetCached } from "../cache";

const DEMO_KEY = () => `demo-password:${databaseUrl()}`;

/**
 * SET-1: whether any active user still has the demo password (the workspace shows a banner while one
 * does; a deactivated demo user signs in nowhere).
 * The demo seed marks its users (User.demoPassword) and setting any password clears the mark, so this
 * is one indexed lookup — kept for 10 s per process (lib/server/cache.ts), as the pickers' lists are:
 * every workspace page asks, and the answer changes a handful of times in an install's life. Storing
 * a password forgets it once the change has committed (forgetDemoPassword), in every worker of the
 * node; other nodes within 10 s.
 */
export const demoPasswordInUse = cache(() =>
  cached(DEMO_KEY(), 10_000, async () =>
    Boolean(await db().user.findFirst({ where: { demoPassword: true, active: true }, select: { id: true } })),
  ),
);

export const forgetDemoPassword = () => forgetCached("demo-password:");
