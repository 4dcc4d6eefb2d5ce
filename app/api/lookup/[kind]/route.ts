import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/server/auth/actor";
import { statusOf, toFailure } from "@/lib/server/errors";
import { lookup } from "@/lib/server/lookup/search";

/** Typeahead search for pickers. Session and role are checked here and in the service. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: { message: "Sign in first." } }, { status: 401 });
    const { kind } = await params;
    const result = await lookup(actor, kind, request.nextUrl.searchParams);
    return NextResponse.json({ result });
  } catch (e) {
    const f = toFailure(e, "lookup");
    return NextResponse.json({ error: { message: f.message } }, { status: statusOf(f) });
  }
}
