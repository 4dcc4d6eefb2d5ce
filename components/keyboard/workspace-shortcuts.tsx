import { canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { KeyboardShortcuts } from "./keyboard-shortcuts";

/** WRK-6 in the workspace layout: `c` (New case) for those the New case button is shown to. */
export function WorkspaceShortcuts({ actor }: { actor: Actor }) {
  return <KeyboardShortcuts canCreateCases={canWriteCases(actor)} />;
}
