"use client";
import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes } from "react";
import { inAppTarget } from "./link-navigation";

/**
 * The app's link: an anchor that navigates in the app without a full page load, like Next's
 * `<Link>`, without what the app does not use of it (PERF-8). Every page is dynamic (per user, per
 * request): Next's default prefetches each link that scrolls into view by rendering its page on the
 * server — a case list of 25 rows cost 35 requests and ~450 ms of server CPU per view — so links
 * here never prefetched; and `<Link>` costs a dozen hooks per instance on every server render
 * (components/ui/link-navigation.ts has the figures). ESLint keeps `next/link` out of the code.
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
        const to = inAppTarget(e, e.currentTarget);
        if (!to) return;
        e.preventDefault();
        router.push(to);
      }}
    />
  );
}
export default Link;
