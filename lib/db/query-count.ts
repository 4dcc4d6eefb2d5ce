// PERF-1: how many statements a request sends to the database. The production server
// (scripts/server.mjs) installs a counter on globalThis when CASEFLOW_QUERY_LOG names a file, runs
// each request in its own async context and writes "METHOD path count" there when the response
// ends; the e2e query-count test reads it. Without the variable nothing is installed and the
// adapter is used as it is (no wrapper, no cost).
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** The hook scripts/server.mjs installs: counts one statement for the current request, if any. */
const HOOK = Symbol.for("caseflow.countQuery");
type Hook = (sql: string) => void;
const hook = () => (globalThis as unknown as Record<symbol, Hook | undefined>)[HOOK];

function counted<T extends SqlDriverAdapter | Transaction>(target: T, count: Hook): T {
  return new Proxy(target, {
    get(t, name, receiver) {
      const value: unknown = Reflect.get(t, name, receiver);
      if (typeof value !== "function") return value;
      if (name === "queryRaw" || name === "executeRaw")
        return (q: SqlQuery) => {
          count(q.sql);
          return (value as (q: SqlQuery) => Promise<unknown>).call(t, q);
        };
      if (name === "startTransaction")
        return async (...a: unknown[]) =>
          counted<Transaction>(await (value as (...a: unknown[]) => Promise<Transaction>).apply(t, a), count);
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
}

/** Counts one statement sent outside Prisma (lib/db/read.ts), when the server counts them. */
export function countStatement(sql: string): void {
  hook()?.(sql);
}

/** `factory` as is, or — when the server counts queries — one whose connections count each statement. */
export function withQueryCount(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const count = hook();
  if (!count) return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => counted(await factory.connect(), count),
  };
}
