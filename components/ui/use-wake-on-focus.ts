"use client";
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";

/**
 * PERF-8: a typeahead drawn as a plain input until first focused (the pickers, the header's
 * Search). `woken` is null while dormant; a focus wakes it with the plain input itself, whose text
 * the real one takes (useWokenText). React does not replay a focus from before hydration, so a
 * plain input that already has focus when the page hydrates wakes then.
 */
export function useWakeOnFocus() {
  const [woken, setWoken] = useState<HTMLInputElement | null>(null);
  const plain = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (plain.current && document.activeElement === plain.current) setWoken(plain.current);
  }, []);
  const onFocus = (e: React.FocusEvent<HTMLInputElement>) => setWoken(e.currentTarget);
  return { woken, plain, onFocus };
}

/**
 * The woken input's text, with what the plain input `from` held. Read when the real input first
 * renders and again once it is in the page: a wake is not drawn at once (one from the hydration
 * check waits for React's next render), and text typed into the plain input in between — while
 * it still had focus — would otherwise be dropped with it (CI lost a search that way). After the
 * swap the plain input is out of the page, so what it holds then is final.
 * `then(text)` runs with that text, in the same commit, unless focus has moved elsewhere since
 * (it puts focus and the caret in the real input).
 */
export function useWokenText(
  from: HTMLInputElement,
  then: (text: string) => void,
): [string, Dispatch<SetStateAction<string>>] {
  const [text, setText] = useState(() => from.value);
  const mounted = useRef({ from, then });
  useLayoutEffect(() => {
    const typed = mounted.current.from.value;
    setText(typed);
    // The focused plain input has just left the page, so focus is on the body; where it is not,
    // the person moved on before a wake from the hydration check was drawn: focus stays there.
    const focus = document.activeElement;
    if (!focus || focus === document.body) mounted.current.then(typed);
  }, []);
  return [text, setText];
}
