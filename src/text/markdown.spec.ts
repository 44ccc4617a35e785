import { markdownToSafeHtml } from './markdown';

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
