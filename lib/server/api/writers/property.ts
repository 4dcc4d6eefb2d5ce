import "server-only";
import { DomainError, invalid } from "@/lib/domain/errors";
import { updateProperty } from "../../properties/admin";
import type { Writer } from "./types";

/**
 * sys_properties (ROLE-4: admin only): PATCH `value` is the properties page's Save — its type
 * checks (ADM-1; a refusal is a 400 naming `value`) and REC-6 (a stale sys_mod_count is a 409).
 * Properties are the catalog's: none is created through the API.
 */
export const propertyWriter: Writer = {
  noCreate: "System properties are the product's own; change their value instead.",
  async update(actor, row, input, version, tx) {
    if (!("value" in input)) return;
    const name = String(row.name);
    if (typeof input.value !== "string") throw invalid("value", `value: give the new value of ${name}.`);
    try {
      await updateProperty(actor, { name, value: input.value, version }, tx);
    } catch (e) {
      if (e instanceof DomainError && e.kind === "invalid" && e.field === name)
        throw invalid("value", `value: ${e.message}`);
      throw e;
    }
  },
};
