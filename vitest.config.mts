import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests (lib/domain) need no database. Service tests (lib/server, app actions) run against
// a real database: one SQLite file per worker, or PostgreSQL with TEST_DATABASE=postgresql.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^server-only$/,
        replacement: path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
      },
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["lib/testing/db-setup.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one fork fewer than the cores — one on the 2-core CI machine, where the
    // service tests mostly wait on the database. Two forks (each with its own database) finish the
    // suites sooner; VITEST_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_WORKERS ?? 2),
    // next-auth imports "next/server" without its extension, which Node's ESM loader refuses; run
    // through Vite it resolves (app/api/auth/[...nextauth]/route.test.ts drives the real route).
    server: { deps: { inline: ["next-auth"] } },
  },
});
