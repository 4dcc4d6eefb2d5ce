// ITSM-5: the input of /admin/plugins (the service parses it: lib/server/plugins/admin.ts).
import { z } from "zod";
import { booleanText, type FormInput } from "../validation";
import { PLUGIN_CATALOG } from "./catalog";

export const pluginActiveSchema = z.object({
  id: z.string({ error: "Pick a plugin." }).refine((id) => PLUGIN_CATALOG.some((p) => p.id === id), {
    error: (iss) => `There is no plugin "${String(iss.input).slice(0, 100)}".`,
  }),
  active: booleanText("Active"),
});
export type PluginActiveInput = FormInput<typeof pluginActiveSchema>;
