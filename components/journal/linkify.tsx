const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/**
 * JRN-4: journal text is plain text. React escapes it; only http(s) links become anchors.
 * Nothing in the text is ever interpreted as HTML.
 */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-brand-700 underline break-all"
          >
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
