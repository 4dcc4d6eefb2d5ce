/**
 * Before React has hydrated the page, a control that only works with the page's script — a
 * `type="button"` button (open a dialog or a menu, save a view) or anything marked
 * `data-needs-script` (a row checkbox) — would take a click, or Enter/Space (the browser turns
 * them into a click), and do nothing, in silence. This inline script, the first thing in <head>,
 * holds such clicks (in the capture phase on window, before anything on the page sees them) while
 * `<html data-hydrating>` is there, and clicks each held control once, in order, as soon as
 * HydrationMark removes the mark. Submit buttons and links are left alone: they work without script.
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
    if (!held.includes(control)) held.push(control);
  };
  addEventListener("click", hold, true);
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-hydrating")) return;
    observer.disconnect();
    removeEventListener("click", hold, true);
    setTimeout(() => held.splice(0).forEach((control) => control.isConnected && control.click()));
  }).observe(root, { attributes: true, attributeFilter: ["data-hydrating"] });
})();`;
