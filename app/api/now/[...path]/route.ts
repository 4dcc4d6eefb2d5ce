import type { NextRequest } from "next/server";
import { apiActor } from "@/lib/server/api/auth";
import { apiPath, pageLinks } from "@/lib/server/api/paths";
import { getRecord, listRecords } from "@/lib/server/api/read";
import { errorResponse, failure, result } from "@/lib/server/api/respond";
import { createRecord, deleteRecord, updateRecord } from "@/lib/server/api/write";
import { clientAddress, publicOrigin } from "@/lib/server/forwarded";
import { readJsonBody } from "@/lib/server/read-body";

type Ctx = { params: Promise<{ path: string[] }> };

/**
 * API-1…API-5: the ServiceNow Table API — /api/now/table/<table>[/<sys_id>], also under /v1 and
 * /v2. A thin adapter: every request authenticates (Basic or Bearer) and the services check the
 * role and scope themselves (ROLE-2, ROLE-3).
 */
async function handle(request: NextRequest, ctx: Ctx, method: string): Promise<Response> {
  try {
    const path = apiPath((await ctx.params).path);
    if (!path) return failure(400, "Invalid path: use /api/now/table/<table>[/<sys_id>].");
    const actor = await apiActor(request.headers, clientAddress(request));
    const origin = publicOrigin(request);
    const linkBase = `${origin}/api/now/table`;
    const search = request.nextUrl.searchParams;
    if (method === "GET" && !path.sysId) {
      const page = await listRecords(actor, path.table, search, linkBase);
      const links = pageLinks(`${origin}${request.nextUrl.pathname}`, search, page);
      return result(page.result, 200, {
        "x-total-count": String(page.total),
        ...(links ? { link: links } : {}),
      });
    }
    if (method === "GET") return result(await getRecord(actor, path.table, path.sysId!, search, linkBase));
    if (method === "DELETE") return await deleteRecord(actor, path.table, path.sysId);
    const body = await readJsonBody(request, MAX_BODY);
    if (method === "POST") {
      if (path.sysId) return failure(405, "POST creates a record: send it to /api/now/table/<table>.");
      return result(await createRecord(actor, path.table, body, search, linkBase), 201);
    }
    if (!path.sysId) return failure(405, `${method} needs a record: /api/now/table/<table>/<sys_id>.`);
    return result(await updateRecord(actor, path.table, path.sysId, body, search, linkBase));
  } catch (e) {
    return errorResponse(e);
  }
}

/** API-1: a record is a few text fields; 1 MB is far above any, and refused while it streams (REL-8). */
const MAX_BODY = 1024 * 1024;

const wrap = (method: string) => (request: NextRequest, ctx: Ctx) => handle(request, ctx, method);

export const GET = wrap("GET");
export const POST = wrap("POST");
export const PUT = wrap("PUT");
export const PATCH = wrap("PATCH");
export const DELETE = wrap("DELETE");
