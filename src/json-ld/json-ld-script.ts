/**
 * JSON text that is safe between `<script type="application/ld+json">` and
 * `</script>`: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`,
 * so no value can close the script element or open a comment, and U+2028 /
 * U+2029 (line breaks to older JavaScript parsers) as `\u2028` / `\u2029`.
 * Those characters only ever occur inside JSON strings, where the escapes
 * mean the same characters, so the document parses to the same value.
 * The one serializer of every JSON-LD text the server sends.
 */
export function serializeJsonLd(document: object): string {
  return JSON.stringify(document).replace(UNSAFE, (ch) => ESCAPES[ch]);
}

const UNSAFE = /[<>&\u2028\u2029]/g;

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
