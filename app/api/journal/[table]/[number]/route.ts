import { NextResponse, type NextRequest } from "next/server";
import { toOlderAnswer, toPollAnswer } from "@/lib/domain/journal/items";
import { parseAfter, parseCursor } from "@/lib/domain/journal/live";
import { getActor } from "@/lib/server/auth/actor";
import { conditionalJson } from "@/lib/server/conditional-json";
import { statusOf, toFailure } from "@/lib/server/errors";
import { olderJournal, pollJournal } from "@/lib/server/journal/live";
import { recordNumber } from "@/lib/domain/validation";

type Params = { params: Promise<{ table: string; number: string }> };

/**
 * The live timeline of a record page (SPEC §2, REC-6), polled every few seconds:
 * `?after=<ISO>` → entries in the window after it (lib/server/journal/live.ts) and the record's
 * version and last saver, with an ETag (304 when unchanged); `?before=<cursor>` → the next older
 * page ("Show older"). Session and read rights are checked here and in the service; a record the
 * user may not read answers 404 exactly like a missing one.
 */
export async function GET(request: NextRequest, { params }: Params) {
  try {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: { message: "Sign in first." } }, { status: 401 });
    const { table } = await params;
    // Anything but a number-shaped text answers 404 before it reaches a query (`CS%00`: REL-8).
    const number = recordNumber((await params).number);
    const q = request.nextUrl.searchParams;
    const before = q.get("before");
    if (before !== null) {
      const page = await olderJournal(actor, table, number, parseCursor(before));
      return NextResponse.json(toOlderAnswer(page), { headers: { "Cache-Control": "private, no-store" } });
    }
    const poll = await pollJournal(actor, table, number, parseAfter(q.get("after")));
    return conditionalJson(request, toPollAnswer(poll));
  } catch (e) {
    const f = toFailure(e, "journal");
    return NextResponse.json(
      { error: { message: f.message, fieldErrors: f.fieldErrors } },
      { status: statusOf(f) },
    );
  }
}
