import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { LruMap } from '../common/lru-map';

/**
 * What rendered Markdown may contain. Anything else (script, style, iframe,
 * event handlers, javascript: and data: URLs) is dropped.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'b',
    'i',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/**
 * Rendered HTML by Markdown source. Rendering and sanitizing cost far more
 * than the rest of a page, and the same texts (brand copy, FAQ answers) come
 * back on every request, so each is rendered once per process. A pure
 * function's memo: nothing to invalidate, at most 16 MB.
 */
const rendered = new LruMap<string>(
  16 * 1024 * 1024,
  (key, html) => 2 * (key.length + html.length),
);

/** Markdown as written by editors → HTML that is safe to inject in a page. */
export function markdownToSafeHtml(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = sanitizeHtml(
      marked.parse(markdown, { async: false, gfm: true }),
      SANITIZE_OPTIONS,
    ).trim();
    rendered.set(markdown, html);
  }
  return html;
}
