// OPS-1: a node behind a reverse proxy or load balancer must be the more patient end of an idle
// connection. The proxy keeps connections to the nodes open for reuse (the README's nginx upstream
// has `keepalive 32`, which it keeps idle for 60 s; AWS's ALB 60 s too), while Node's server closes
// an idle one after 5 s. A request the proxy sends on a connection the node is closing at that
// moment fails: nginx logs "upstream prematurely closed connection" and answers 502 — for a server
// action's POST, which it does not retry on the other node, that is a user's save refused. The
// rate falls as traffic rises, so it shows as a few 502s on a quiet day. So the server keeps an idle
// connection for 65 s (KEEP_ALIVE_TIMEOUT_MS for a balancer that keeps them longer). Only idle
// connections are kept; the drain on SIGTERM closes them at once (drain.mjs, OPS-2). The headers'
// own timeout stays Node's: since Node 18 it runs from a request's first byte, not from the
// connection's idle start, so it need not exceed this one.

export const DEFAULT_KEEP_ALIVE_MS = 65_000;

/**
 * The idle keep-alive time in ms: KEEP_ALIVE_TIMEOUT_MS (a whole number of ms, at least 1,000), or
 * 65 s. Anything else is refused with an error naming the variable, before a worker starts.
 * @param {Record<string, string | undefined>} [env]
 */
export function keepAliveMs(env = process.env) {
  const set = env.KEEP_ALIVE_TIMEOUT_MS?.trim();
  if (!set) return DEFAULT_KEEP_ALIVE_MS;
  const ms = /^\d+$/.test(set) ? Number(set) : NaN;
  if (!(ms >= 1_000 && ms <= 2_147_483_647))
    throw new Error(
      `KEEP_ALIVE_TIMEOUT_MS must be a whole number of milliseconds from 1000 (it is "${set}"); ` +
        "set it above your proxy's or load balancer's idle timeout, or leave it unset for 65000",
    );
  return ms;
}

/**
 * @param {import("node:http").Server} server
 * @param {number} ms
 */
export function applyKeepAlive(server, ms) {
  server.keepAliveTimeout = ms;
  return server;
}
