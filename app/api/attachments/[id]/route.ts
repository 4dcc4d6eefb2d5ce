import { NextResponse } from "next/server";
import { downloadHeaders } from "@/lib/domain/attachments/files";
import { readAttachment } from "@/lib/server/attachments/service";
import { getActor } from "@/lib/server/auth/actor";
import { statusOf, toFailure } from "@/lib/server/errors";

type Params = { params: Promise<{ id: string }> };

/**
 * NOT-4: `GET /api/attachments/<id>` — the file, for a reader who may read its case (workspace
 * rights, or the portal scope for external users; an internal-only file is never served to them).
 * Out of reach answers 404 like a missing id (POR-4). Always a download, never rendered: attachment
 * disposition, nosniff, a type that is never HTML or SVG, sandboxed, not cached.
 */
export async function GET(_request: Request, { params }: Params) {
  try {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: { message: "Sign in first." } }, { status: 401 });
    const { id } = await params;
    const { file, bytes } = await readAttachment(actor, /^\d{1,12}$/.test(id) ? Number(id) : 0);
    return new Response(new Uint8Array(bytes), { headers: downloadHeaders(file) });
  } catch (e) {
    const f = toFailure(e, "attachment download");
    return NextResponse.json({ error: { message: f.message } }, { status: statusOf(f) });
  }
}
