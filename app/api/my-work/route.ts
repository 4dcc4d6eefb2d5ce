import { NextResponse, type NextRequest } from "next/server";
import { isExternal } from "@/lib/domain/auth/roles";
import { getActor } from "@/lib/server/auth/actor";
import { conditionalJson } from "@/lib/server/conditional-json";
import { statusOf, toFailure } from "@/lib/server/errors";
import { myWorkCounts } from "@/lib/server/my-work/read";

/**
 * WRK-2: the navigation's My work counts, polled like the live timeline (an ETag, 304 when
 * nothing changed): three capped counts, each one indexed statement.
 */
export async function GET(request: NextRequest) {
  try {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: { message: "Sign in first." } }, { status: 401 });
    if (isExternal(actor)) return NextResponse.json({ error: { message: "Not found." } }, { status: 404 });
    return conditionalJson(request, await myWorkCounts(actor));
  } catch (e) {
    const f = toFailure(e, "myWorkCounts");
    return NextResponse.json({ error: { message: f.message } }, { status: statusOf(f) });
  }
}
