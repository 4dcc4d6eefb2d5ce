// How the workspace writes times: en-GB, in the server's zone (TZ, default UTC). Formatted on the
// server (pages, the journal route) so every reader sees the same text; the zone is configuration,
// read once, and formatting stays a pure function of the date.
const timeZone = process.env.TZ || "UTC";

const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone });

/** A date and time as the workspace shows it, in the server's zone (TZ, default UTC). */
export const formatDateTime = (d: Date) => FORMAT.format(d);
/** The time of day alone ("14:02"), same zone. */
export const formatTime = (d: Date) => TIME.format(d);
