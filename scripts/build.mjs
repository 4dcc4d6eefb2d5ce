// `npm run build`: `next build` with the id and server actions key `npm start` gives it
// (scripts/build-identity.mjs), so `npm start` serves this build rather than making another.
import { next, recordBuildKey, withBuildIdentity } from "./build-identity.mjs";

const env = withBuildIdentity({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
});
next(["build", ...process.argv.slice(2)], env).on("exit", (code) => {
  if (code === 0) recordBuildKey(env);
  process.exit(code ?? 1);
});
