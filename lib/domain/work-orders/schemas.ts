// REL-1: the work order form, the task forms and Create Work Order, validated field by field.
import { z } from "zod";
import { casePriorities, taskStates, workOrderStates } from "../records/choices";
import {
  formKey,
  LIMITS,
  numberChoice,
  optionalDate,
  optionalId,
  optionalText,
  requiredText,
  stringChoice,
  versionField,
} from "../validation";

export const workOrderUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: stringChoice("State", workOrderStates),
    priority: numberChoice("Priority", casePriorities),
    accountId: optionalId("Account"),
    companyId: optionalId("Company"),
    contactId: optionalId("Contact"),
    callerId: optionalId("Caller"),
    consumerId: optionalId("Consumer"),
    assetId: optionalId("Asset"),
    partnerId: optionalId("Partner"),
    partnerContactId: optionalId("Partner contact"),
  })
  .partial()
  .extend({ version: versionField });
export type WorkOrderUpdateInput = z.input<typeof workOrderUpdateSchema>;

const windowFields = {
  windowStart: optionalDate("Window start"),
  windowEnd: optionalDate("Window end"),
};

export const taskCreateSchema = z.object({
  shortDescription: requiredText("Short description", LIMITS.shortDescription),
  description: optionalText("Description", LIMITS.description).optional(),
  assignedToId: optionalId("Assigned to"),
  ...windowFields,
  /** REL-2: the Add task form's key — a double click or a retry gets its task back (none from the API). */
  requestKey: formKey.optional(),
});
export type TaskCreateInput = z.input<typeof taskCreateSchema>;

export const taskUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    state: stringChoice("State", taskStates),
    assignedToId: optionalId("Assigned to"),
    ...windowFields,
  })
  .partial()
  .extend({ version: versionField });
export type TaskUpdateInput = z.input<typeof taskUpdateSchema>;
