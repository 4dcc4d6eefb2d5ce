// `npm run admin:create -- <email> [name]` (SET-1): makes the first administrator of a database that
// has no active one and prints their one-time link to /set-password (24 hours, single use). Exit status
// 1 when refused: an active administrator exists, or the email is not one Caseflow accepts.
import { databaseUrl, db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { createFirstAdmin } from "@/lib/server/auth/first-admin";
import { migrate } from "../db/migrate.mjs";

const [email, ...nameWords] = process.argv.slice(2);
if (!email) {
  console.error("usage: npm run admin:create -- <email> [name]");
  process.exit(2);
}
try {
  await migrate(databaseUrl()); // a database nothing has started on yet gets its tables first
  const admin = await createFirstAdmin({ email, name: nameWords.join(" ") });
  console.log(`Administrator ${admin.name} <${admin.email}> is ready.`);
  console.log(`Open this link to set the password (it works once, until ${admin.expiresAt.toISOString()}):`);
  console.log(admin.url);
  if (!process.env.APP_URL)
    console.log("(APP_URL is not set, so the link names localhost; set APP_URL to the address people use.)");
} catch (e) {
  console.error(e instanceof DomainError ? `Refused: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
