// REL-8: the router-state check of the guard in front of every route (scripts/server.mjs) is held
// to Next's own parser, so a Next upgrade that changes the schema fails here.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { describe, expect, it } from "vitest";
import { routerStateIsValid } from "./router-state.mjs";

const nextAccepts = (header: string) => {
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
};

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Router states, mostly well formed, with a wrong value at random places. */
function routerState(next: () => number, depth = 0): unknown {
  const pick = <T>(...xs: T[]) => xs[Math.floor(next() * xs.length)];
  const odd = () => pick<unknown>(1, null, true, "x", [], {}, "refetch", ["a", "b"], NaN);
  const wrong = () => next() < 0.08;
  const segment = wrong()
    ? odd()
    : pick<unknown>("", "cases", "__PAGE__", [
        "number",
        "CS1",
        pick("d", "c", "oc", "di(..)", "x"),
        pick(null, ["new"], [1]),
      ]);
  const children: Record<string, unknown> = {};
  if (depth < 4)
    for (let i = 0; i < Math.floor(next() * 3); i++)
      children[pick("children", "modal", "__proto__")] = routerState(next, depth + 1);
  const state: unknown[] = [segment, wrong() ? odd() : children];
  const tail = [
    () => (wrong() ? odd() : pick(null, ["/cases", "/cases"])),
    () => (wrong() ? odd() : pick(null, "refetch", "inside-shared-layout", "metadata-only")),
    () => (wrong() ? odd() : pick(null, 0, 2)),
    () => (wrong() ? odd() : "x"),
    () => 1,
  ];
  for (const make of tail.slice(0, Math.floor(next() * 6))) state.push(make());
  return state;
}

describe("Next-Router-State-Tree headers (REL-8)", () => {
  it("REL-8: the check accepts exactly what Next's parser accepts, over 3,000 generated and handmade headers", () => {
    const next = random(8);
    const headers = [
      "garbage",
      "%7B",
      "%E0%A4%A",
      "[]",
      "null",
      "1",
      '["",{}]',
      '["",{"children":1}]',
      '["",{},null,null,true]',
      encodeURIComponent('["",{"children":["(workspace)",{"children":["cases",{}]}]},null,"refetch"]'),
      encodeURIComponent(`${'["",{"c":'.repeat(900)}["",{}]${"}]".repeat(900)}`),
      encodeURIComponent(JSON.stringify(["", { children: ["a", {}] }, null, null, 0, "x"])).padEnd(
        40_001,
        " ",
      ),
    ];
    for (let i = 0; i < 3000; i++) {
      const json = JSON.stringify(routerState(next));
      headers.push(next() < 0.5 ? encodeURIComponent(json) : json);
    }
    const verdicts = headers.map((h) => [h.slice(0, 120), routerStateIsValid(h), nextAccepts(h)]);
    expect(verdicts.filter(([, ours, theirs]) => ours !== theirs)).toEqual([]);
    // Both kinds are there: the comparison means something.
    expect(verdicts.filter(([, ours]) => ours).length).toBeGreaterThan(300);
    expect(verdicts.filter(([, ours]) => !ours).length).toBeGreaterThan(300);
  });
});
