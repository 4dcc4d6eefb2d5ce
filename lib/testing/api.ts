// Calls the Table API route handlers in-process, as an HTTP client would (headers, JSON body).
import { NextRequest } from "next/server";
import * as route from "@/app/api/now/[...path]/route";
import type { Actor } from "@/lib/domain/auth/roles";
import { db } from "@/lib/db";
import { createApiToken, TOKEN_TABLE } from "@/lib/server/auth/api-token";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type ApiAnswer = {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { result?: unknown };
};

const tokens = new Map<number, string>();

/** A bearer token for the actor's user (one per user per test run). */
export async function tokenOf(actor: Actor): Promise<string> {
  if (!tokens.has(actor.id)) tokens.set(actor.id, (await createApiToken(actor.email, "test")).token);
  return tokens.get(actor.id)!;
}

/**
 * The audit rows beside the tokens': tokenOf makes a caller's token on its first request, and its
 * creation is audited (ADM-4) — not a change a request made.
 */
export const auditRowsBesideTokens = () => db().auditEntry.count({ where: { table: { not: TOKEN_TABLE } } });

export async function api(
  method: Method,
  path: string,
  opts: { as?: Actor; authorization?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const url = new URL(path, "http://caseflow.test");
  const headers = new Headers({ "content-type": "application/json" });
  if (opts.authorization) headers.set("authorization", opts.authorization);
  else if (opts.as) headers.set("authorization", `Bearer ${await tokenOf(opts.as)}`);
  const request = new NextRequest(url, {
    method,
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string"
          ? opts.body
          : JSON.stringify(opts.body),
  });
  const segments = url.pathname
    .replace(/^\/api\/now\//, "")
    .split("/")
    .map(decodeURIComponent);
  const response = await route[method](request, { params: Promise.resolve({ path: segments }) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : {}) as ApiAnswer["json"],
  };
}

export const records = (a: ApiAnswer) => a.json.result as Record<string, unknown>[];
export const record = (a: ApiAnswer) => a.json.result as Record<string, unknown>;
/** The message of an API-3 error answer. */
export const errorMessage = (a: ApiAnswer) => (a.json.error as { message: string }).message;
