import { cx } from "@/components/ui/cx";

/** The frame of the signed-out pages (/login, /forgot-password, /set-password): a centred card. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-100 to-brand-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            className={cx(
              "mx-auto mb-3 flex h-11 w-11 items-center justify-center",
              "rounded-xl bg-brand-600 text-lg font-bold text-white shadow",
            )}
          >
            C
          </div>
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-500">{subtitle}</p>}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        {footer && <div className="mt-4 text-center text-sm text-slate-600">{footer}</div>}
      </div>
    </main>
  );
}
