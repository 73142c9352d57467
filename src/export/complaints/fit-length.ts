// Cuts a draft field to a form's limit without cutting a fact in half: whole lines are kept while
// they fit, then a note says the rest is in the evidence bundle.

const MORE = '…（其余见证据包 report.html）';

export function charCount(text: string): number {
  return [...text].length;
}

export function fitLength(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  const budget = max - charCount(MORE);
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const cost = charCount(line) + (kept.length ? 1 : 0);
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  // A single first line longer than the budget is cut by characters instead.
  const body = kept.length ? kept.join('\n') : [...text].slice(0, Math.max(0, budget)).join('');
  return `${body}${MORE}`;
}

/** Head and tail lines always stay (who, what is asked, by when); only the middle (the timeline) is cut. */
export function fitAround(head: readonly string[], middle: readonly string[], tail: readonly string[], max: number): string {
  const fixed = [...head, ...tail].join('\n');
  const room = max - charCount(fixed) - (head.length ? 1 : 0) - (tail.length ? 1 : 0);
  const parts = [...head];
  if (middle.length && room > 0) parts.push(fitLength(middle.join('\n'), room));
  parts.push(...tail);
  return fitLength(parts.join('\n'), max);
}
