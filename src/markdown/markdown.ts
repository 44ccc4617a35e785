import { marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { TextMemo } from '../common/text-memo';

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

/** What editors' Markdown becomes: safe HTML for pages, plain text for JSON-LD. */
export interface RenderedMarkdown {
  /** Sanitized HTML, safe to inject in a page. */
  html: string;
  /** The words a reader sees, without syntax (JSON-LD descriptions). */
  text: string;
}

/**
 * Both renderings of each text by Markdown source, from one parse. Rendering
 * costs far more than the rest of a page (and a planted pathological text
 * costs much more), while the same texts (brand copy, FAQ answers, bios)
 * come back on every request and a page often wants both forms (a
 * treatment's summary as `summaryHtml` and as its JSON-LD description), so
 * each text is lexed once per process. A pure function's memo: nothing to
 * invalidate, at most 32 MB.
 */
const rendered = new TextMemo<RenderedMarkdown>(
  32 * 1024 * 1024,
  (out) => 2 * (out.html.length + out.text.length),
);

/** The one Markdown interpreter: marked's tokens, walked for the text and rendered for the HTML. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  return rendered.get(markdown, () => {
    // The options marked.parse(markdown, { async: false, gfm: true }) uses.
    const options = { ...marked.defaults, async: false, gfm: true } as const;
    const tokens = marked.lexer(markdown, options);
    // The text first: the walk only reads the tokens.
    const text = blocksText(tokens)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const html = sanitizeHtml(marked.parser(tokens, options), SANITIZE_OPTIONS).trim();
    return { html, text };
  });
}

/** Markdown as written by editors → HTML that is safe to inject in a page. */
export const markdownToSafeHtml = (markdown: string): string => renderMarkdown(markdown).html;

/**
 * What delivered objects whose `htmlField` is their `markdownField` as safe
 * HTML are made from (`Object.assign(Object.create(prototype), fields)`): a
 * getter answers the HTML stored when the text was written (the object's
 * `storedHtmlField`, see stored-renderings.ts) or renders it, through the
 * memo above, only when a query reads it. A plain property rather than a
 * Nest field resolver, whose wrapper made every object of a list
 * asynchronous (FAQs, sections, providers: docs/benchmarks.md, rounds 2 and
 * 4). On a shared prototype rather than in each object literal, which V8
 * builds slowly when it holds a getter.
 */
export function markdownHtmlPrototype<K extends string>(
  markdownField: string,
  htmlField: K,
  storedHtmlField?: string,
): Record<K, string> {
  return Object.defineProperty({} as Record<K, string>, htmlField, {
    get(this: Record<string, string | null | undefined>): string {
      const stored = storedHtmlField ? this[storedHtmlField] : null;
      return stored ?? markdownToSafeHtml(this[markdownField]!);
    },
  });
}

/** Markdown → plain text (for JSON-LD descriptions): the words a reader sees, without syntax. */
export const markdownToPlainText = (markdown: string): string => renderMarkdown(markdown).text;

function blocksText(tokens: Token[]): string {
  return tokens
    .map(blockText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return '';
    case 'code':
      return (token as Tokens.Code).text;
    case 'html':
      return htmlText((token as Tokens.HTML).text);
    case 'list':
      return (token as Tokens.List).items.map((item) => blocksText(item.tokens)).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows]
        .map((row) => row.map((cell) => inlineText(cell.tokens)).join(' | '))
        .join('\n');
    }
    case 'blockquote':
      return blocksText((token as Tokens.Blockquote).tokens);
    default:
      return 'tokens' in token && token.tokens ? inlineText(token.tokens) : textOf(token);
  }
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'html':
          return ''; // an inline tag; the text around it is its own token
        case 'image':
          return (token as Tokens.Image).text; // the alt text
        case 'codespan':
        case 'escape':
          return textOf(token);
        default:
          return 'tokens' in token && token.tokens ? inlineText(token.tokens) : textOf(token);
      }
    })
    .join('');
}

function textOf(token: Token): string {
  return 'text' in token && typeof token.text === 'string' ? token.text : '';
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** A raw HTML block → its text (sanitize-html drops every tag, then its entities are undone). */
function htmlText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
    .trim();
}
