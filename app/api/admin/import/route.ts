import { NextResponse, type NextRequest } from "next/server";
import { canManageDirectory } from "@/lib/domain/directory/access";
import { IMPORT_MAX_BYTES } from "@/lib/domain/directory/import/csv";
import { getActor } from "@/lib/server/auth/actor";
import { commitImport, previewImport, type Progress } from "@/lib/server/directory/import";
import { statusOf, toFailure } from "@/lib/server/errors";
import { BodyTooLargeError, readTextBody } from "@/lib/server/read-body";

const refuse = (status: number, message: string) => NextResponse.json({ error: { message } }, { status });

/**
 * SET-3: `POST /api/admin/import?kind=<accounts|contacts|consumers|assets>&mode=<preview|import>` with the
 * CSV file as the body (`Content-Type: text/csv` — not a form's type, so another site's page cannot
 * send it with the user's cookie). Session and role are checked here and in the service. The answer
 * streams one JSON object per line: `{"type":"progress",…}` while rows are checked and written, then
 * `{"type":"result",…}` (each row's outcome) or `{"type":"error",…}` (nothing written).
 */
export async function POST(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return refuse(401, "Sign in first.");
  if (!canManageDirectory(actor)) return refuse(403, "Only administrators and managers import.");
  if (!/^text\/csv\b/i.test(request.headers.get("content-type") ?? ""))
    return refuse(415, "Send the file as text/csv.");
  const q = request.nextUrl.searchParams;
  const commit = q.get("mode") === "import";
  let csv: string;
  try {
    csv = await readTextBody(request, IMPORT_MAX_BYTES);
  } catch (e) {
    const f = toFailure(e, "import");
    return refuse(e instanceof BodyTooLargeError ? 413 : statusOf(f), f.message);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A browser that left (closed tab, dropped connection) cancels the stream: what is left to say
      // is dropped, and the import runs to its end all the same — one transaction, all or nothing,
      // never cut in the middle by a progress line that could not be delivered.
      let gone = false;
      const send = (o: object) => {
        if (gone) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
        } catch {
          gone = true;
        }
      };
      const progress: Progress = (p) => send({ type: "progress", ...p });
      try {
        const input = { kind: q.get("kind"), csv };
        const result = commit
          ? await commitImport(actor, input, progress)
          : await previewImport(actor, input, progress);
        send({ type: "result", ...result });
      } catch (e) {
        const f = toFailure(e, "import");
        send({ type: "error", message: f.message, fieldErrors: f.fieldErrors });
      }
      if (!gone) controller.close();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
}
