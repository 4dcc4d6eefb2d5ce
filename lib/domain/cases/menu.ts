// Which items the case's Additional actions menu offers (INC-2, ROLE-1, ITSM-1, ITSM-5, MAJ-3).
// The server checks the same rule before acting, so a hidden item is never the only guard.
import { canLinkIncidents, canLinkItsm, type Actor } from "../auth/roles";
import { PLUGIN, type ActivePlugins } from "../plugins/catalog";
import { isCaseClosedForChanges } from "./lifecycle";

export const MENU_ITEM = {
  createIncident: "Create Incident",
  associateIncident: "Associate Incident",
  removeIncident: "Remove Incident",
  createProblem: "Create Problem",
  createRequest: "Create Request",
  createNormalChange: "Create Normal Change",
  createStandardChange: "Create Standard Change",
} as const;
export type MenuItem = (typeof MENU_ITEM)[keyof typeof MENU_ITEM];

export type MenuCase = {
  state: number;
  incidentId: number | null;
  problemId?: number | null;
  changeId?: number | null;
  /** Set when the case is a child of a major case (MAJ-3). */
  parentId: number | null;
};

type Item = { item: MenuItem; plugin: string; allowed: (a: Actor) => boolean; offered: (c: MenuCase) => boolean; taken: string };

const ITEMS: Item[] = [
  { item: MENU_ITEM.createIncident, plugin: PLUGIN.serviceManagement, allowed: canLinkIncidents, offered: (c) => c.incidentId === null, taken: "incident" },
  { item: MENU_ITEM.associateIncident, plugin: PLUGIN.serviceManagement, allowed: canLinkIncidents, offered: (c) => c.incidentId === null, taken: "incident" },
  { item: MENU_ITEM.removeIncident, plugin: PLUGIN.serviceManagement, allowed: canLinkIncidents, offered: (c) => c.incidentId !== null, taken: "" },
  { item: MENU_ITEM.createProblem, plugin: PLUGIN.serviceManagement, allowed: canLinkItsm, offered: (c) => !c.problemId, taken: "problem" },
  { item: MENU_ITEM.createRequest, plugin: PLUGIN.requestManagement, allowed: canLinkItsm, offered: () => true, taken: "" },
  { item: MENU_ITEM.createNormalChange, plugin: PLUGIN.serviceManagement, allowed: canLinkItsm, offered: (c) => !c.changeId, taken: "change request" },
  { item: MENU_ITEM.createStandardChange, plugin: PLUGIN.serviceManagement, allowed: canLinkItsm, offered: (c) => !c.changeId, taken: "change request" },
];

export function caseMenu(actor: Actor, c: MenuCase, plugins: ActivePlugins): MenuItem[] {
  if (isCaseClosedForChanges(c.state) || c.parentId !== null) return [];
  return ITEMS.filter((i) => plugins.has(i.plugin) && i.allowed(actor) && i.offered(c)).map((i) => i.item);
}

/** Why an item is not available now, for the server's refusal (null when it is). */
export function menuRefusal(actor: Actor, c: MenuCase, plugins: ActivePlugins, item: MenuItem, existing?: string | null): string | null {
  if (caseMenu(actor, c, plugins).includes(item)) return null;
  const def = ITEMS.find((i) => i.item === item)!;
  if (!plugins.has(def.plugin)) return `The integration ${def.plugin} is not active.`;
  if (!def.allowed(actor)) {
    return def.allowed === canLinkIncidents
      ? "You need the sn_incident_write role to create, associate or remove incidents."
      : "You need the sn_incident_write or itil role to create problems, changes and requests from a case.";
  }
  if (isCaseClosedForChanges(c.state)) return "This case is closed and cannot be changed.";
  if (c.parentId !== null) return "This is a child of a major case: related records are managed on the major case.";
  if (item === MENU_ITEM.removeIncident) return "This case has no incident to remove.";
  return `This case already has ${def.taken === "incident" ? "an" : "a"} ${def.taken}${existing ? ` (${existing})` : ""}.`;
}
