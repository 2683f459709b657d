/** Long AWS text (log lines, descriptions) cut short, with the rest one click away. Always text, never HTML. */
export function LongText({ text, max = 240 }: { text: string; max?: number }) {
  if (text.length <= max) return <span className="break-words">{text}</span>;
  return (
    <details>
      <summary className="cursor-pointer break-words">
        {text.slice(0, max)}… <span className="text-brand-700 underline">show all</span>
      </summary>
      <span className="break-words whitespace-pre-wrap">{text}</span>
    </details>
  );
}
