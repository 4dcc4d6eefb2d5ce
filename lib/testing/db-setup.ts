// Before each test file: point DATABASE_URL at this worker's own database and migrate it.
// Workers never share a database, so numbering tests see consecutive numbers.
import path from "node:path";
import { beforeAll } from "vitest";
import { migrate } from "../../scripts/db/migrate.mjs";
import { postgresAdminUrl, TEST_DATA_DIR, testDatabasePrefix } from "./global-setup";

const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";

if (process.env.TEST_DATABASE === "postgresql") {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${testDatabasePrefix()}_${worker}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `file:${path.join(TEST_DATA_DIR, `worker-${worker}.db`)}`;
}

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
});
