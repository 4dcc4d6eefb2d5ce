import { describe, expect, it } from "vitest";
import { MAX_OFFSET } from "@/lib/domain/api/params";
import { pageLinks } from "./paths";

const rels = (links: string | null) =>
  Object.fromEntries(
    (links ?? "").split(",").map((l) => {
      const [, url, rel] = /^<(.+)>;rel="(\w+)"$/.exec(l)!;
      return [rel, Number(new URL(url).searchParams.get("sysparm_offset"))];
    }),
  );

describe("Table API paging links (API-1)", () => {
  it("API-1: first, prev, next and last move sysparm_offset", () => {
    const links = pageLinks(
      "http://x.example/api/now/table/incident",
      new URLSearchParams("sysparm_limit=10"),
      {
        total: 35,
        limit: 10,
        offset: 10,
      },
    );
    expect(rels(links)).toEqual({ first: 0, prev: 0, next: 20, last: 30 });
  });

  it("API-1: no link leads past the largest offset a request may give (it repeated the last page for ever)", () => {
    const page = { total: 50_000_000, limit: 10_000, offset: MAX_OFFSET };
    const links = rels(
      pageLinks("http://x.example/api/now/table/sys_journal_field", new URLSearchParams(), page),
    );
    expect(links.next).toBeUndefined();
    expect(links.last).toBeLessThanOrEqual(MAX_OFFSET);
    expect(links.prev).toBe(MAX_OFFSET - 10_000);
  });
});
