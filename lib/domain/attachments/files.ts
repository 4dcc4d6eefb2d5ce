// NOT-4: the pure rules of case attachments — how a file's name is kept, which type a download is
// served with, and its Content-Disposition. The service (lib/server/attachments/) stores and reads.
import { invalid } from "../errors";
import { wellFormedText } from "../unicode";

/** The longest file name kept (characters); longer names are shortened, keeping the extension. */
export const FILE_NAME_MAX = 200;

/**
 * A file name as uploaded or mailed, made safe to store and to offer for download: no folder
 * part (either slash), no control or bidi-override characters, no leading dots nor trailing dots or
 * spaces, at most FILE_NAME_MAX characters (the extension kept). "attachment" when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = wellFormedText(raw).split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // C0/C1 controls, and the bidi overrides that make "exe.txt" read as "txt.exe".
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    // No leading dots (a hidden ".htaccess", also from ". .htaccess"), nor trailing ones or spaces,
    // which Windows drops on saving: "a.html." would bypass the extension rules and save as a.html.
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!cleaned) return "attachment";
  const chars = Array.from(cleaned);
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  const keepExt = ext.length > 0 && ext.length <= 16 ? ext : [];
  // The cut may end in a dot or a space again (no extension kept): stripped as above.
  const cut = chars.slice(0, FILE_NAME_MAX - keepExt.length).join("") + keepExt.join("");
  return cut.replace(/[.\s]+$/, "") || "attachment";
}

/**
 * Types a browser could run or render as a page (HTML, SVG, XML, scripts): always served as
 * application/octet-stream, whatever the uploader declared.
 */
const ACTIVE = /(html|svg|xml|javascript|ecmascript|jscript|vbscript|x-sh|xsl|wasm)/i;
/** A plausible declared type: type/subtype with token characters only (no parameters kept). */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

/** The declared type as stored: lower case, parameters dropped, octet-stream when implausible. */
export function storedContentType(declared: string | null | undefined): string {
  const type = (declared ?? "").split(";")[0].trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : "application/octet-stream";
}

/** NOT-4: the Content-Type a download is served with — never one a browser renders as a page. */
export function downloadContentType(stored: string, fileName = ""): string {
  const type = storedContentType(stored);
  if (ACTIVE.test(type) || /\.(html?|xhtml|svgz?|xml|xsl|js|mjs)$/i.test(fileName))
    return "application/octet-stream";
  return type;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266):
 * old clients take the fallback (non-ASCII and quotes replaced), others the exact name.
 */
export function contentDisposition(fileName: string): string {
  const name = sanitizeFileName(fileName);
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers of every download (NOT-4, REL-5): never inline, never sniffed, never cached. */
export function downloadHeaders(a: { fileName: string; contentType: string; size: number }) {
  return {
    "Content-Type": downloadContentType(a.contentType, a.fileName),
    "Content-Length": String(a.size),
    "Content-Disposition": contentDisposition(a.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "sandbox; default-src 'none'",
  };
}

/** "512 B", "1.5 KB", "10 MB" for the list. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / 1024 / 1024, "MB"];
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${unit}`;
}

/** The limit property's MB as bytes. */
export const megabytes = (mb: number) => mb * 1024 * 1024;

export const tooLargeMessage = (limitMb: number) =>
  `The file is larger than ${limitMb} MB, the largest a case accepts. Nothing was attached.`;

/** One row of a case's Attachments list (never the bytes). */
export type AttachmentItem = {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  internalOnly: boolean;
  uploadedByName: string;
  createdAt: Date;
};

/**
 * NOT-4: the upload's Internal only field — the form's box ("on"), or an API client's true/false;
 * absent (or empty, off) is false. Anything else is refused naming the field: "1" or "yes" from a
 * script stored a customer-visible file.
 */
export function internalOnlyOf(flag: unknown): boolean {
  if (flag === null || flag === undefined || flag === "" || flag === "false" || flag === "off") return false;
  if (flag === "on" || flag === "true") return true;
  throw invalid("internalOnly", "Internal only must be on, true or false.");
}
