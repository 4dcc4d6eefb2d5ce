import { readiness } from "@/lib/server/ops/ready";

// OPS-2: readiness — 200 when the database answers with every migration applied, 503 otherwise
// and while the node drains (a load balancer stops sending it requests). Says why, nothing more.
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json(r.ready ? { status: "ready" } : { status: "not ready", reason: r.reason }, {
    status: r.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
