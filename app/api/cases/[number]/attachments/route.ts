import { NextResponse, type NextRequest } from "next/server";
import { parseCursor } from "@/lib/domain/journal/live";
import { internalOnlyOf, megabytes, tooLargeMessage } from "@/lib/domain/attachments/files";
import { invalid } from "@/lib/domain/errors";
import { recordNumber } from "@/lib/domain/validation";
import { crossOrigin } from "@/lib/security/action-request";
import { addAttachment, assertMayAttach, listAttachments } from "@/lib/server/attachments/service";
import { attachmentLimitMb } from "@/lib/server/attachments/store";
import { getActor } from "@/lib/server/auth/actor";
import { statusOf, toFailure } from "@/lib/server/errors";
import { BodyTooLargeError, readBodyBytes } from "@/lib/server/read-body";

type Params = { params: Promise<{ number: string }> };

/** Room for the multipart framing and the other fields around the file. */
const FRAMING_BYTES = 64 * 1024;

const refuse = (status: number, message: string, field?: string) =>
  NextResponse.json(
    { error: { message, fieldErrors: field ? { [field]: message } : undefined } },
    { status },
  );

/**
 * NOT-4 / PERF-1: `GET /api/cases/<number>/attachments[?before=<cursor>]` — a page of the case's
 * Attachments list, newest first (the case pages' "Show older"): `{ rows, more }`. Session here,
 * case rights and scope in the service: a case out of reach answers 404 like a missing one.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const actor = await getActor();
  if (!actor) return refuse(401, "Sign in first.");
  try {
    const number = recordNumber((await params).number, "The case");
    const raw = request.nextUrl.searchParams.get("before");
    const before = raw === null ? undefined : parseCursor(raw, "an attachment");
    const page = await listAttachments(actor, number, { before });
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (e) {
    const f = toFailure(e, "attachment list");
    return refuse(statusOf(f), f.message, f.fieldErrors && Object.keys(f.fieldErrors)[0]);
  }
}

/**
 * NOT-4 Attach file: `POST /api/cases/<number>/attachments`, multipart/form-data with `file` and,
 * for agents, `internalOnly`. The workspace and the portal both post here; the session is checked
 * here and the case rights and scope in the service (ROLE-2, ROLE-3: a case out of reach is 404).
 * The body is read while it streams and refused past the size limit plus the framing (REL-8).
 * proxy.ts never runs for /api/ paths (their bodies are not copied for it nor held to the server
 * action limit), so the limit here is the property's.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const actor = await getActor();
  if (!actor) return refuse(401, "Sign in first.");
  // A form of another site may post multipart with the user's cookie: only our own pages may.
  if (crossOrigin(request.headers)) return refuse(403, "Uploads from another site are refused.");
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) return refuse(415, "Send the file as multipart/form-data.");
  try {
    // Anything but a number-shaped text answers 404 before the body is read (`CS%00`: REL-8).
    const number = recordNumber((await params).number, "The case");
    await assertMayAttach(actor, number); // before the body is read: no upload buffered for a refusal
    const limitMb = await attachmentLimitMb();
    const tooLarge = () => new BodyTooLargeError("invalid", tooLargeMessage(limitMb), "file");
    const body = await readBodyBytes(request, megabytes(limitMb) + FRAMING_BYTES, tooLarge);
    const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => {
      throw invalid("file", "The upload could not be read. Choose the file again and retry.");
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw invalid("file", "Choose a file to attach.");
    const internalOnly = internalOnlyOf(form.get("internalOnly"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const attachment = await addAttachment(
      actor,
      number,
      { name: file.name, type: file.type, bytes },
      {
        internalOnly,
      },
    );
    return NextResponse.json({ attachment }, { status: 201 });
  } catch (e) {
    const f = toFailure(e, "attachment upload");
    return refuse(
      e instanceof BodyTooLargeError ? 413 : statusOf(f),
      f.message,
      f.fieldErrors && Object.keys(f.fieldErrors)[0],
    );
  }
}
