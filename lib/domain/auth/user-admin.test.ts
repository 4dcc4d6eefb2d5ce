import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { parseOrThrow } from "../validation";
import { EXTERNAL_ROLES, INTERNAL_ROLES, ROLE } from "./roles";
import {
  assignableRoles,
  checkAssignable,
  checkSelfChange,
  initialRoles,
  newUserSchema,
  requiredRoles,
} from "./user-admin";

const valid = {
  name: "Jane Doe",
  email: " Jane.Doe@Example.COM ",
  kind: "contact",
  accountId: "7",
  role: "customer",
  password: "long-enough-1",
};

describe("roles a user kind may hold (ADM-3)", () => {
  it("ADM-3: internal users hold only internal roles; external users only external ones", () => {
    expect(assignableRoles("internal")).toEqual(INTERNAL_ROLES);
    for (const kind of ["contact", "consumer"] as const)
      for (const role of assignableRoles(kind)) expect(EXTERNAL_ROLES).toContain(role);
    expect(assignableRoles("consumer")).toEqual([ROLE.consumer]);
    expect(assignableRoles("contact")).toEqual([
      ROLE.customer,
      ROLE.customerAdmin,
      ROLE.partner,
      ROLE.partnerAdmin,
    ]);
    for (const role of EXTERNAL_ROLES)
      expect(refusal(() => checkAssignable("internal", role)).field).toBe("role");
    for (const role of INTERNAL_ROLES)
      expect(refusal(() => checkAssignable("contact", role)).field).toBe("role");
    expect(refusal(() => checkAssignable("consumer", ROLE.customer)).message).toBe(
      "The customer role cannot be given to a consumer (allowed: consumer).",
    );
    expect(refusal(() => checkAssignable("internal", "root")).message).toMatch(
      /^Role must be one of: admin,/,
    );
    expect(checkAssignable("contact", ROLE.partnerAdmin)).toBe(ROLE.partnerAdmin);
  });

  it("ADM-3 / SET-2: external users always keep snc_external (added on creation, never removed); a new consumer holds consumer", () => {
    expect(requiredRoles("internal")).toEqual([]);
    expect(initialRoles("contact", ROLE.customer)).toEqual([ROLE.customer, ROLE.external]);
    expect(initialRoles("consumer", undefined)).toEqual([ROLE.consumer, ROLE.external]);
    expect(initialRoles("contact", undefined)).toEqual([ROLE.external]);
    expect(initialRoles("internal", ROLE.agent)).toEqual([ROLE.agent]);
    expect(refusal(() => checkAssignable("contact", ROLE.external, true)).message).toBe(
      "Every external user keeps the snc_external role; it cannot be removed.",
    );
    expect(refusal(() => checkAssignable("contact", ROLE.external)).field).toBe("role");
  });

  it("ADM-3: an admin cannot deactivate themself or remove their own admin role", () => {
    expect(refusal(() => checkSelfChange({ id: 3 }, 3, "deactivate"))).toMatchObject({
      field: "active",
      message: "You cannot deactivate your own user; ask another administrator.",
    });
    expect(refusal(() => checkSelfChange({ id: 3 }, 3, "removeAdmin")).field).toBe("role");
    expect(() => checkSelfChange({ id: 3 }, 4, "deactivate")).not.toThrow();
  });
});

describe("new user input (ADM-3, REL-1)", () => {
  it("ADM-3: the email is trimmed and stored in lower case; a contact names its account", () => {
    expect(parseOrThrow(newUserSchema, valid)).toMatchObject({ email: "jane.doe@example.com", accountId: 7 });
  });

  it("REL-1: each bad value is refused naming its field", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "not-an-email" }, "email"],
      [{ name: "  " }, "name"],
      [{ kind: "robot" }, "kind"],
      [{ accountId: "" }, "accountId"],
      [{ kind: "internal" }, "accountId"],
      [{ password: "short" }, "password"],
      [{ password: "x".repeat(201) }, "password"],
      [{ password: "long-enough\u0000" }, "password"],
    ];
    for (const [patch, field] of cases) {
      const e = refusal(() => parseOrThrow(newUserSchema, { ...valid, ...patch }));
      expect(e.fields?.[field], JSON.stringify(patch)).toBeTruthy();
    }
    expect(refusal(() => parseOrThrow(newUserSchema, { ...valid, password: "short" })).fields?.password).toBe(
      "Initial password must be at least 12 characters (it has 5).",
    );
  });
});
