// WCAG 2.4.1 (bypass blocks): the first stop of the Tab key on every page with navigation before
// its content, hidden until focused. Following it focuses the page's <main id="main" tabIndex={-1}>,
// so the next Tab goes to the page's first field or button, not through the navigation again.
export const MAIN_ID = "main";

export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className={[
        "sr-only rounded-md bg-white text-sm font-medium text-brand-700 shadow-lg ring-2 ring-brand-500",
        "focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:px-3 focus:py-2",
      ].join(" ")}
    >
      Skip to main content
    </a>
  );
}
