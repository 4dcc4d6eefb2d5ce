import { NextResponse, type NextRequest } from "next/server";
import { INBOUND_MAX_BYTES, REFUSAL_LABELS, type InboundOutcome } from "@/lib/domain/email/inbound";
import { isPoolBusy } from "@/lib/server/errors";
import { currentRequestId } from "@/lib/server/ops/request-user";
import { inboundEmailActor } from "@/lib/server/auth/api-token";
import { readLimited } from "@/lib/server/inbound-mail/body";
import { ENVELOPE_HEADER, INTERNAL_HEADER, isInternalSmtpRequest } from "@/lib/server/inbound-mail/internal";
import { receive, type Via } from "@/lib/server/inbound-mail/receive";

const fail = (status: number, message: string, extra: object = {}) =>
  NextResponse.json({ error: { message }, status: "failure", ...extra }, { status });

/** The headers of a message whose Content-Length is already too large: read this much only. */
const HEADER_BYTES = 64 * 1024;

/**
 * PRO-5: POST /api/inbound/email — one raw RFC 822 message as the body, with an administrator's
 * API token (`Authorization: Bearer <token>`, `npm run token:create`), or from this server's SMTP
 * listener. proxy.ts does not run for /api/ paths, so Next's proxy body limit (256 KB) does not
 * apply; the body is streamed here and cut at 10 MB.
 *
 * Answers: 200 with the outcome — accepted, duplicate (counted), or refused with a reason (the
 * message was read and judged: a gateway must not retry it); 400 malformed or empty; 413 over
 * 10 MB (recorded on /admin/inbox from its headers); 401 no, unknown or revoked token, or an
 * inactive user; 403 a token of a non-administrator.
 */
export async function POST(request: NextRequest) {
  let via: Via = "smtp";
  // NOT-3: the listener's envelope recipients count as the message's (X-Original-To): trusted from it only.
  let envelopeTo: string[] = [];
  if (isInternalSmtpRequest(request.headers.get(INTERNAL_HEADER))) {
    envelopeTo = (request.headers.get(ENVELOPE_HEADER) ?? "").split(",").filter(Boolean);
  } else {
    const auth = await inboundEmailActor(request.headers.get("authorization"));
    if (!auth.ok) return fail(auth.status, auth.message);
    via = "api";
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const limit = declared > INBOUND_MAX_BYTES ? HEADER_BYTES : INBOUND_MAX_BYTES;
  const { raw, truncated } = await readLimited(request.body, limit);
  if (!raw.length) return fail(400, "Send the raw RFC 822 message as the request body.");
  try {
    const tooLarge = truncated || declared > INBOUND_MAX_BYTES;
    return answer(await receive(raw, via, { truncated: tooLarge, envelopeTo }));
  } catch (e) {
    // Every connection busy for the whole wait (a burst of mail): nothing was saved, and a
    // gateway should simply retry — 503 with Retry-After, as the SMTP listener answers 451.
    if (isPoolBusy(e))
      return NextResponse.json(
        { error: { message: "Busy: nothing was saved. Retry in a few seconds." }, status: "failure" },
        { status: 503, headers: { "retry-after": "10" } },
      );
    // REL-6: logged, and shown on /admin/inbox as "failed" (receive.ts); the next delivery tries again.
    const reqId = currentRequestId(); // the id the "failed" row on /admin/inbox names
    console.error(`inbound email failed${reqId ? ` (request ${reqId})` : ""}:`, e);
    return fail(500, "The message could not be processed; nothing was saved. Try again later.");
  }
}

function answer(o: InboundOutcome) {
  if (o.status === "accepted") return NextResponse.json({ status: "accepted", case: o.caseNumber });
  if (o.status === "duplicate") return NextResponse.json({ status: "duplicate", deliveries: o.deliveries });
  // NOT-3: a new email to the support address opened a case, or waits for an agent (unknown sender).
  if (o.status === "opened") return NextResponse.json({ status: "opened", case: o.caseNumber });
  if (o.status === "held") return NextResponse.json({ status: "held", reason: o.reason });
  const detail = { reason: o.reason, message: REFUSAL_LABELS[o.reason] };
  if (o.reason === "too_large") return fail(413, "The message is larger than 10 MB.", detail);
  if (o.reason === "malformed") return fail(400, "The body is not a readable email message.", detail);
  return NextResponse.json({ status: "refused", ...detail });
}
