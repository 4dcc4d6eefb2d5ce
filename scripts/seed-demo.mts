// Run by `npm start` (and `npm run db:seed`) before serving: loads the SPEC §15 demo data into an empty
// database — never when NODE_ENV=production (SET-1) — marks demo passwords and repairs accounts' match
// keys of older databases, and says who can sign in: the demo sign-ins while users still have the demo
// password, or how to make the first administrator when there is none.
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { isEmpty, seedDemo } from "@/lib/server/seed/demo";
import { demoSignIns, markDemoPasswords } from "@/lib/server/seed/demo-passwords";
import { repairAccountNameKeys, repairAssetSerialKeys } from "@/lib/server/directory/name-keys";

const production = process.env.NODE_ENV === "production";
if (production) console.log("demo data: not loaded (NODE_ENV=production)");
else if (await isEmpty()) {
  await seedDemo();
  console.log("demo data loaded");
} else console.log("database already has data; demo data not loaded");

await markDemoPasswords();
const keys = await repairAccountNameKeys();
if (keys.clashes.length)
  console.warn(
    `These accounts share a name with another account; rename them on /admin/accounts: ${keys.clashes.join(", ")}`,
  );
const serials = await repairAssetSerialKeys();
if (serials.clashes.length)
  console.warn(
    "These assets repeat a serial number another asset of their account has; correct them on " +
      `/admin/accounts: ${serials.clashes.join(", ")}`,
  );
const demo = await demoSignIns();
const admins = await db().user.findMany({
  where: { active: true, kind: "internal", roles: { some: { role: ROLE.admin } } },
  select: { email: true, passwordHash: true },
  take: 20,
});
if (demo.length) {
  const width = Math.max(...demo.map((u) => u.email.length));
  console.log(`\nDemo sign-ins (password "demo" — change them before real use):`);
  for (const u of demo) console.log(`  ${u.email.padEnd(width)}  ${u.name}`);
}
const pending = admins.length > 0 && admins.every((a) => !a.passwordHash) ? admins[0].email : null;
if (pending)
  console.log(
    `\nThe first administrator (${pending}) has not set a password yet: open the link admin:create printed,\n` +
      `or run it again for a new one: npm run admin:create -- ${pending}`,
  );
if (!admins.length)
  console.log(
    "\nNo active administrator yet. Make the first one with the same DATABASE_URL:\n" +
      "  npm run admin:create -- you@example.com\n" +
      "and open the link it prints.",
  );
await db().$disconnect();
