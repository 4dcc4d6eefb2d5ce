"use client";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { ContactField } from "@/components/directory/contact-field";

type Ref = { id: number; label: string } | null;

/** The Partner lookup: partner accounts, of the account when there is one. */
const partnersOf = (account: Ref) => ({ partner: "1", ...(account ? { partnerOf: account.id } : {}) });

export type Parties = {
  account: Ref;
  contact: Ref;
  consumer: Ref;
  asset: Ref;
  partner: Ref;
  partnerContact: Ref;
};

export type PartyChoices = {
  accounts: RefOption[] | null;
  partners: RefOption[] | null;
  /** Null where there are more than a select lists: the field is a typeahead over the account's. */
  contacts: RefOption[] | null;
  assets: RefOption[] | null;
  partnerContacts: RefOption[] | null;
};

/**
 * The parties of a case and of the work orders made from it (SPEC §1; the work order's "Case
 * view", FSM-3): Account, Contact, Consumer, Asset, Partner, Partner contact. Contact, Asset and
 * Partner (the account's partners; every partner without an account) follow the Account, Partner
 * contact the Partner.
 */
export function PartyFields({
  data,
  choices,
  err,
  newContact = false,
}: {
  data: Parties;
  choices: PartyChoices;
  err: (field: string) => string | undefined;
  /** The case form offers New contact beside Contact (SET-2); the work order does not. */
  newContact?: boolean;
}) {
  return (
    <>
      <ReferenceField
        label="Account"
        name="accountId"
        kind="accounts"
        value={data.account}
        options={choices.accounts}
        error={err("accountId")}
      />
      {newContact ? (
        <ContactField
          value={data.contact}
          options={choices.contacts}
          accountId={data.account?.id ?? null}
          error={err("contactId")}
        />
      ) : (
        <ReferenceField
          label="Contact"
          name="contactId"
          kind="contacts"
          value={data.contact}
          options={choices.contacts}
          dependsOn={{ field: "accountId", param: "account", value: data.account?.id }}
          error={err("contactId")}
        />
      )}
      <ReferenceField
        label="Consumer"
        name="consumerId"
        kind="consumers"
        value={data.consumer}
        options={null}
        error={err("consumerId")}
      />
      <ReferenceField
        label="Asset"
        name="assetId"
        kind="assets"
        value={data.asset}
        options={choices.assets}
        dependsOn={{ field: "accountId", param: "account", value: data.account?.id }}
        error={err("assetId")}
      />
      <ReferenceField
        label="Partner"
        name="partnerId"
        kind="accounts"
        value={data.partner}
        options={choices.partners}
        params={partnersOf(data.account)}
        dependsOn={{ field: "accountId", param: "partnerOf", optional: true }}
        error={err("partnerId")}
      />
      <ReferenceField
        label="Partner contact"
        name="partnerContactId"
        kind="contacts"
        value={data.partnerContact}
        options={choices.partnerContacts}
        dependsOn={{ field: "partnerId", param: "account", value: data.partner?.id }}
        error={err("partnerContactId")}
      />
    </>
  );
}
