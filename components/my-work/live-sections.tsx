"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useMyWorkCounts, type MyWorkCounts } from "@/components/layout/my-work-nav";
import { MY_WORK_SECTIONS } from "@/lib/domain/my-work/sections";

/**
 * WRK-2: /my-work's sections follow the navigation's polled counts — when an answer brings counts
 * the page was not drawn with, the page is drawn afresh (router.refresh: the server's rows, no
 * reload, no lost scroll). The page asks nothing itself (PERF-8: the poll is the navigation's).
 * Each answer is acted on once: a first answer may predate the page (client navigation), so it
 * asks the counts afresh instead; a redraw never triggers another by itself.
 */
export function LiveSections({ counts }: { counts: MyWorkCounts }) {
  const { data } = useMyWorkCounts();
  const router = useRouter();
  const client = useQueryClient();
  const seen = useRef<object | null>(null);
  useEffect(() => {
    if (!data?.counts || data === seen.current) return;
    const first = seen.current === null;
    seen.current = data;
    const polled = data.counts;
    if (!MY_WORK_SECTIONS.some((s) => polled[s.key] !== counts[s.key])) return;
    if (first) void client.invalidateQueries({ queryKey: ["my-work-counts"] });
    else router.refresh();
  }, [data, counts, client, router]);
  return null;
}
