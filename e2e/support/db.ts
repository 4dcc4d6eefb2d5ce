// Fixtures seeded through Prisma into the e2e database (the server's), as formbricks does:
// users with exactly the roles a test needs.
import path from "node:path";
import bcrypt from "bcryptjs";

process.env.DATABASE_URL = `file:${path.resolve(import.meta.dirname, "../../data/e2e/caseflow.db")}`;
const { db } = await import("../../lib/db");

let seq = 0;
export async function makeUser(
  roles: string[],
  name = "E2E User",
  kind: "internal" | "consumer" = "internal",
): Promise<{ email: string; password: string; name: string }> {
  const email = `e2e-${Date.now().toString(36)}-${seq++}@test.example`;
  const password = "e2e-pass";
  await db().user.create({
    data: {
      email,
      name,
      kind,
      passwordHash: await bcrypt.hash(password, 4),
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return { email, password, name };
}

/**
 * Accounts with names unique to this call, made in this order: `Outage Co <stamp> 0`, `… 1`… for a
 * count (they list by name in that order), or `Outage Co <stamp> <word>` for each word given.
 */
export async function makeAccounts(countOrWords: number | string[]): Promise<string[]> {
  const stamp = `${Date.now().toString(36)}${seq++}`;
  const words =
    typeof countOrWords === "number"
      ? Array.from({ length: countOrWords }, (_, i) => String(i))
      : countOrWords;
  const names: string[] = [];
  for (const [i, word] of words.entries()) {
    const name = `Outage Co ${stamp} ${word}`;
    await db().account.create({ data: { number: `ACCE2E${stamp}${i}`, name, nameKey: name.toLowerCase() } });
    names.push(name);
  }
  return names;
}

export { db };
