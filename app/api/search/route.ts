import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/server/auth/actor";
import { statusOf, toFailure } from "@/lib/server/errors";
import { globalSearch } from "@/lib/server/search/search";

/**
 * WRK-5: GET /api/search?q= — the header's search as the user types (a GET, so the browser can
 * abort a superseded request). The session is checked here, the roles in the service (ROLE-2);
 * bad text answers 400 with the reason, never a 500.
 */
export async function GET(request: NextRequest) {
  try {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: { message: "Sign in first." } }, { status: 401 });
    const result = await globalSearch(actor, request.nextUrl.searchParams.get("q"));
    return NextResponse.json({ result }, { headers: { "cache-control": "private, no-store" } });
  } catch (e) {
    const f = toFailure(e, "search");
    return NextResponse.json(
      { error: { message: f.message, field: f.fieldErrors?.q ? "q" : undefined } },
      { status: statusOf(f) },
    );
  }
}
