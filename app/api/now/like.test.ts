// API-1 / REL-1: a LIKE, STARTSWITH or ENDSWITH value in sysparm_query is text — `%`, `_` and `\`
// match themselves on SQLite and PostgreSQL alike (Prisma passes them into LIKE unescaped on both),
// and matching still ignores case, as it did.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/auth/roles";
import { api, records } from "@/lib/testing/api";
import { makeItil, unique } from "@/lib/testing/fixtures";

let itil: Actor;
let tag: string;
const TITLES = ["100% sure", "100 x sure", "a_b", "axb", "a\\b", "50%_off"];

beforeAll(async () => {
  itil = await makeItil();
  tag = unique("LIKE");
  for (const title of TITLES)
    await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: `${tag} ${title}` },
    });
});

/** The test's incidents (their titles without the tag) that the condition matches, in title order. */
async function matching(condition: string): Promise<string[]> {
  const query = `short_descriptionSTARTSWITH${tag}^${condition}^ORDERBYshort_description`;
  const answer = await api("GET", `/api/now/table/incident?sysparm_query=${encodeURIComponent(query)}`, {
    as: itil,
  });
  expect(answer.status, condition).toBe(200);
  return records(answer).map((r) => String(r.short_description).slice(tag.length + 1));
}

describe("Table API text operators take their value as text (API-1, REL-1)", () => {
  it("API-1 / REL-1: % and _ in LIKE, STARTSWITH and ENDSWITH match themselves, never any text", async () => {
    expect(await matching("short_descriptionLIKE100%")).toEqual(["100% sure"]);
    expect(await matching("short_descriptionLIKEa_b")).toEqual(["a_b"]);
    expect(await matching("short_descriptionLIKE%_")).toEqual(["50%_off"]);
    expect(await matching("short_descriptionLIKEa\\b")).toEqual(["a\\b"]);
    expect(await matching(`short_descriptionSTARTSWITH${tag} 100%`)).toEqual(["100% sure"]);
    expect(await matching("short_descriptionENDSWITH_b")).toEqual(["a_b"]);
    expect(await matching("short_descriptionENDSWITH\\")).toEqual([]); // a trailing escape is no error
    expect(await matching("short_descriptionNOT LIKE_")).toEqual(["100 x sure", "100% sure", "a\\b", "axb"]);
  });

  it("API-1: text matching still ignores case on both databases", async () => {
    expect(await matching("short_descriptionLIKE100% SURE")).toEqual(["100% sure"]);
    expect(await matching("short_descriptionENDSWITHA_B")).toEqual(["a_b"]);
  });
});
