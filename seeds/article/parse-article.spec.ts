import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseArticle, splitMarkdownBlocks } from './parse-article';

describe('parseArticle', () => {
  it('classifies headings, paragraphs and list items, one per line', () => {
    const text = [
      'An opening paragraph.',
      'A Heading',
      'Does it end in a question?',
      'It ends with a bang!',
      'Care includes:',
      '- First item',
      '-   Second item  ',
    ].join('\n');

    expect(parseArticle(text)).toEqual([
      { kind: 'paragraph', text: 'An opening paragraph.' },
      { kind: 'heading', text: 'A Heading' },
      { kind: 'paragraph', text: 'Does it end in a question?' },
      { kind: 'paragraph', text: 'It ends with a bang!' },
      { kind: 'paragraph', text: 'Care includes:' },
      { kind: 'listItem', text: 'First item' },
      { kind: 'listItem', text: 'Second item' },
    ]);
  });

  it('skips blank lines, trims, and handles CRLF', () => {
    expect(parseArticle('\r\n  Heading  \r\n\r\n   \r\n Body text. \r\n- item\r\n')).toEqual([
      { kind: 'heading', text: 'Heading' },
      { kind: 'paragraph', text: 'Body text.' },
      { kind: 'listItem', text: 'item' },
    ]);
  });

  it('treats punctuation followed by a closing quote as a paragraph end', () => {
    expect(parseArticle('She said “done.”')).toEqual([
      { kind: 'paragraph', text: 'She said “done.”' },
    ]);
  });

  it('keeps hyphenated words and a bare dash out of list items', () => {
    expect(parseArticle('-5% off today.\nMicro-Needling')).toEqual([
      { kind: 'paragraph', text: '-5% off today.' },
      { kind: 'heading', text: 'Micro-Needling' },
    ]);
  });

  it('parses the micro-needling article into its blocks', () => {
    const article = readFileSync(
      path.resolve(__dirname, '../source/micro-needling-article.txt'),
      'utf8',
    );
    const blocks = parseArticle(article);
    const count = (kind: string): number => blocks.filter((block) => block.kind === kind).length;

    expect(blocks[0].kind).toBe('paragraph');
    expect(count('heading')).toBe(22);
    expect(count('paragraph')).toBe(33);
    expect(count('listItem')).toBe(4);
    expect(blocks).toContainEqual({
      kind: 'heading',
      text: 'Is Micro-Needling Painful',
    });
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      text: 'Post-treatment care typically includes:',
    });
  });
});

describe('splitMarkdownBlocks', () => {
  it('reads headings of any level, list items and blank-line separated paragraphs', () => {
    const markdown = [
      '# Top',
      '## Second',
      '### Third',
      '',
      'First paragraph.',
      '',
      'Intro:',
      '',
      '- one',
      '- two',
      '',
      'Last paragraph.',
    ].join('\n');

    expect(splitMarkdownBlocks(markdown)).toEqual([
      { kind: 'heading', text: 'Top' },
      { kind: 'heading', text: 'Second' },
      { kind: 'heading', text: 'Third' },
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'paragraph', text: 'Intro:' },
      { kind: 'listItem', text: 'one' },
      { kind: 'listItem', text: 'two' },
      { kind: 'paragraph', text: 'Last paragraph.' },
    ]);
  });

  it('joins a paragraph wrapped over several lines and handles CRLF', () => {
    expect(splitMarkdownBlocks('A paragraph\r\nwrapped here.\r\n\r\nNext one.')).toEqual([
      { kind: 'paragraph', text: 'A paragraph wrapped here.' },
      { kind: 'paragraph', text: 'Next one.' },
    ]);
  });

  it('ends a paragraph at a heading or list item without a blank line', () => {
    expect(splitMarkdownBlocks('Text.\n- item\nMore.\n### Head')).toEqual([
      { kind: 'paragraph', text: 'Text.' },
      { kind: 'listItem', text: 'item' },
      { kind: 'paragraph', text: 'More.' },
      { kind: 'heading', text: 'Head' },
    ]);
  });

  it('returns nothing for empty Markdown', () => {
    expect(splitMarkdownBlocks('')).toEqual([]);
    expect(splitMarkdownBlocks('\n\n  \n')).toEqual([]);
  });
});
