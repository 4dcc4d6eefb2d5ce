"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useLiveRecord } from "./live-record";
import { cx } from "@/components/ui/cx";

/**
 * REC-6, said before the save fails: when the live poll reports a newer version of the record
 * than the page was rendered with, saved by someone else, the page names who and when. The
 * agent's own saves re-render the page with the new version, so they never raise it. Reload
 * refreshes the server-rendered page in place: the forms show the stored values and the
 * composer keeps what is being typed.
 */
export function ConflictBanner({ noun }: { noun: string }) {
  const { version, live } = useLiveRecord();
  const router = useRouter();
  const [reloading, startReload] = useTransition();
  const stamp = live.data.record;
  if (!stamp || stamp.version <= version || stamp.self) return null;
  return (
    <div
      role="status"
      className={cx(
        "flex flex-wrap items-center justify-between gap-3",
        "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950",
      )}
    >
      <p>
        <span className="font-semibold">{stamp.savedBy ?? "Someone"}</span> saved this {noun} at{" "}
        {stamp.savedAt} — reload to see their changes.
      </p>
      <Button onClick={() => startReload(() => router.refresh())} disabled={reloading}>
        {reloading ? "Reloading…" : "Reload"}
      </Button>
    </div>
  );
}
