// An Actor for the pure rules' tests (lib/domain): no database, just who it is and its roles.
import type { Actor } from "@/lib/domain/auth/roles";

export const actorWith = (roles: readonly string[], kind: Actor["kind"] = "internal"): Actor => ({
  id: 1,
  name: "Test Person",
  email: "test@example.com",
  kind,
  accountId: null,
  roles,
});
