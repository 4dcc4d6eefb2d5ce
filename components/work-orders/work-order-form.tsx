"use client";
import { SummaryFields } from "@/components/records/summary-fields";
import { saveWorkOrderAction } from "@/app/(workspace)/work-orders/actions";
import { RecordForm } from "@/components/itsm/record-form";
import { PartyFields, type PartyChoices } from "@/components/records/party-fields";
import { SelectField, type Option } from "@/components/ui/field";
import { casePriorities } from "@/lib/domain/records/choices";
import { FollowingField } from "./following-field";

type Ref = { id: number; label: string } | null;

export type WorkOrderFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: string;
  priority: number;
  account: Ref;
  company: Ref;
  contact: Ref;
  caller: Ref;
  consumer: Ref;
  asset: Ref;
  partner: Ref;
  partnerContact: Ref;
};

export type WorkOrderChoices = PartyChoices & { states: Option[] };

/**
 * The work order form (SPEC §1, FSM-2, FSM-3): its own fields, Company and Caller following
 * Account and Contact, and the "Case view" group of the parties copied from the case.
 */
export function WorkOrderForm({
  data,
  choices,
  writable,
}: {
  data: WorkOrderFormData;
  choices: WorkOrderChoices;
  writable: boolean;
}) {
  return (
    <RecordForm
      save={saveWorkOrderAction.bind(null, data.number)}
      version={data.version}
      writable={writable}
      label="Work order details"
    >
      {(err) => (
        <>
          <SummaryFields shortDescription={data.shortDescription} description={data.description} err={err} />
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <SelectField
              label="State"
              name="state"
              options={choices.states}
              defaultValue={data.state}
              error={err("state")}
            />
            <SelectField
              label="Priority"
              name="priority"
              options={casePriorities}
              defaultValue={data.priority}
              error={err("priority")}
            />
            <FollowingField label="Company" follows="accountId" value={data.company?.label ?? ""} />
            <FollowingField label="Caller" follows="contactId" value={data.caller?.label ?? ""} />
          </div>
          <fieldset className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              Case view
            </legend>
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              <PartyFields data={data} choices={choices} err={err} />
            </div>
          </fieldset>
        </>
      )}
    </RecordForm>
  );
}
