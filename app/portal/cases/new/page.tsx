import type { Metadata } from "next";
import { PortalNewCaseForm } from "@/components/portal/new-case-form";
import { portalActor, readOr404 } from "@/lib/server/auth/page";
import { portalAssets } from "@/lib/server/portal/new-case";
import { PORTAL_CARD } from "@/components/portal/card";

export const metadata: Metadata = { title: "New case" };

/** POR-1: a new case on the user's own account (a consumer's own case), channel web. */
export default async function PortalNewCasePage() {
  const actor = await portalActor();
  const assets = await readOr404(portalAssets(actor)); // no portal role: nothing to open a case on
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">New case</h1>
      <div className={PORTAL_CARD}>
        <PortalNewCaseForm assets={assets} />
      </div>
    </div>
  );
}
