"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";

/**
 * Client-side navigation for plain `<a href>` links (PERF-8). Hand-written on purpose: Next's
 * `<Link>` is a component with a dozen hooks per instance (its prefetch machinery, which this app
 * turns off — components/ui/link.tsx says why), and a case list drew 75 of them per request on the
 * server (the rows, the sort headers, the navigation); they cost 11–15% of the list's and the case
 * page's CPU. A click with a modifier key, another button, a `target` or `download`, or to another
 * origin is left to the browser, as `<Link>` leaves it; Enter on a focused link is a click too.
 * Before hydration the links simply load their page.
 */

/** The in-app path a click on `link` should navigate to with the router, or null to let it be. */
export function inAppTarget(e: React.MouseEvent, link: HTMLAnchorElement): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href);
  return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
}

/**
 * One handler for every link inside an element (give it the element's `onClick`): long lists
 * render plain anchors, no component per link.
 */
export function useLinkNavigation() {
  const router = useRouter();
  return useCallback(
    (e: React.MouseEvent<HTMLElement>) => {
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || !e.currentTarget.contains(link)) return;
      const to = inAppTarget(e, link);
      if (!to) return;
      e.preventDefault();
      router.push(to);
    },
    [router],
  );
}
