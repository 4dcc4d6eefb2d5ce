// Switchable integrations (ITSM-5, FSM-1). An inactive plugin's menu items, fields and sync disappear.
export const PLUGIN = {
  serviceManagement: "com.sn_cs_sm",
  requestManagement: "com.sn_cs_sm_request",
  fieldService: "com.snc.csm_fsm_integration",
} as const;
export type PluginId = (typeof PLUGIN)[keyof typeof PLUGIN];

export const PLUGIN_CATALOG: readonly { id: PluginId; name: string; description: string }[] = [
  {
    id: PLUGIN.serviceManagement,
    name: "Customer Service with Service Management",
    description:
      "Incidents, problems and changes linked to cases: Create and Associate items, " +
      "the Related Records fields and their sync to case work notes.",
  },
  {
    id: PLUGIN.requestManagement,
    name: "Customer Service with Request Management",
    description:
      "Requests created from cases, the Requests related list and request sync to case work notes.",
  },
  {
    id: PLUGIN.fieldService,
    name: "Customer Service with Field Service Management",
    description: "Work orders created from cases, their field map and the portal Work Orders list.",
  },
];

export type ActivePlugins = ReadonlySet<string>;

/** The plugin whose sync a related table belongs to (ITSM-5: an inactive plugin's sync disappears). */
export function syncPlugin(table: string): PluginId {
  if (table === "sc_request") return PLUGIN.requestManagement;
  return table === "wm_order" ? PLUGIN.fieldService : PLUGIN.serviceManagement;
}
