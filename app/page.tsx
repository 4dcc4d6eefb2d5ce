import { redirect } from "next/navigation";
import { isExternal } from "@/lib/domain/auth/roles";
import { getActor } from "@/lib/server/auth/actor";

/** Internal users land in the workspace, external users in the portal. */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  redirect(isExternal(actor) ? "/portal" : "/cases");
}
