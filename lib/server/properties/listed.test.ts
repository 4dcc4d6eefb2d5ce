import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LISTED_PROPERTIES, PROPERTY, PROPERTY_CATALOG } from "@/lib/domain/properties/catalog";
import { makeAdmin } from "@/lib/testing/fixtures";
import { listProperties, updateProperty } from "./admin";

const ROOT = path.resolve(__dirname, "../../..");
const CATALOG = path.join(ROOT, "lib/domain/properties/catalog.ts");

/** Every non-test source file of the app (what ships), except the catalog itself. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "testing" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && full !== CATALOG
      ? [full]
      : [];
  });
}

describe("properties the product acts on (ADM-1)", () => {
  it("ADM-1: every listed property is read by some source file outside the catalog", () => {
    const sources = ["app", "components", "lib", "instrumentation.ts"]
      .flatMap((p) => (p.endsWith(".ts") ? [path.join(ROOT, p)] : sourceFiles(path.join(ROOT, p))))
      .map((f) => readFileSync(f, "utf8"));
    const keyOf = (name: string) => Object.entries(PROPERTY).find(([, v]) => v === name)?.[0];
    const unread = LISTED_PROPERTIES.filter((p) => {
      const key = keyOf(p.name);
      return !sources.some((s) => s.includes(p.name) || (key !== undefined && s.includes(`PROPERTY.${key}`)));
    }).map((p) => p.name);
    expect(unread).toEqual([]);
    expect(LISTED_PROPERTIES.length).toBeGreaterThan(0);
  });

  it("ADM-1: an unlisted property is neither shown nor changeable on /admin/properties", async () => {
    const admin = await makeAdmin();
    // Every property of the catalog is acted on today (FSM-4 listed the last one); a name outside
    // the catalog stands in for the next unlisted one.
    const unlisted = [
      ...PROPERTY_CATALOG.filter((p) => !p.listed).map((p) => p.name),
      "csm.not_yet_a_feature",
    ];
    const shown = (await listProperties(admin)).map((p) => p.name);
    expect(shown).toEqual(LISTED_PROPERTIES.map((p) => p.name));
    for (const name of unlisted) {
      expect(shown).not.toContain(name);
      await expect(updateProperty(admin, { name: name, value: "3", version: 0 })).rejects.toMatchObject({
        kind: "invalid",
        field: "name",
        message: expect.stringContaining(name),
      });
      expect(await db().systemProperty.findUnique({ where: { name } })).toBeNull();
    }
  });
});
