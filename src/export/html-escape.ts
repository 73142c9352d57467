// Everything that came from a web page (titles, messages, URLs, order ids) is hostile until escaped.
// One escaper for text and attribute values alike: it escapes all five HTML-significant characters.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
