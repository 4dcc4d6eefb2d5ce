import { describe, expect, it } from "vitest";
import { EXTERNAL_ROLES, hasRole, INTERNAL_ROLES, rolesGranting, type Actor } from "./roles";

const internal = (roles: string[]): Actor => ({
  id: 1,
  name: "x",
  email: "x@x",
  kind: "internal",
  accountId: null,
  roles,
});

describe("stored roles that grant a role (MAJ-1)", () => {
  it("MAJ-1: a single stored role gives an internal user a role exactly when rolesGranting lists it", () => {
    for (const role of [...INTERNAL_ROLES, ...EXTERNAL_ROLES]) {
      for (const stored of [...INTERNAL_ROLES, ...EXTERNAL_ROLES]) {
        expect(hasRole(internal([stored]), role), `${stored} → ${role}`).toBe(
          rolesGranting(role).includes(stored),
        );
      }
    }
  });
});
