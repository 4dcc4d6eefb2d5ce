// Generates one Prisma client per provider (lib/generated/sqlite, lib/generated/postgresql).
// The CLI must see a DATABASE_URL of the same provider, or it falls back to downloading a
// native query engine; no connection is opened.
import { execFileSync } from "node:child_process";
import { PROVIDERS, ROOT, writeRenderedSchema } from "./providers.mjs";

/** @type {Record<string, string>} provider → a URL of its kind */
const SAMPLE_URL = { sqlite: "file::memory:", postgresql: "postgresql://localhost:5432/caseflow" };

for (const provider of PROVIDERS) {
  const schema = writeRenderedSchema(provider);
  execFileSync("npx", ["prisma", "generate", "--schema", schema], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: SAMPLE_URL[provider] },
  });
  console.log(`prisma client generated for ${provider}`);
}
