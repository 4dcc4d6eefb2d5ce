"use client";
import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes } from "react";

/** The in-app path a click on `link` should navigate to with the router, or null to let it be. */
function inAppTarget(e: React.MouseEvent, link: HTMLAnchorElement): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href);
  return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
}

/** Navigates to `link` with the router when the click is the app's to handle (inAppTarget). */
function followInApp(e: React.MouseEvent, link: HTMLAnchorElement, router: ReturnType<typeof useRouter>) {
  const to = inAppTarget(e, link);
  if (!to) return;
  e.preventDefault();
  router.push(to);
}

/**
 * The app's link: an anchor that navigates in the app without a full page load, like Next's
 * `<Link>`, without what the app does not use of it (PERF-8). Every page is dynamic (per user, per
 * request): Next's default prefetches each link that scrolls into view by rendering its page on the
 * server — a case list of 25 rows cost 35 requests and ~450 ms of server CPU per view — so links
 * here never prefetch. And `<Link>` is a component with a dozen hooks per instance (most for that
 * prefetching); a case list drew 75 of them per request (rows, sort headers, navigation), 11–15% of
 * the list's and the case page's CPU, where this one has one hook. Hand-written on purpose: a click
 * with a modifier key, another button, a `target` or `download`, or to another origin is left to the
 * browser, as `<Link>` leaves it; Enter on a focused link is a click too; before hydration the link
 * simply loads its page. ESLint keeps `next/link` out of the code.
 */
export function Link({
  href,
  onClick,
  ...props
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      {...props}
      onClick={(e) => {
        onClick?.(e);
        followInApp(e, e.currentTarget, router);
      }}
    />
  );
}

/**
 * One click handler for every plain `<a>` inside a container (a table of 50 rows): the same in-app
 * navigation as `Link`, without a component per link — a case list drew ~55 of them (PERF-8).
 */
export function useLinkClicks(): React.MouseEventHandler<HTMLElement> {
  const router = useRouter();
  return (e) => {
    const link = (e.target as Element).closest?.("a[href]");
    if (link instanceof HTMLAnchorElement && e.currentTarget.contains(link)) followInApp(e, link, router);
  };
}
export default Link;
