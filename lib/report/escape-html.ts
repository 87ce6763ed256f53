/**
 * Escaping for text placed in HTML. Every string that comes from an article (title, body, entities,
 * keys, error messages) goes through one of these before it reaches a page.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for element content and for double- or single-quoted attribute values. `&`, `<`, `>`,
 * both quotes are replaced, which is enough for both contexts (OWASP XSS Prevention Cheat Sheet, rules 1–2).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
