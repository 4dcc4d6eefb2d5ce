// `npm run token:create -- <email> [name]`: a new API token for that user, printed once (only its
// hash is stored). For POST /api/inbound/email the user must be an active administrator (PRO-5).
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/auth/api-token";

const [email, name] = process.argv.slice(2);
if (!email) {
  console.error("usage: npm run token:create -- <email> [name]");
  process.exit(2);
}
try {
  const { token, user } = await createApiToken(email, name);
  console.error(`API token for ${user.email} (shown once; store it now):`);
  console.log(token);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
