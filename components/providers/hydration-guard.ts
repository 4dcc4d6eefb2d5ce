/**
 * Before React has hydrated the page, a control that only works with the page's script — a
 * `type="button"` button (open a dialog or a menu, save a view) or anything marked
 * `data-needs-script` (a row checkbox) — would take a click, or Enter/Space (the browser turns
 * them into a click), and do nothing, in silence. This inline script, in <head> before the page's
 * body, holds such clicks (in the capture phase on window, before anything on the page sees them)
 * while `<html data-hydrating>` is there, and clicks each held control once, in order, as soon as
 * HydrationMark removes the mark — as a mouse click or a keyboard one, as it came (`detail`: a menu
 * opened from the keyboard focuses its first item). Submit buttons and links are left alone: they
 * work without script. A page whose script never loads keeps holding: its controls could do nothing.
 *
 * Hand-written: React replays events only once its root listens (for parts not hydrated yet);
 * this covers the moments before that, while the page's script still loads.
 */
export const HYDRATION_GUARD = `(() => {
  const root = document.documentElement;
  const held = [];
  const hold = (event) => {
    if (!root.hasAttribute("data-hydrating") || !(event.target instanceof Element)) return;
    const control = event.target.closest('button[type="button"], [data-needs-script]');
    if (!control) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!held.some((h) => h.control === control)) held.push({ control, detail: event.detail });
  };
  addEventListener("click", hold, true);
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-hydrating")) return;
    observer.disconnect();
    removeEventListener("click", hold, true);
    const click = ({ control, detail }) =>
      control.isConnected &&
      control.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window, detail }));
    setTimeout(() => held.splice(0).forEach(click));
  }).observe(root, { attributes: true, attributeFilter: ["data-hydrating"] });
})();`;
