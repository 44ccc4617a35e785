export type ArticleBlockKind = 'heading' | 'paragraph' | 'listItem';

export interface ArticleBlock {
  kind: ArticleBlockKind;
  text: string;
}

const LIST_MARKER = /^-\s+/;
// A closing quote or bracket may follow the punctuation (`…done.”`).
const TERMINAL_PUNCTUATION = /[.:!?]["'”’)\]]*$/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;

function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The article is plain text, one block per line: `- ` starts a list item,
 * a line ending in terminal punctuation is a paragraph, anything else is a
 * heading. Heading levels are not marked in the text.
 */
export function parseArticle(text: string): ArticleBlock[] {
  return nonEmptyLines(text).map((line): ArticleBlock => {
    if (LIST_MARKER.test(line)) {
      return { kind: 'listItem', text: line.replace(LIST_MARKER, '') };
    }
    if (TERMINAL_PUNCTUATION.test(line)) {
      return { kind: 'paragraph', text: line };
    }
    return { kind: 'heading', text: line };
  });
}

/**
 * Reads back the Markdown the seed builder writes (`#`…`######` headings,
 * `- ` list items, paragraphs separated by blank lines). Consecutive plain
 * lines form one paragraph, joined by a space as Markdown renders them.
 */
export function splitMarkdownBlocks(markdown: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    }
  };

  for (const rawLine of markdown.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line.length === 0) {
      flushParagraph();
    } else if (MARKDOWN_HEADING.test(line)) {
      flushParagraph();
      blocks.push({
        kind: 'heading',
        text: line.replace(MARKDOWN_HEADING, '').trim(),
      });
    } else if (LIST_MARKER.test(line)) {
      flushParagraph();
      blocks.push({ kind: 'listItem', text: line.replace(LIST_MARKER, '') });
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  return blocks;
}
