/** A portal page's card: each section of a portal page sits in one (POR-1). */
export const PORTAL_CARD = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
