// Which database a URL names, and the per-provider rendering of prisma/schema.prisma.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// fileURLToPath, not URL.pathname: a project path with spaces or "%" arrives percent-encoded in the URL.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SOURCE_SCHEMA = path.join(ROOT, "prisma/schema.prisma");
export const PROVIDERS = ["sqlite", "postgresql"];
export const DEFAULT_DATABASE_URL = "file:./data/caseflow.db";

export function providerOf(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// — got "${url.split(":")[0]}:…"`,
  );
}

/**
 * Path of the SQLite file a file: URL names, resolved against the project root.
 * @param {string} url
 */
export function sqlitePath(url) {
  const p = url.slice("file:".length).split("?")[0];
  return path.isAbsolute(p) ? p : path.join(ROOT, p);
}

/**
 * The schema text for a provider: the source with the provider and the client output swapped.
 * @param {string} provider
 * @param {string} [text]
 */
export function renderSchema(provider, text = readFileSync(SOURCE_SCHEMA, "utf8")) {
  if (provider === "sqlite") return text;
  return text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/postgresql"');
}

/**
 * Writes prisma/postgresql/schema.prisma (generated, not committed) and returns its path.
 * @param {string} provider
 */
export function writeRenderedSchema(provider) {
  if (provider === "sqlite") return SOURCE_SCHEMA;
  const dir = path.join(ROOT, "prisma", provider);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "schema.prisma");
  writeFileSync(
    file,
    `// GENERATED from prisma/schema.prisma by scripts/db — do not edit.\n${renderSchema(provider)}`,
  );
  return file;
}
