// OPS-2: liveness — 200 while the process runs (no database, no session: a probe's question).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
