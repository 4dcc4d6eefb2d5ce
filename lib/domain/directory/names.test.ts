import { describe, expect, it } from "vitest";
import { accountNameKey, serialKeyOf } from "./names";

describe("SET-2: match keys", () => {
  it("SET-2: a serial number's key folds letter case (any script) and the spaces at its ends; blank has none", () => {
    expect(serialKeyOf(" sn-é01 ")).toBe("SN-É01");
    expect(serialKeyOf("   ")).toBeNull();
    expect(serialKeyOf(null)).toBeNull();
  });

  it("SET-2: an account name's key folds case, width and runs of spaces", () => {
    expect(accountNameKey(" ＡCME  Corporation ")).toBe("acme corporation");
  });
});
