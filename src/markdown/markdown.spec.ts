import { marked } from 'marked';
import { markdownToPlainText, markdownToSafeHtml, renderMarkdown } from './markdown';

describe('markdownToSafeHtml', () => {
  it('renders Markdown', () => {
    expect(markdownToSafeHtml('Hello **world**\n\n- one\n- two')).toBe(
      '<p>Hello <strong>world</strong></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<iframe src="https://evil.example"></iframe>'],
    ['<style>body{display:none}</style>'],
    ['[click](javascript:alert(1))'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['<svg onload=alert(1)></svg>'],
    ['<p onclick="alert(1)">x</p>'],
    ['<a href="&#106;avascript:alert(1)">x</a>'],
  ])('neutralises %s', (payload) => {
    const html = markdownToSafeHtml(payload);
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|<img|on\w+=|javascript:|data:/i);
  });

  it('keeps safe links and marks them noopener', () => {
    expect(markdownToSafeHtml('[site](https://example.com)')).toBe(
      '<p><a href="https://example.com" rel="noopener noreferrer">site</a></p>',
    );
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words and drops the syntax', () => {
    const markdown = [
      '# Heading',
      '',
      'Hello **bold** _it_ ~~gone~~ `code` \\*star\\* [a link](https://x.example) ![alt text](x.png)',
      '',
      '- one',
      '- two',
      '',
      '> quoted',
      '',
      '<div>block <i>html</i> &amp; more</div>',
      '',
      '```',
      'fenced',
      '```',
      '',
      '---',
      '',
      '[ref]: https://x.example',
    ].join('\n');
    expect(markdownToPlainText(markdown)).toBe(
      [
        'Heading',
        'Hello bold it gone code *star* a link alt text',
        'one\ntwo',
        'quoted',
        'block html & more',
        'fenced',
      ].join('\n\n'),
    );
  });

  it('keeps snake_case and lone asterisks', () => {
    expect(markdownToPlainText('use snake_case_names * and 2 * 3')).toBe(
      'use snake_case_names * and 2 * 3',
    );
  });

  it('returns the same string from the memo', () => {
    const text = `memo ${Math.random()} **x**`;
    expect(markdownToPlainText(text)).toBe(markdownToPlainText(text));
  });
});

describe('renderMarkdown', () => {
  it('interprets a text once for both its HTML and its plain text (a treatment summary is both)', () => {
    const lexer = jest.spyOn(marked, 'lexer');
    try {
      const text = `Summary ${Math.random()} with **bold** and a [link](https://example.com)`;
      const html = markdownToSafeHtml(text);
      const plain = markdownToPlainText(text);
      expect(renderMarkdown(text)).toEqual({ html, text: plain });
      expect(plain).toMatch(/^Summary .* with bold and a link$/);
      expect(html).toContain('<strong>bold</strong>');
      expect(lexer).toHaveBeenCalledTimes(1);
    } finally {
      lexer.mockRestore();
    }
  });
});
