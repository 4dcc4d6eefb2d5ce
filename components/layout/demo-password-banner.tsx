/**
 * SET-1: shown on every workspace page while any active user still signs in with the demo password —
 * a demo install must never pass for a production one.
 */
export function DemoPasswordBanner() {
  return (
    <div
      role="region"
      aria-label="Demo passwords"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <strong className="font-semibold">Demo passwords are in use.</strong> Some users still sign in with the
      demo password “demo”. Before real use, each of them changes it (Change password, top right) — or start a
      production install without demo data (README “Production”).
    </div>
  );
}
