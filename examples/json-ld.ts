/**
 * The JSON-LD element of a page rendered from a template: `jsonLdScript`
 * goes in as it is, unescaped. It is already safe between the tags (`<`,
 * `>`, `&`, U+2028 and U+2029 are escaped), and HTML-escaping it would
 * break the JSON. Never JSON.stringify `jsonLd` yourself.
 */
export function jsonLdElement(jsonLdScript: string): string {
  return `<script type="application/ld+json">${jsonLdScript}</script>`;
}
