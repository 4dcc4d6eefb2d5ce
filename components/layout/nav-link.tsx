"use client";
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

/** `section`: a link to a part of a page (My work's sections) never marks itself current; its page link does. */
export function NavLink({
  href,
  children,
  section = false,
}: {
  href: string;
  children: React.ReactNode;
  section?: boolean;
}) {
  const path = usePathname();
  const active = section ? false : path === href || path.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cx(
        // wrap-anywhere: a long saved view name (one word of 60 letters) wraps, never spills into the page.
        "block rounded-md px-3 py-1.5 text-sm wrap-anywhere",
        active ? "bg-white/10 font-semibold text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
      )}
    >
      {children}
    </Link>
  );
}
