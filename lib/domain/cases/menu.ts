// Which items the case's Additional actions menu offers (INC-2, ROLE-1, ITSM-5, MAJ-3).
// The server checks the same rule before acting, so a hidden item is never the only guard.
import { canLinkIncidents, type Actor } from "../auth/roles";
import { PLUGIN, type ActivePlugins } from "../plugins/catalog";
import { isCaseClosedForChanges } from "./lifecycle";

export const MENU_ITEM = {
  createIncident: "Create Incident",
  associateIncident: "Associate Incident",
  removeIncident: "Remove Incident",
} as const;
export type MenuItem = (typeof MENU_ITEM)[keyof typeof MENU_ITEM];

export type MenuCase = {
  state: number;
  incidentId: number | null;
  /** Set when the case is a child of a major case (MAJ-3). */
  parentId: number | null;
};

export function caseMenu(actor: Actor, c: MenuCase, plugins: ActivePlugins): MenuItem[] {
  if (isCaseClosedForChanges(c.state)) return [];
  const items: MenuItem[] = [];
  const itsm = plugins.has(PLUGIN.serviceManagement);
  const child = c.parentId !== null;
  if (itsm && canLinkIncidents(actor)) {
    if (c.incidentId === null && !child) items.push(MENU_ITEM.createIncident, MENU_ITEM.associateIncident);
    if (c.incidentId !== null && !child) items.push(MENU_ITEM.removeIncident);
  }
  return items;
}

/** Why an item is not available now, for the server's refusal (null when it is). */
export function menuRefusal(actor: Actor, c: MenuCase, plugins: ActivePlugins, item: MenuItem, incidentNumber?: string | null): string | null {
  if (caseMenu(actor, c, plugins).includes(item)) return null;
  if (!plugins.has(PLUGIN.serviceManagement)) return "The Service Management integration (com.sn_cs_sm) is not active.";
  if (!canLinkIncidents(actor)) return "You need the sn_incident_write role to create, associate or remove incidents.";
  if (isCaseClosedForChanges(c.state)) return "This case is closed and cannot be changed.";
  if (c.parentId !== null) return "This is a child of a major case: related records are managed on the major case.";
  if (item === MENU_ITEM.removeIncident) return "This case has no incident to remove.";
  return `This case already has an incident${incidentNumber ? ` (${incidentNumber})` : ""}.`;
}
