import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { meetsFloor, SECURITY_FLOORS } from "./versions";

const require = createRequire(import.meta.url);
const installed = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;

describe("security floors (REL-5)", () => {
  it("REL-5: floors compare in semver order, pre-releases included", () => {
    expect(meetsFloor("16.4.6", "16.2.12")).toBe(true);
    expect(meetsFloor("16.2.11", "16.2.12")).toBe(false);
    expect(meetsFloor("5.0.0-beta.31", "5.0.0-beta.32")).toBe(false);
    expect(meetsFloor("5.0.0-beta.100", "5.0.0-beta.32")).toBe(true);
    expect(meetsFloor("5.0.0", "5.0.0-beta.32")).toBe(true);
    expect(meetsFloor("19.2.8", "19.2.8")).toBe(true);
  });

  for (const [pkg, floor] of Object.entries(SECURITY_FLOORS)) {
    it(`REL-5: installed ${pkg} is at or above ${floor}`, () => {
      expect(meetsFloor(installed(pkg), floor), `${pkg} ${installed(pkg)} is below the floor ${floor}`).toBe(
        true,
      );
    });
  }
});
