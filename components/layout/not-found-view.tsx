"use client";
import Link from "@/components/ui/link";

/**
 * The app's 404: a path no route has, or a record outside the reader's scope (which answers "not
 * found" like one that does not exist). A client component on purpose (PERF-8): Next puts the
 * not-found element of every layout into every page's RSC payload, and Next's own default is a
 * styled tree serialized twice per page; this is one reference.
 */
export function NotFoundView() {
  return (
    <div className="mx-auto my-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <title>Not found · Caseflow</title>
      <h1 className="text-lg font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page could not be found, or you have no access to it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Go to the start page
      </Link>
    </div>
  );
}
