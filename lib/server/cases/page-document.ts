import type { CaseRow } from "../case-store/row";

// The shape of the case page's JSON document (./page-read.ts): times as ISO text, booleans as
// JSON booleans; ./view-record.ts turns it into the types the rules and components use.

export const CASE_COLUMNS = [
  "id", "number", "shortDescription", "description", "state", "priority", "impact", "urgency", "channel",
  "accountId", "contactId", "consumerId", "assetId", "partnerId", "partnerContactId", "assignmentGroupId",
  "assignedToId", "openedById", "resolutionCode", "resolutionNotes", "incidentId", "problemId", "changeId",
  "causedById", "majorCaseState", "parentId", "businessImpact", "majorCaseReason", "proposedById",
  "replyToken", "requestKey", "version",
] as const; // prettier-ignore
export const CASE_TIMES = [
  "customerRepliedAt", "slaDueAt", "slaWarnAt", "proposedAt", "resolvedAt", "closedAt", "createdAt", "updatedAt",
] as const; // prettier-ignore

type Ref = { id: number; number: string; name: string } | null;
type Person = { id: number; name: string; email: string } | null;
/** `outcome`: its resolution or close code (incident, problem, change; not caused-by). */
type Itsm = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  outcome?: string | null;
} | null;
type Option = { value: number; label: string };

export type CasePageDocument = {
  case: Pick<CaseRow, (typeof CASE_COLUMNS)[number] | "proactive"> &
    Record<(typeof CASE_TIMES)[number], string | null>;
  childCount: number;
  account: Ref;
  partner: Ref;
  asset: Ref;
  contact: Person;
  consumer: Person;
  partnerContact: Person;
  assignedTo: Person;
  openedBy: Person;
  incident: Itsm;
  problem: Itsm;
  change: Itsm;
  causedBy: Itsm;
  parent: { id: number; number: string; shortDescription: string } | null;
  group: { id: number; name: string; active: boolean } | null;
  journal: {
    id: number;
    kind: string;
    body: string;
    authorId: number | null;
    authorName: string;
    createdAt: string;
    sourceTable: string | null;
    sourceNumber: string | null;
    ruleName: string | null;
    eventKey: string | null;
  }[];
  journalCount: number;
  audit: {
    id: number;
    field: string;
    oldValue: string | null;
    newValue: string | null;
    userName: string;
    createdAt: string;
    /** The name or number a reference field's value names (null: not a reference, or gone). */
    oldRef: string | null;
    newRef: string | null;
  }[];
  requests: {
    id: number;
    number: string;
    shortDescription: string;
    state: string;
    updatedAt: string;
    requestedFor: string | null;
  }[];
  children: {
    id: number;
    number: string;
    shortDescription: string;
    state: number;
    priority: number;
    account: string | null;
    /** WRK-3: 1 while the customer's reply waits (an open case). */
    replied: number;
  }[];
  workOrders: { id: number; number: string; state: string; priority: number; shortDescription: string }[];
  slas: {
    id: number;
    kind: string;
    clock: string;
    targetMs: number;
    elapsedMs: number;
    runningSince: string | null;
    dueAt: string | null;
    stoppedAt: string | null;
    suspendedAt: string | null;
  }[];
  slaHours: { days: string; startMinute: number; endMinute: number; timeZone: string } | null;
  attachments: {
    id: number;
    fileName: string;
    contentType: string;
    size: number;
    internalOnly: boolean;
    uploadedByName: string;
    createdAt: string;
  }[];
  contactOptions: Option[];
  assetOptions: Option[];
  /** The case account's partners (empty without an account). */
  partnerOptions: Option[];
  partnerContactOptions: Option[];
  memberOptions: Option[];
  attachmentMaxMb: string | null;
};
