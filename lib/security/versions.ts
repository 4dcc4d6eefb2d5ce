// REL-5: the security floors of STACK.md — the lowest versions without known advisories.
import semver from "semver";

export const SECURITY_FLOORS: Record<string, string> = {
  next: "16.2.12",
  react: "19.2.8",
  "react-dom": "19.2.8",
  "next-auth": "5.0.0-beta.32",
};

/** Whether an installed version is at or above its floor (semver order: a pre-release sorts before its release). */
export const meetsFloor = (installed: string, floor: string): boolean => semver.gte(installed, floor);
