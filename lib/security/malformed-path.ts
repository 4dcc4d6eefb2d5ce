// REL-1: a path whose percent-escapes do not decode (`/cases/%E0%A4%A`). Next 16.4.6 throws a
// DecodeError while matching it to a dynamic route and, in an App Router-only build (no
// pages/_error to render), answers a bare 500 — before any page runs. proxy.ts answers 404 first.
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
