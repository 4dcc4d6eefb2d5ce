// Every system property of SPEC, with its type, default and what it does (ADM-1). ADM-1: a property
// the product does not act on yet is not listed on /admin/properties; it stays in the catalog,
// unlisted, until the feature that reads it lands — that feature sets `listed: true` (a test fails
// when a listed property is read by no source file: lib/server/properties/listed.test.ts).
export type PropertyType = "boolean" | "integer" | "string" | "list";

export type PropertyDef = {
  name: string;
  type: PropertyType;
  defaultValue: string;
  description: string;
  /** For lists: the values an item may take. */
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** Shown and editable on /admin/properties: true once some code acts on the property. */
  listed: boolean;
};

export const CASE_SYNC_FIELDS = [
  "priority",
  "state",
  "comments",
  "work_notes",
  "close_notes",
  "resolution_code",
  "short_description",
  "description",
  "impact",
  "urgency",
  "assigned_to",
] as const;

export const PROPERTY = {
  incidentDataLookup: "com.sn_cs_sm.incident_data_lookup",
  caseFieldsToSync: "sn_customerservice.case_fields_to_sync",
  majorCaseThreshold: "major_case_affected_account_threshold",
  commentsSync: "proactive_workflows_for_providers.additional_comments_sync",
  syncCaseToWorkOrder: "csm_fsm.sync_case_to_work_order",
  autoCloseDays: "sn_customerservice.case_auto_close_days",
  attachmentMaxMb: "com.glide.attachment.max_size",
  inboundSupportAddress: "sn_customerservice.inbound_support_address",
} as const;

export const PROPERTY_CATALOG: readonly PropertyDef[] = [
  {
    name: PROPERTY.incidentDataLookup,
    type: "boolean",
    defaultValue: "true",
    listed: true,
    description:
      "When true, an incident created from a case takes the case priority, and its impact and urgency " +
      "come from the first Priority Data Lookup row with that priority. " +
      "When false: priority 5 - Planning, impact 3 - Low, urgency 3 - Low (INC-5).",
  },
  {
    name: PROPERTY.caseFieldsToSync,
    type: "list",
    defaultValue: "priority,state,comments,work_notes,close_notes,resolution_code",
    choices: CASE_SYNC_FIELDS,
    listed: true,
    description:
      "Fields copied from a major case to its child cases when they change (MAJ-5). " +
      "work_notes also copies related-record updates written on the major case (MAJ-4). " +
      "Listing state requires close_notes and resolution_code.",
  },
  {
    name: PROPERTY.majorCaseThreshold,
    type: "integer",
    defaultValue: "5",
    min: 1,
    max: 1_000_000,
    listed: true,
    description:
      "Create Proactive Cases: when an incident has at least this many affected accounts, " +
      "one major case with a child case per account is created; below it, one case per account (PRO-1).",
  },
  {
    name: PROPERTY.commentsSync,
    type: "boolean",
    defaultValue: "false",
    listed: true,
    description:
      "When true, a customer's reply (portal or email) on a case linked to an incident — a proactive " +
      "case or any other — is copied to the incident's additional comments (PRO-4).",
  },
  {
    name: PROPERTY.syncCaseToWorkOrder,
    type: "boolean",
    defaultValue: "false",
    listed: true,
    description:
      "When true, later changes to mapped case fields are copied to the case's open work orders. " +
      "Off by default: nothing syncs after creation (FSM-4).",
  },
  {
    name: PROPERTY.autoCloseDays,
    type: "integer",
    defaultValue: "7",
    min: 0,
    max: 365,
    listed: true,
    description:
      "A Resolved case closes automatically after this many days without a customer answer " +
      "(checked every 5 minutes). 0 turns automatic closing off.",
  },
  {
    name: PROPERTY.attachmentMaxMb,
    type: "integer",
    defaultValue: "10",
    min: 1,
    max: 100,
    listed: true,
    description:
      "The largest file, in MB, that may be attached to a case — uploaded by an agent or a portal user, " +
      "or arriving with an inbound email (NOT-4).",
  },
  {
    name: PROPERTY.inboundSupportAddress,
    type: "string",
    defaultValue: "",
    listed: true,
    description:
      "The support address: a new email (not a reply) to it from an active contact or consumer opens a " +
      "case; from an unknown sender it waits on /admin/inbox (NOT-3). Empty: support@ the INBOUND_EMAIL_DOMAIN.",
  },
];

export function propertyDef(name: string): PropertyDef | undefined {
  return PROPERTY_CATALOG.find((p) => p.name === name);
}

/** ADM-1: the properties /admin/properties lists and lets an admin change. */
export const LISTED_PROPERTIES: readonly PropertyDef[] = PROPERTY_CATALOG.filter((p) => p.listed);
