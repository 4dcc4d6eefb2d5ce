"use client";
import { useEffect } from "react";

/**
 * The server renders `<html data-hydrating>`; this removes it once React has taken over the page.
 * Until then, controls that only work with the page's script — `type="button"` buttons (open a
 * dialog, a menu, select rows) and anything marked `data-needs-script` — take no pointer input
 * (app/globals.css): a click in the first moments of a slow load would otherwise move focus and do
 * nothing, in silence. Submit buttons keep working without script (progressive enhancement).
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.removeAttribute("data-hydrating");
  }, []);
  return null;
}
