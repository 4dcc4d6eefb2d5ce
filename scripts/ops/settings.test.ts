import { describe, expect, it } from "vitest";
import { settingProblems } from "./settings.mjs";

describe("settings checked at start (OPS-1)", () => {
  it("OPS-1: a TRUST_PROXY, APP_URL or MAIL_FROM that would quietly turn a feature off stops the start, naming it", () => {
    expect(settingProblems({})).toEqual([]);
    expect(
      settingProblems({
        TRUST_PROXY: "1",
        APP_URL: "https://support.example.com/",
        MAIL_FROM: "S <s@x.test>",
      }),
    ).toEqual([]);
    expect(settingProblems({ TRUST_PROXY: "0" })).toEqual([]);
    expect(settingProblems({ TRUST_PROXY: "true" })).toEqual([
      'TRUST_PROXY must be 1 (behind a reverse proxy) or 0 (it is "true").',
    ]);
    for (const url of ["support.example.com", "ftp://x.test", "https://"])
      expect(settingProblems({ APP_URL: url })[0]).toMatch(/^APP_URL must be the address people use/);
    expect(settingProblems({ MAIL_FROM: " " })[0]).toMatch(/^MAIL_FROM is empty/);
  });
});
