// PERF-4 by hand: first-load JS (gzip) of the agent case page and the portal on a running server.
// Usage: node --import tsx scripts/bench/first-load.mts http://localhost:3000 [CS0000001]
import { firstLoadJs, login } from "./http.mts";

const base = process.argv[2] ?? "http://localhost:3000";
const agent = await login(base, "agent@example.com", "demo");
const list = await (await fetch(`${base}/cases`, { headers: { cookie: agent } })).text();
const number = process.argv[3] ?? /\/cases\/(CS\d{7})/.exec(list)?.[1];
const customer = await login(base, "customer@acme.example", "demo");
for (const [who, cookie, page] of [
  ["agent", agent, `/cases/${number}`],
  ["agent", agent, "/cases"],
  ["customer", customer, "/portal"],
] as const) {
  const js = await firstLoadJs(base, cookie, page);
  console.log(
    `${page.padEnd(20)} ${who.padEnd(8)} ${js.scripts} scripts  ${js.kb.toFixed(1)} KB gzip` +
      `  (+ inline RSC ${js.inlineKb.toFixed(1)} KB; noModule polyfills not counted: ${js.noModuleKb.toFixed(1)} KB)`,
  );
}
