import { describe, expect, it } from "vitest";
import {
  FILE_NAME_MAX,
  contentDisposition,
  downloadContentType,
  downloadHeaders,
  formatSize,
  sanitizeFileName,
  storedContentType,
  internalOnlyOf,
} from "./files";

describe("attachment file names (NOT-4)", () => {
  it("NOT-4: a name loses its folder part, control and bidi characters and leading dots", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("in\u0000voice\r\n.txt")).toBe("invoice.txt");
    expect(sanitizeFileName("photo\u202egpj.exe")).toBe("photogpj.exe");
    expect(sanitizeFileName("...hidden")).toBe("hidden");
    expect(sanitizeFileName(". .htaccess")).toBe("htaccess");
    expect(sanitizeFileName(". .")).toBe("attachment");
    expect(sanitizeFileName("a.html. ")).toBe("a.html");
    expect(sanitizeFileName(`${"n".repeat(199)}. tail.averylongextension`)).toBe("n".repeat(199));
    expect(sanitizeFileName('a"b<c>.txt')).toBe("a_b_c_.txt");
    expect(sanitizeFileName("  ")).toBe("attachment");
    expect(sanitizeFileName("über café.txt")).toBe("über café.txt");
  });

  it("NOT-4: a long name is cut to 200 characters, keeping its extension", () => {
    const name = sanitizeFileName(`${"x".repeat(300)}.pdf`);
    expect(name).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("attachment downloads (NOT-4)", () => {
  it("NOT-4: HTML, SVG, XML and scripts are served as application/octet-stream", () => {
    for (const t of ["text/html", "image/svg+xml", "application/xml", "text/xml", "application/xhtml+xml"])
      expect(downloadContentType(t)).toBe("application/octet-stream");
    expect(downloadContentType("text/javascript; charset=utf-8")).toBe("application/octet-stream");
    expect(downloadContentType("text/plain", "page.html")).toBe("application/octet-stream");
    expect(downloadContentType("image/png", "logo.svg")).toBe("application/octet-stream");
  });

  it("NOT-4: other types keep their declared type, without parameters; nonsense is octet-stream", () => {
    expect(downloadContentType("text/plain; charset=utf-8", "a.txt")).toBe("text/plain");
    expect(downloadContentType("application/pdf", "a.pdf")).toBe("application/pdf");
    expect(storedContentType("Image/PNG")).toBe("image/png");
    expect(storedContentType("")).toBe("application/octet-stream");
    expect(storedContentType("text/plain\r\nX-Evil: 1")).toBe("application/octet-stream");
  });

  it("NOT-4: Content-Disposition is attachment, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("report.pdf")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(contentDisposition('über "x";.txt')).toBe(
      `attachment; filename="_ber _x__.txt"; filename*=UTF-8''%C3%BCber%20_x_%3B.txt`,
    );
  });

  it("NOT-4: every download is nosniff, sandboxed, private and never cached", () => {
    const h = downloadHeaders({ fileName: "x.svg", contentType: "image/svg+xml", size: 3 });
    expect(h).toMatchObject({
      "Content-Type": "application/octet-stream",
      "Content-Length": "3",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "sandbox; default-src 'none'",
    });
    expect(h["Content-Disposition"].startsWith("attachment;")).toBe(true);
  });

  it("NOT-4: sizes read as B, KB and MB", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(10 * 1024 * 1024)).toBe("10 MB");
  });

  it("NOT-4: Internal only is on, true or false (absent: false); anything else is refused naming it", () => {
    expect([null, "", "false", "off"].map(internalOnlyOf)).toEqual([false, false, false, false]);
    expect(["on", "true"].map(internalOnlyOf)).toEqual([true, true]);
    expect(() => internalOnlyOf("1")).toThrow(expect.objectContaining({ field: "internalOnly" }));
  });
});
