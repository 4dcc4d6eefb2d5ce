// Who the portal serves (POR-1): an external user with a portal role. Every portal action checks
// this first (ROLE-2); every read then goes through the external scope (lib/server/scope/cases.ts,
// its SQL in lib/server/tables/case-scope.ts).
import { isExternal, type Actor } from "../auth/roles";
import { externalScope } from "../scope/external";

export const isPortalUser = (actor: Actor) => isExternal(actor) && externalScope(actor).length > 0;
