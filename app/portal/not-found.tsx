import { NotFoundView } from "@/components/layout/not-found-view";

/**
 * A portal page's 404 — a case or work order outside the user's scope answers it like a missing
 * one (POR-4) — inside the portal's header and main landmark, with its way back to the cases.
 */
export default function PortalNotFound() {
  return <NotFoundView />;
}
