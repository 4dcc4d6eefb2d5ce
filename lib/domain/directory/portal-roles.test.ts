import { describe, expect, it } from "vitest";
import { portalRoleRefusal, portalRolesFor } from "./schemas";

const customer = { name: "Acme", isCustomer: true, isPartner: false };
const partner = { name: "Initech", isCustomer: false, isPartner: true };
const both = { name: "Both Co", isCustomer: true, isPartner: true };

describe("portal roles that fit an account (SET-2, ROLE-3)", () => {
  it("SET-2 / ROLE-3: partner roles need a partner account, customer roles a customer account; the form offers those", () => {
    expect(portalRolesFor(customer)).toEqual(["customer", "customer_admin"]);
    expect(portalRolesFor(partner)).toEqual(["partner", "partner_admin"]);
    expect(portalRolesFor(both)).toEqual(["customer", "customer_admin", "partner", "partner_admin"]);
    expect(portalRoleRefusal(["customer", "partner_admin"], customer)).toBe(
      "The partner_admin role is for contacts of a partner account; Acme is not one.",
    );
    expect(portalRoleRefusal(["customer_admin"], partner)).toBe(
      "The customer_admin role is for contacts of a customer account; Initech is not one.",
    );
    expect(portalRoleRefusal(["customer_admin", "partner_admin"], both)).toBeNull();
    expect(portalRoleRefusal([], customer)).toBeNull();
  });
});
