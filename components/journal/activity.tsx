"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/domain/action-result";
import { JournalComposer } from "./composer";
import type { AttachTarget } from "@/components/cases/attachments/upload";
import { useLiveRecord } from "./live-record";
import { LiveTimeline } from "./live-timeline";
import { liveJournalKey } from "./use-live-journal";

type Post = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * The Activity section of a record page: the composer and the live timeline as siblings, so
 * news arriving in the timeline never remounts the composer or touches what is being typed.
 * After the agent's own post the page re-renders with the entry and the poll runs at once.
 */
export function LiveActivity({
  post,
  allowComments,
  attachTo,
}: {
  post: Post | null;
  allowComments?: boolean;
  /** The case whose composer also attaches a file (NOT-4). */
  attachTo?: AttachTarget;
}) {
  const { source } = useLiveRecord();
  const client = useQueryClient();
  return (
    <div className="space-y-4">
      {post && (
        <JournalComposer
          post={post}
          allowComments={allowComments}
          attachTo={attachTo}
          onPosted={() => void client.invalidateQueries({ queryKey: liveJournalKey(source), exact: true })}
        />
      )}
      <LiveTimeline />
    </div>
  );
}
