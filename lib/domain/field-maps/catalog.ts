// PRO-2, FSM-1, ADM-2: the fields a field map may read (source) and write (target), with their
// types. Names are ServiceNow's (short_description, account…); `column` is the Prisma field.
import {
  caseChannels,
  casePriorities,
  caseStates,
  impacts,
  incidentPriorities,
  incidentStates,
  urgencies,
  type Choice,
} from "../records/choices";
import { LIMITS } from "../validation";

/**
 * What a reference points at. People and accounts by the part they play, not only their table: a
 * contact, a consumer, a partner's contact and an assignee are all users, but an assignee mapped
 * into a work order's Contact made every work order name an agent as the customer (FSM-2), and a
 * caller mapped into a case's Consumer gave a consumer sight of other accounts' cases (ROLE-3).
 */
export type RefTable =
  | "account"
  | "partner"
  | "user"
  | "contact"
  | "consumer"
  | "partner contact"
  | "agent"
  | "asset"
  | "incident"
  | "problem"
  | "case";
export type FieldType =
  /** `required`: the record needs a value (short description) — a blank source leaves the target as it is. */
  | { kind: "string"; max: number; required?: boolean }
  | { kind: "integer"; choices: readonly Choice<number>[] }
  | { kind: "choice"; choices: readonly Choice<string>[] }
  | { kind: "boolean" }
  | { kind: "reference"; table: RefTable };

export type FieldDef = {
  name: string;
  label: string;
  column: string;
  type: FieldType;
  /** A map may write it (targets only; identity, number and state are the record's own). */
  writable: boolean;
};

const str = (max: number): FieldType => ({ kind: "string", max });
const int = (choices: readonly Choice<number>[]): FieldType => ({ kind: "integer", choices });
const ref = (table: RefTable): FieldType => ({ kind: "reference", table });
const f = (name: string, label: string, column: string, type: FieldType, writable = true): FieldDef => ({
  name,
  label,
  column,
  type,
  writable,
});

const SHORT: FieldType = { kind: "string", max: LIMITS.shortDescription, required: true };
const LONG = str(LIMITS.description);

export const INCIDENT_FIELDS: readonly FieldDef[] = [
  f("sys_id", "Incident (the record itself)", "id", ref("incident"), false),
  f("number", "Number", "number", str(40), false),
  f("short_description", "Short description", "shortDescription", SHORT),
  f("description", "Description", "description", LONG),
  f("state", "State", "state", int(incidentStates)),
  f("impact", "Impact", "impact", int(impacts)),
  f("urgency", "Urgency", "urgency", int(urgencies)),
  f("priority", "Priority", "priority", int(incidentPriorities)),
  f("caller_id", "Caller", "callerId", ref("user")), // any kind of user: maps to no case party
  f("company", "Company", "companyId", ref("account")),
  f("cmdb_ci", "Asset", "assetId", ref("asset")),
  f("problem_id", "Problem", "problemId", ref("problem")),
];

export const CASE_FIELDS: readonly FieldDef[] = [
  f("sys_id", "Case (the record itself)", "id", ref("case"), false),
  f("number", "Number", "number", str(40), false),
  f("state", "State", "state", int(caseStates), false),
  f("short_description", "Short description", "shortDescription", SHORT),
  f("description", "Description", "description", LONG),
  f("priority", "Priority", "priority", int(casePriorities)),
  f("impact", "Impact", "impact", int(impacts)),
  f("urgency", "Urgency", "urgency", int(urgencies)),
  f("channel", "Channel", "channel", { kind: "choice", choices: caseChannels }),
  f("proactive", "Proactive", "proactive", { kind: "boolean" }),
  f("account", "Account", "accountId", ref("account")),
  f("contact", "Contact", "contactId", ref("contact")),
  f("consumer", "Consumer", "consumerId", ref("consumer")),
  f("asset", "Asset", "assetId", ref("asset")),
  f("partner", "Partner", "partnerId", ref("partner")),
  f("partner_contact", "Partner contact", "partnerContactId", ref("partner contact")),
  f("assigned_to", "Assigned to", "assignedToId", ref("agent")),
  f("incident", "Incident", "incidentId", ref("incident")),
  f("problem", "Problem", "problemId", ref("problem")),
];

export const WORK_ORDER_FIELDS: readonly FieldDef[] = [
  f("number", "Number", "number", str(40), false),
  f("state", "State", "state", str(40), false),
  f("initiated_from", "Case", "caseId", ref("case")),
  f("short_description", "Short description", "shortDescription", SHORT),
  f("description", "Description", "description", LONG),
  f("priority", "Priority", "priority", int(casePriorities)),
  f("account", "Account", "accountId", ref("account")),
  f("consumer", "Consumer", "consumerId", ref("consumer")),
  f("contact", "Contact", "contactId", ref("contact")),
  f("asset", "Asset", "assetId", ref("asset")),
  f("partner", "Partner", "partnerId", ref("partner")),
  f("partner_contact", "Partner contact", "partnerContactId", ref("partner contact")),
  // FSM-2: Company and Caller follow Account and Contact on every write; a map cannot set them.
  f("company", "Company", "companyId", ref("account"), false),
  f("caller", "Caller", "callerId", ref("contact"), false),
];

export const FIELD_MAP = {
  incidentToCase: "incident_to_case",
  caseToWorkOrder: "case_to_work_order",
} as const;
export type FieldMapName = (typeof FIELD_MAP)[keyof typeof FIELD_MAP];

export const FIELD_MAPS: Record<
  FieldMapName,
  {
    label: string;
    source: readonly FieldDef[];
    target: readonly FieldDef[];
    sourceLabel: string;
    targetLabel: string;
    /** Targets the operation sets itself, or that a source would fill with another account's data: why. */
    fixedTargets?: Record<string, string>;
  }
> = {
  incident_to_case: {
    label: "Incident → Case (Create Proactive Cases)",
    source: INCIDENT_FIELDS,
    target: CASE_FIELDS,
    sourceLabel: "incident",
    targetLabel: "case",
    fixedTargets: {
      account: "Create Proactive Cases sets it: the affected account (PRO-2).",
      contact: "Create Proactive Cases sets it: the account's primary contact (PRO-2).",
      asset:
        "an asset belongs to one account, and each proactive case is for another; " +
        "the agent picks the account's own asset on the case.",
    },
  },
  case_to_work_order: {
    label: "Case → Work Order (Create Work Order)",
    source: CASE_FIELDS,
    target: WORK_ORDER_FIELDS,
    sourceLabel: "case",
    targetLabel: "work order",
  },
};

export const isFieldMapName = (v: unknown): v is FieldMapName =>
  typeof v === "string" && Object.prototype.hasOwnProperty.call(FIELD_MAPS, v);

export const fieldOf = (fields: readonly FieldDef[], name: string | null | undefined) =>
  fields.find((x) => x.name === name);
