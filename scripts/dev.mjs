// `npm run dev`: the migrations, then `next dev` with the session secret `npm start` uses (made once
// in data/auth-secret when AUTH_SECRET is not set): without one, no one could sign in.
import { next, withBuildIdentity } from "./build-identity.mjs";
import { migrate } from "./db/migrate.mjs";
import { DEFAULT_DATABASE_URL } from "./db/providers.mjs";

const env = withBuildIdentity({
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
});
process.env.DATABASE_URL = env.DATABASE_URL;
await migrate(env.DATABASE_URL);
const child = next(["dev", ...process.argv.slice(2)], env);
for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
