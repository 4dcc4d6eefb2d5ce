// Which items the case's Additional actions menu offers (INC-2, ROLE-1, ITSM-1, ITSM-5, MAJ-3).
// The server checks the same rule before acting, so a hidden item is never the only guard.
import { canLinkIncidents, canLinkItsm, canWriteCases, isMajorIssueManager, type Actor } from "../auth/roles";
import { proposalRefusal } from "../major/proposal";
import { PLUGIN, type ActivePlugins } from "../plugins/catalog";
import { MajorCaseState, OPEN_CASE_STATES } from "../records/choices";
import { isCaseClosedForChanges } from "./lifecycle";

export const MENU_ITEM = {
  createIncident: "Create Incident",
  associateIncident: "Associate Incident",
  removeIncident: "Remove Incident",
  createProblem: "Create Problem",
  createRequest: "Create Request",
  createNormalChange: "Create Normal Change",
  createStandardChange: "Create Standard Change",
  createWorkOrder: "Create Work Order",
  proposeMajorCase: "Propose Major Case",
} as const;
export type MenuItem = (typeof MENU_ITEM)[keyof typeof MENU_ITEM];

export type MenuCase = {
  state: number;
  incidentId: number | null;
  problemId?: number | null;
  changeId?: number | null;
  /** Set when the case is a child of a major case (MAJ-3). */
  parentId: number | null;
  majorCaseState?: string;
};

type Item = {
  item: MenuItem;
  plugin: string | null;
  allowed: (a: Actor, c: MenuCase) => boolean;
  offered: (c: MenuCase) => boolean;
  taken: string;
};

/** ROLE-1, MAJ-2: incident items need sn_incident_write — or, on a major case, a major issue manager with itil. */
export const linksIncidents = (a: Actor, c: Pick<MenuCase, "majorCaseState">) =>
  canLinkIncidents(a) || (c.majorCaseState === MajorCaseState.Accepted && isMajorIssueManager(a));

const ITEMS: Item[] = [
  {
    item: MENU_ITEM.createIncident,
    plugin: PLUGIN.serviceManagement,
    allowed: linksIncidents,
    offered: (c) => c.incidentId === null,
    taken: "incident",
  },
  {
    item: MENU_ITEM.associateIncident,
    plugin: PLUGIN.serviceManagement,
    allowed: linksIncidents,
    offered: (c) => c.incidentId === null,
    taken: "incident",
  },
  {
    item: MENU_ITEM.removeIncident,
    plugin: PLUGIN.serviceManagement,
    allowed: linksIncidents,
    offered: (c) => c.incidentId !== null,
    taken: "",
  },
  {
    item: MENU_ITEM.createProblem,
    plugin: PLUGIN.serviceManagement,
    allowed: canLinkItsm,
    offered: (c) => !c.problemId,
    taken: "problem",
  },
  {
    item: MENU_ITEM.createRequest,
    plugin: PLUGIN.requestManagement,
    allowed: canLinkItsm,
    offered: () => true,
    taken: "",
  },
  {
    item: MENU_ITEM.createNormalChange,
    plugin: PLUGIN.serviceManagement,
    allowed: canLinkItsm,
    offered: (c) => !c.changeId,
    taken: "change request",
  },
  {
    item: MENU_ITEM.createStandardChange,
    plugin: PLUGIN.serviceManagement,
    allowed: canLinkItsm,
    offered: (c) => !c.changeId,
    taken: "change request",
  },
  {
    // FSM-1: several work orders per case; a double click makes one (the click's request key).
    item: MENU_ITEM.createWorkOrder,
    plugin: PLUGIN.fieldService,
    allowed: canWriteCases,
    offered: () => true,
    taken: "",
  },
  {
    item: MENU_ITEM.proposeMajorCase,
    plugin: null,
    allowed: canWriteCases,
    offered: (c) => proposalRefusal({ majorCaseState: "", ...c }) === null,
    taken: "",
  },
];

export function caseMenu(actor: Actor, c: MenuCase, plugins: ActivePlugins): MenuItem[] {
  // Related records are made and linked while a case is being worked, not once it is resolved.
  if (!OPEN_CASE_STATES.includes(c.state) || c.parentId !== null) return [];
  return ITEMS.filter(
    (i) => (i.plugin === null || plugins.has(i.plugin)) && i.allowed(actor, c) && i.offered(c),
  ).map((i) => i.item);
}

/** Why an item is not available now, for the server's refusal (null when it is). */
export function menuRefusal(
  actor: Actor,
  c: MenuCase,
  plugins: ActivePlugins,
  item: MenuItem,
  existing?: string | null,
): string | null {
  if (caseMenu(actor, c, plugins).includes(item)) return null;
  const def = ITEMS.find((i) => i.item === item)!;
  if (def.plugin !== null && !plugins.has(def.plugin)) return `The integration ${def.plugin} is not active.`;
  if (!def.allowed(actor, c)) {
    return def.allowed === linksIncidents
      ? "You need the sn_incident_write role to create, associate or remove incidents."
      : def.allowed === canLinkItsm
        ? "You need the sn_incident_write or itil role to create problems, changes and requests from a case."
        : "Only customer service agents and managers can do that.";
  }
  if (isCaseClosedForChanges(c.state)) return "This case is closed and cannot be changed.";
  if (!OPEN_CASE_STATES.includes(c.state)) return "This case is Resolved: reopen it first.";
  if (c.parentId !== null)
    return "This is a child of a major case: related records are managed on the major case.";
  if (item === MENU_ITEM.proposeMajorCase) return proposalRefusal({ majorCaseState: "", ...c });
  if (item === MENU_ITEM.removeIncident) return "This case has no incident to remove.";
  const article = def.taken === "incident" ? "an" : "a";
  const which = existing ? ` (${existing})` : "";
  return `This case already has ${article} ${def.taken}${which}.`;
}
