// A name as it is matched — accounts (SET-2, SET-3), assignment groups (WRK-1), standard change
// templates (ITSM-1): trimmed, runs of white space as one space, NFKC (full-width letters as plain
// ones), lower case. "ACME  Corporation" and "Acme Corporation" are one name.
export const nameKey = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
