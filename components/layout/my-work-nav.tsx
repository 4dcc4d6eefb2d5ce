"use client";
import { useQuery } from "@tanstack/react-query";
import { onServer } from "@/components/providers/on-server";
import { MY_WORK_SECTIONS, type MyWorkSection } from "@/lib/domain/my-work/sections";
import { NavLink } from "./nav-link";

export type MyWorkCounts = Record<MyWorkSection, string>;
type Polled = { counts: MyWorkCounts | null; etag: string | null };

/** How often the counts are asked for while the tab is visible (a 304 when nothing changed). */
const POLL_MS = 20_000;

function useCountsQuery(): { data: Polled | undefined } {
  return useQuery({
    queryKey: ["my-work-counts"],
    queryFn: async ({ client, signal }): Promise<Polled> => {
      const prev = client.getQueryData<Polled>(["my-work-counts"]) ?? { counts: null, etag: null };
      const res = await fetch("/api/my-work", {
        signal,
        cache: "no-store",
        headers: { accept: "application/json", ...(prev.etag ? { "if-none-match": prev.etag } : {}) },
      });
      if (res.status === 304 || !res.ok) return prev;
      return { counts: (await res.json()) as MyWorkCounts, etag: res.headers.get("etag") };
    },
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

/** The counts are the browser's to ask for: on the server they are pending (components/providers/on-server.ts). */
export const useMyWorkCounts = onServer ? () => ({ data: undefined }) : useCountsQuery;

/**
 * WRK-2: My work in the navigation with the count of each section, kept current without reload:
 * polled like the live timeline (components/journal/use-live-journal.ts) — an ETag per answer, a 304
 * when nothing changed, paused in a hidden tab. The page itself does not count (its cost stays
 * the page's, PERF-8): the first answer arrives just after it, and client navigations keep it.
 */
export function MyWorkNav() {
  const { data } = useMyWorkCounts();
  return (
    <ul className="space-y-0.5">
      <li>
        <NavLink href="/my-work">My work</NavLink>
      </li>
      {MY_WORK_SECTIONS.map((s) => (
        <li key={s.key}>
          <NavLink href={`/my-work#my-work-${s.key}`} section>
            <span className="flex items-center justify-between gap-2 pl-2 text-[13px]">
              {s.title}
              <span
                className="rounded-full bg-white/10 px-1.5 text-[11px] font-semibold tabular-nums"
                aria-label={data?.counts ? `${data.counts[s.key]} cases` : "counting"}
              >
                {data?.counts?.[s.key] ?? "…"}
              </span>
            </span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
