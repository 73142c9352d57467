// Cuts a draft field to a form's limit without cutting a fact in half. A field is built of parts in
// reading order, each with a priority: parts that must stay (who, which order, what is asked, by
// when) are never dropped; optional parts (timeline lines, quotations, further records) are dropped
// lowest priority first, later before earlier, and a closing note then says the rest is in the
// evidence bundle. Only when the kept parts alone are too long is the opening cut by characters.

export interface DraftPart {
  text: string;
  /** 0 = must stay; higher numbers are dropped first. */
  drop: number;
}

export function charCount(text: string): number {
  return [...text].length;
}

export function fitParts(parts: readonly DraftPart[], max: number, more: string): string {
  const kept = parts.filter((part) => part.text.length > 0);
  const join = (list: readonly DraftPart[]) => list.map((part) => part.text).join('\n');
  if (charCount(join(kept)) <= max) return join(kept);
  const order = kept
    .map((part, index) => ({ part, index }))
    .filter(({ part }) => part.drop > 0)
    .sort((a, b) => b.part.drop - a.part.drop || b.index - a.index);
  const dropped = new Set<DraftPart>();
  const withNote = () => {
    const rest = kept.filter((part) => !dropped.has(part));
    return `${join(rest)}\n${more}`;
  };
  for (const { part } of order) {
    dropped.add(part);
    if (charCount(withNote()) <= max) return withNote();
  }
  // Even the parts that must stay are too long: the opening is cut, never what is asked at the end.
  const rest = kept.filter((part) => !dropped.has(part));
  const tail = `${join(rest.slice(1))}\n${more}`;
  const room = max - charCount(tail) - 1;
  return room > 1 ? `${cutChars(rest[0]!.text, room)}\n${tail}` : cutChars(tail, max);
}

/** A single text cut to `max` characters, ending in an ellipsis when cut. */
export function cutChars(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
