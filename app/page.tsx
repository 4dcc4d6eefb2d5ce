import { redirect } from "next/navigation";
import { canReadCases, isExternal } from "@/lib/domain/auth/roles";
import { getActor } from "@/lib/server/auth/actor";

/** Internal users land on My work (WRK-2), external users in the portal. */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  redirect(isExternal(actor) ? "/portal" : canReadCases(actor) ? "/my-work" : "/cases");
}
