import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { compareVersions, SECURITY_FLOORS } from "./versions";

const require = createRequire(import.meta.url);
const installed = (pkg: string) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version as string;

describe("security floors (REL-5)", () => {
  it("compares versions the way semver does", () => {
    expect(compareVersions("16.4.6", "16.2.12")).toBe(1);
    expect(compareVersions("16.2.11", "16.2.12")).toBe(-1);
    expect(compareVersions("5.0.0-beta.31", "5.0.0-beta.32")).toBe(-1);
    expect(compareVersions("5.0.0-beta.100", "5.0.0-beta.32")).toBe(1);
    expect(compareVersions("5.0.0", "5.0.0-beta.32")).toBe(1);
    expect(compareVersions("19.2.8", "19.2.8")).toBe(0);
  });

  for (const [pkg, floor] of Object.entries(SECURITY_FLOORS)) {
    it(`REL-5: installed ${pkg} is at or above ${floor}`, () => {
      expect(compareVersions(installed(pkg), floor), `${pkg} ${installed(pkg)} is below the floor ${floor}`).toBeGreaterThanOrEqual(0);
    });
  }
});
