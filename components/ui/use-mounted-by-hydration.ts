"use client";
import { useState, useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * Whether this component first rendered as React hydrated the server's HTML (true), or mounted in
 * the browser later — after a client navigation, in a dialog (false). Only a field of the former
 * can have been changed by the person before the page's script ran; in the latter, a controlled
 * select's options say nothing of that (React marks none of them `defaultSelected`).
 * React renders with the server snapshot while hydrating and the client's otherwise.
 */
export function useMountedByHydration(): boolean {
  const hydrating = useSyncExternalStore(
    never,
    () => false,
    () => true,
  );
  const [first] = useState(hydrating);
  return first;
}
