"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useMyWorkCounts, type MyWorkCounts } from "@/components/layout/my-work-nav";
import { MY_WORK_SECTIONS } from "@/lib/domain/my-work/sections";

/**
 * WRK-2: /my-work's sections follow the navigation's polled counts — when they differ from the
 * counts the page was drawn with, the page is drawn afresh (router.refresh: the server's rows, no
 * reload, no lost scroll). The page asks nothing itself (PERF-8: the poll is the navigation's).
 * One redraw per pair of counts: a page drawn after the poll's answer (newer than it) and still
 * differing is not redrawn again until the next answer, so a redraw never loops.
 */
export function LiveSections({ counts }: { counts: MyWorkCounts }) {
  const { data } = useMyWorkCounts();
  const router = useRouter();
  const redrawnFor = useRef<string | null>(null);
  useEffect(() => {
    const polled = data?.counts;
    if (!polled || !MY_WORK_SECTIONS.some((s) => polled[s.key] !== counts[s.key])) return;
    const pair = JSON.stringify([polled, counts]);
    if (redrawnFor.current === pair) return;
    redrawnFor.current = pair;
    router.refresh();
  }, [data, counts, router]);
  return null;
}
