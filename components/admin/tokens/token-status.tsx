"use client";
import { useRef, useState, type ReactNode } from "react";
import { revokeApiTokenAction } from "@/app/(workspace)/admin/api-tokens/actions";
import { ConfirmRowAction } from "@/components/admin/confirm-row-action";
import { RowOutcome } from "@/components/admin/row-outcome";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * ADM-4: a token's status cell — Revoke (after a confirmation) while it works, `revoked` (the badge,
 * rendered on the server) once it does not. The cell stays when Revoke goes, so focus returns to it
 * and the answer is announced there.
 */
export function TokenStatus({
  id,
  name,
  userName,
  revoked,
}: {
  id: number;
  name: string;
  userName: string;
  revoked: ReactNode | null;
}) {
  const [outcome, setOutcome] = useState<ActionResult | null>(null);
  const cell = useRef<HTMLDivElement>(null);
  return (
    <div ref={cell} tabIndex={-1} className="flex flex-wrap items-center gap-1 outline-none">
      {revoked ?? (
        <ConfirmRowAction
          action={revokeApiTokenAction}
          fields={{ id: String(id) }}
          label="Revoke"
          title={`Revoke the token "${name}"?`}
          intro={
            `Requests with it are refused from now on (401); ${userName} keeps their other tokens. ` +
            "A revoked token cannot be restored."
          }
          pendingText="Revoking…"
          onDone={setOutcome}
          returnFocus={cell}
        />
      )}
      <RowOutcome result={outcome} />
    </div>
  );
}
