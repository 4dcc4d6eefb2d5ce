import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { normalizeEmail } from "@/lib/domain/directory/email";
import { controlCharacterIn } from "@/lib/domain/validation";
import { actorForBearer } from "../auth/api-token";
import { checkCredentials, throttleKeys } from "../auth/credentials";
import { blockedMs } from "../auth/throttle-store";
import { loadActor } from "../auth/load-actor";
import { noteRequestUser } from "../ops/request-user";

/** A refusal of the API's authentication: 401, or 429 while sign-in attempts are throttled. */
export class ApiAuthError extends Error {
  constructor(
    readonly status: 401 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Passwords already verified, so a script's every request does not pay bcrypt (~70 ms, which
 * would rule out PERF-6's 50 requests/s). A hit needs the same email, password digest AND the
 * user's current password hash: a changed password misses, and the user is loaded (active,
 * roles) on every request anyway. Bounded; the oldest entry goes first.
 */
const verified = new Map<string, string>();
const VERIFIED_MAX = 1_000;
const digest = (email: string, password: string) =>
  createHash("sha256").update(`${email}\u0000${password}`).digest("hex");

/**
 * REL-5: one password check at a time per email, password and client address in this process.
 * A script that starts with many requests at once (or a node just restarted, its cache empty)
 * would otherwise send each one to the throttle, which admits only a few attempts per email in
 * flight — and refuse the rest with 429 although the password is right. The parallel requests
 * share the first one's answer; a wrong password is still one counted attempt.
 */
const checking = new Map<string, ReturnType<typeof checkCredentials>>();
function checkOnce(key: string, email: string, password: string, ip: string | null) {
  const flightKey = `${key}\u0000${ip ?? ""}`;
  let check = checking.get(flightKey);
  if (!check) {
    check = checkCredentials(email, password, ip).finally(() => checking.delete(flightKey));
    checking.set(flightKey, check);
  }
  return check;
}

async function basicActor(encoded: string, ip: string | null): Promise<Actor> {
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw new ApiAuthError(401, "The Basic credentials are malformed (email:password).");
  // REL-8: no stored email holds a control character (PostgreSQL refused U+0000 with a 500, before any
  // check): such credentials are simply wrong.
  if (controlCharacterIn(decoded.slice(0, colon))) throw new ApiAuthError(401, "User Not Authenticated.");
  const email = normalizeEmail(decoded.slice(0, colon)); // as stored and as sign-in reads it (SET-2)
  const password = decoded.slice(colon + 1);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const key = digest(email, password);
  const cached = !!user?.passwordHash && verified.get(key) === user.passwordHash;
  // REL-5: a cached password skips bcrypt, never the throttle — while the email (or the client
  // address) is blocked, the right password is refused too, exactly as at sign-in.
  const blocked = cached ? await blockedMs(throttleKeys(email, ip), new Date()) : 0;
  if (blocked > 0)
    throw new ApiAuthError(
      429,
      "Too many failed sign-in attempts; try again later.",
      Math.ceil(blocked / 1000),
    );
  if (!cached) {
    const check = await checkOnce(key, email, password, ip);
    if (!check.ok && check.reason === "throttled")
      throw new ApiAuthError(429, "Too many failed sign-in attempts; try again later.", check.retryInSeconds);
    if (!check.ok || !user?.passwordHash) throw new ApiAuthError(401, "User Not Authenticated.");
    // REL-5: a shared check (checkOnce) may have read an older hash than this request did — the
    // password was changed while it ran. The password is not known to open the current hash:
    // refuse, and cache nothing (caching it beside the new hash let the old password in for good).
    if (check.passwordHash !== user.passwordHash) throw new ApiAuthError(401, "User Not Authenticated.");
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(key, check.passwordHash);
  }
  const actor = await loadActor(user.id);
  if (!actor) throw new ApiAuthError(401, "User Not Authenticated.");
  return actor;
}

/**
 * API-3: the user of a Table API request — HTTP Basic with email and password (throttled like
 * sign-in, REL-5) or a bearer API token (ADM-4). A deactivated user (ADM-3) or a revoked token
 * is refused on the very next request: nothing about the user is cached.
 */
export async function apiActor(headers: Headers, ip: string | null): Promise<Actor> {
  const actor = await apiActorOf(headers, ip);
  noteRequestUser(actor.id); // OPS-3: the request's log line names its user
  return actor;
}

async function apiActorOf(headers: Headers, ip: string | null): Promise<Actor> {
  const header = headers.get("authorization") ?? "";
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (basic) return basicActor(basic[1], ip);
  if (/^Bearer\s/i.test(header)) {
    const check = await actorForBearer(header);
    if (!check.ok) throw new ApiAuthError(401, check.message);
    return check.actor;
  }
  throw new ApiAuthError(401, "Required to provide Auth information (Basic or Bearer).");
}
