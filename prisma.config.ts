import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI (generate, migrate diff) runs on the bundled wasm engine through a driver adapter,
// so nothing is downloaded. Migrations are applied by scripts/db/migrate.mjs, not by the CLI.
const url = process.env.DATABASE_URL ?? "file:./data/caseflow.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    if (url.startsWith("postgres")) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const u = new URL(url);
      return new PrismaPg({
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        database: u.pathname.slice(1),
      });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
