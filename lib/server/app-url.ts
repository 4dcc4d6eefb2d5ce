import "server-only";
import { recordPath } from "@/lib/domain/records/tables";

/**
 * The address people reach Caseflow at, for links in emails (invitations, password resets) and the
 * link `npm run admin:create` prints: APP_URL (`https://support.example.com`; production sets it), or
 * http://localhost:$PORT. Never a request's Host header — anyone can send a request naming their own
 * host, and a reset link for someone else's account would then point there.
 */
export function appUrl(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** The full address of a record's page, for links in emails to internal users (the app's root if it has none). */
export function recordUrl(table: string, number: string): string {
  return `${appUrl()}${recordPath(table, number) ?? ""}`;
}
