import "server-only";
// "PasswordToken": the one-time links to /set-password (SET-1, SET-4).
import type { Tx } from "@/lib/db";

export type NewPasswordToken = {
  userId: number;
  purpose: string;
  tokenHash: string;
  requestKey: string | null;
  createdById: number | null;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * Inserts a link and answers its id; null when a link with the same `requestKey` exists already
 * (a second Invite click makes nothing).
 */
export async function insertPasswordToken(tx: Tx, t: NewPasswordToken): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: unknown }[]>`
    INSERT INTO "PasswordToken"
      ("userId", "purpose", "tokenHash", "requestKey", "createdById", "createdAt", "expiresAt")
    VALUES (${t.userId}, ${t.purpose}, ${t.tokenHash}, ${t.requestKey}, ${t.createdById},
      ${t.createdAt}, ${t.expiresAt})
    ON CONFLICT ("requestKey") DO NOTHING
    RETURNING "id"`;
  return rows.length ? Number(rows[0].id) : null;
}
