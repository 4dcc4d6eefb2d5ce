// Type checks for system property values (ADM-1) and typed reads.
import { invalid } from "../errors";
import { PROPERTY, propertyDef, type PropertyDef } from "./catalog";

const splitList = (raw: string) =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** NOT-3: the support address is one bare address (empty: support@ the inbound domain). */
const ONE_ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

/** Returns the normalised stored text of a value, or throws a clear error naming the property. */
export function normalisePropertyValue(def: PropertyDef, raw: string): string {
  const text = raw.trim();
  switch (def.type) {
    case "boolean": {
      const v = text.toLowerCase();
      if (v !== "true" && v !== "false")
        throw invalid(def.name, `${def.name} must be true or false, not "${text}".`);
      return v;
    }
    case "integer": {
      if (!/^-?\d+$/.test(text))
        throw invalid(def.name, `${def.name} must be a whole number, not "${text}".`);
      const n = Number(text);
      if (def.min !== undefined && n < def.min)
        throw invalid(def.name, `${def.name} must be at least ${def.min}.`);
      if (def.max !== undefined && n > def.max)
        throw invalid(def.name, `${def.name} must be at most ${def.max}.`);
      return String(n);
    }
    case "list": {
      const items = [...new Set(splitList(text))];
      const unknown = def.choices ? items.filter((i) => !def.choices!.includes(i)) : [];
      if (unknown.length) {
        const quoted = unknown.map((u) => `"${u}"`).join(", ");
        const verb = unknown.length > 1 ? "are" : "is";
        const allowed = def.choices!.join(", ");
        throw invalid(def.name, `${def.name}: ${quoted} ${verb} not allowed. Allowed: ${allowed}.`);
      }
      if (def.name === PROPERTY.caseFieldsToSync && items.includes("state")) {
        const missing = ["close_notes", "resolution_code"].filter((f) => !items.includes(f));
        if (missing.length)
          throw invalid(def.name, `${def.name}: listing state requires ${missing.join(" and ")} too.`);
      }
      return items.join(",");
    }
    case "string":
      if (text.length > 4000) throw invalid(def.name, `${def.name} is too long (at most 4000 characters).`);
      if (def.name === PROPERTY.inboundSupportAddress && text && !ONE_ADDRESS.test(text))
        throw invalid(def.name, `${def.name} must be one email address, such as support@example.com.`);
      return def.name === PROPERTY.inboundSupportAddress ? text.toLowerCase() : text;
  }
}

export function validatePropertyValue(name: string, raw: string): string {
  const def = propertyDef(name);
  if (!def) throw invalid("name", `There is no system property named "${name}".`);
  return normalisePropertyValue(def, raw);
}

export const readBoolean = (v: string | undefined, fallback: boolean) =>
  v === undefined ? fallback : v === "true";
export const readInteger = (v: string | undefined, fallback: number) =>
  v !== undefined && /^-?\d+$/.test(v) ? Number(v) : fallback;
export const readList = (v: string | undefined) => (v ? splitList(v) : []);
