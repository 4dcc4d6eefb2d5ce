import { journalKinds } from "@/lib/domain/records/choices";
import type { ApiTable } from "../table";
import { bool, BY_ID, choice, date, nullable, ref, str, SYS_FIELDS } from "./common";

const version = { column: "version", kind: "integer" } as const;

/**
 * ServiceNow's customer_account. SET-5: admins and managers write it as the account page does
 * (name, customer/partner, primary contact; `active` is Deactivate / Reactivate).
 */
export const accountTable: ApiTable = {
  name: "customer_account",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }, ...BY_ID],
  fields: {
    ...SYS_FIELDS,
    number: str("number"),
    name: str("name", "name"),
    partner: bool("isPartner", "isPartner"),
    customer: bool("isCustomer", "isCustomer"),
    primary_contact: ref("primaryContactId", "customer_contact", "primaryContactId"),
    active: bool("active", "active"),
    sys_mod_count: version,
  },
};

const userFields = {
  ...SYS_FIELDS,
  name: str("name"),
  email: str("email"),
  user_name: str("email"),
  phone: nullable(str("phone")),
  active: bool("active"),
  account: ref("accountId", "customer_account"),
};

/** ServiceNow's sys_user: `user_name` is the email (API-5). Read only. */
export const userTable: ApiTable = {
  name: "sys_user",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }, ...BY_ID],
  fields: { ...userFields, kind: str("kind") },
};

/**
 * ServiceNow's sys_user_group: the assignment groups (WRK-1), read only — what a case's or an
 * incident's `assignment_group` names (an integration routes a record to a group's queue by it).
 */
export const groupTable: ApiTable = {
  name: "sys_user_group",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }, ...BY_ID],
  fields: { ...SYS_FIELDS, name: str("name"), manager: ref("managerId", "sys_user"), active: bool("active") },
};

/** SET-5: a contact's or consumer's fields as the directory's person form writes them. */
const personFields = {
  ...SYS_FIELDS,
  name: str("name", "name"),
  email: str("email", "email"),
  user_name: str("email"),
  phone: nullable(str("phone", "phone")),
  active: bool("active", "active"),
  sys_mod_count: version,
};

/**
 * ServiceNow's customer_contact: the users who are contacts of an account. SET-5: written as the
 * account page's contact form (`account` on POST only); `roles` is the contact's portal roles,
 * comma-separated (customer, customer_admin, partner, partner_admin; snc_external is implied).
 */
export const contactTable: ApiTable = {
  name: "customer_contact",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }, ...BY_ID],
  fields: {
    ...personFields,
    account: ref("accountId", "customer_account", "accountId"),
    roles: { column: "roles", kind: "string", input: "roles", computed: true },
  },
};

/** ServiceNow's csm_consumer: individual customers without an account (SET-2, SET-5). */
export const consumerTable: ApiTable = {
  name: "csm_consumer",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }, ...BY_ID],
  fields: personFields,
};

/** ServiceNow's alm_asset: an account's install base item (AST…), SET-2, SET-5. */
export const assetTable: ApiTable = {
  name: "alm_asset",
  displayColumn: "name",
  defaultOrder: [{ column: "number", desc: false }],
  fields: {
    ...SYS_FIELDS,
    number: str("number"),
    name: str("name", "name"),
    serial_number: nullable(str("serialNumber", "serialNumber")),
    account: ref("accountId", "customer_account", "accountId"),
    sys_mod_count: version,
  },
};

/** ServiceNow's sys_properties (ADM-1): admins read and write them. */
export const propertyTable: ApiTable = {
  name: "sys_properties",
  displayColumn: "name",
  defaultOrder: [{ column: "name", desc: false }],
  fields: {
    sys_id: { column: "name", kind: "sys_id" },
    sys_created_on: date("updatedAt"),
    sys_updated_on: date("updatedAt"),
    sys_created_by: { column: "createdBy", kind: "string", computed: true },
    sys_updated_by: { column: "updatedBy", kind: "string", computed: true },
    name: str("name"),
    type: str("type"),
    value: str("value", "value"),
    description: str("description"),
    sys_mod_count: { column: "version", kind: "integer" },
  },
};

/** ServiceNow's sys_journal_field (read only): element_id is the record's sys_id, name its table. */
export const journalTable: ApiTable = {
  name: "sys_journal_field",
  displayColumn: "id",
  defaultOrder: [
    { column: "createdAt", desc: true },
    { column: "id", desc: true },
  ],
  fields: {
    sys_id: { column: "id", kind: "sys_id" },
    sys_created_on: date("createdAt"),
    sys_created_by: { column: "authorName", kind: "string", computed: true },
    // Append-only (JRN-1): an entry is never updated, so "updated" is when and by whom it was made.
    sys_updated_on: date("createdAt"),
    sys_updated_by: { column: "authorName", kind: "string", computed: true },
    element_id: { column: "recordId", kind: "document_id" },
    name: str("table"),
    element: choice("kind", journalKinds),
    value: str("body"),
  },
};
