import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ArticleBlock, parseArticle } from '../article/parse-article';

export interface TreatmentSectionSeed {
  key: string;
  heading: string;
  /** Markdown: H3 headings as `### Heading`, blocks separated by blank lines, list items as `- item`. */
  body: string;
}

export interface FactRange {
  min: number;
  max: number;
}

export interface SourcedFact<T> {
  value: T;
  /** The exact article sentence(s) the value comes from. */
  quote: string;
}

export interface FaqSeed {
  key: string;
  question: string;
  /** Markdown: the article's blocks under `sourceHeading`, verbatim. */
  answer: string;
  position: number;
  sourceHeading: string;
}

export interface MicroNeedlingContent {
  slug: 'micro-needling';
  name: 'Micro-Needling';
  aliases: string[];
  summary: string;
  sections: TreatmentSectionSeed[];
  facts: {
    durationMinutes: SourcedFact<FactRange>;
    recoveryDays: SourcedFact<FactRange>;
    sessions: SourcedFact<FactRange>;
    sessionIntervalWeeks: SourcedFact<FactRange>;
    maintenancePerYear: SourcedFact<FactRange>;
  };
  aftercare: SourcedFact<string[]>;
  contraindications: SourcedFact<string[]>;
  combinesWith: SourcedFact<string[]>;
  faqs: FaqSeed[];
}

export const ARTICLE_FILE_NAME = 'micro-needling-article.txt';

/** The article's top-level (H2) headings, in order; every other heading is an H3. */
export const SECTION_HEADINGS = [
  {
    key: 'how-it-works',
    heading: 'How Micro-Needling Works Beneath the Surface',
  },
  { key: 'benefits', heading: 'Benefits of Micro-Needling Services' },
  {
    key: 'what-to-expect',
    heading: 'What to Expect Before, During, and After Treatment',
  },
  { key: 'common-concerns', heading: 'Clearing Up Common Concerns' },
  {
    key: 'customizing-your-plan',
    heading: 'Customizing Your Micro-Needling Plan',
  },
  { key: 'final-thoughts', heading: 'Final Thoughts' },
] as const;

/** FAQs in article order; each answer is every block under its H3 heading. */
const FAQ_SOURCES = [
  {
    key: 'what-happens-during-the-procedure',
    sourceHeading: 'What Happens During the Procedure',
  },
  { key: 'recovery-and-aftercare', sourceHeading: 'Recovery and Aftercare' },
  {
    key: 'is-micro-needling-painful',
    sourceHeading: 'Is Micro-Needling Painful',
  },
  {
    key: 'who-should-avoid-micro-needling',
    sourceHeading: 'Who Should Avoid Micro-Needling',
  },
  {
    key: 'how-does-micro-needling-compare-to-other-treatments',
    sourceHeading: 'How Micro-Needling Compares to Other Treatments',
  },
  {
    key: 'can-micro-needling-be-combined-with-other-treatments',
    sourceHeading: 'Combining Micro-Needling with Other Treatments',
  },
  {
    key: 'how-many-sessions-are-needed',
    sourceHeading: 'How Many Sessions Are Needed',
  },
] as const;

/**
 * Headings that do not read as a question once sentence-cased and given a
 * `?`. Every other FAQ question is exactly its heading in sentence case.
 */
export const FAQ_QUESTION_REPHRASINGS: Readonly<Record<string, string>> = {
  'Recovery and Aftercare': 'What does recovery and aftercare involve?',
  'How Micro-Needling Compares to Other Treatments':
    'How does micro-needling compare to other treatments?',
  'Combining Micro-Needling with Other Treatments':
    'Can micro-needling be combined with other treatments?',
};

/**
 * Where a list value is a noun form of what its quote says, the word the
 * quote actually uses. The article says "who are pregnant"; the list item is
 * "Pregnancy".
 */
export const QUOTE_WORDING_FOR_ITEM: Readonly<Record<string, string>> = {
  Pregnancy: 'pregnant',
};

const AFTERCARE_INTRO = 'Post-treatment care typically includes:';
const AFTERCARE_ITEMS = [
  'Using gentle cleansers and moisturizers',
  'Applying broad-spectrum sunscreen daily',
  'Avoiding intense workouts, heat, and exfoliants for several days',
  'Skipping retinoids and acids until the skin fully recovers',
];

const SESSIONS_QUOTE =
  'Most providers recommend three to six sessions spaced four to six weeks apart.';

// A paragraph starting like this would be read back as another Markdown block.
const MARKDOWN_BLOCK_SYNTAX = /^(#|[-*+]\s|>|\d+[.)]\s|```|~~~)/;

export function resolveArticlePath(): string {
  const candidates = [
    path.resolve(__dirname, '../source', ARTICLE_FILE_NAME),
    // Compiled to dist/seeds/content/ by `nest build`, which copies no assets.
    path.resolve(__dirname, '../../../seeds/source', ARTICLE_FILE_NAME),
    path.resolve(process.cwd(), 'seeds/source', ARTICLE_FILE_NAME),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Micro-needling source article not found; looked in:\n${candidates.join('\n')}`,
    );
  }
  return found;
}

export function readMicroNeedlingArticle(): string {
  return readFileSync(resolveArticlePath(), 'utf8');
}

export function buildMicroNeedlingContent(): MicroNeedlingContent {
  return buildMicroNeedlingContentFrom(readMicroNeedlingArticle());
}

/** Pure: builds the seed from the article's text; throws if its structure has changed. */
export function buildMicroNeedlingContentFrom(article: string): MicroNeedlingContent {
  const blocks = parseArticle(article);
  const [summary, ...rest] = blocks;
  if (summary?.kind !== 'paragraph') {
    fail('the article must open with one summary paragraph');
  }
  if (rest[0]?.kind !== 'heading' || rest[0].text !== SECTION_HEADINGS[0].heading) {
    fail(`the summary paragraph must be followed by the heading "${SECTION_HEADINGS[0].heading}"`);
  }
  for (const block of blocks) {
    if (block.kind === 'paragraph' && MARKDOWN_BLOCK_SYNTAX.test(block.text)) {
      fail(`paragraph would not survive as Markdown: "${block.text}"`);
    }
  }

  const sectionBlocks = splitIntoSections(rest);
  const subsections = splitIntoSubsections(sectionBlocks);
  const quote = (text: string): string => requireQuote(blocks, text);

  return {
    slug: 'micro-needling',
    name: 'Micro-Needling',
    aliases: ['Collagen induction therapy'],
    summary: summary.text,
    sections: SECTION_HEADINGS.map(({ key, heading }, index) => ({
      key,
      heading,
      body: toMarkdown(sectionBlocks[index]),
    })),
    facts: {
      durationMinutes: {
        value: { min: 30, max: 90 },
        quote: quote('The procedure usually lasts between 30 and 90 minutes.'),
      },
      recoveryDays: {
        value: { min: 1, max: 2 },
        quote: quote(
          'Redness and mild swelling are common and usually subside within one to two days.',
        ),
      },
      sessions: { value: { min: 3, max: 6 }, quote: quote(SESSIONS_QUOTE) },
      sessionIntervalWeeks: {
        value: { min: 4, max: 6 },
        quote: quote(SESSIONS_QUOTE),
      },
      maintenancePerYear: {
        value: { min: 1, max: 2 },
        quote: quote(
          'Maintenance treatments once or twice a year help preserve collagen levels and skin quality.',
        ),
      },
    },
    aftercare: {
      value: requireListAfter(blocks, AFTERCARE_INTRO, AFTERCARE_ITEMS),
      quote: quote(AFTERCARE_INTRO),
    },
    contraindications: {
      value: ['Active infections', 'Severe acne flare-ups', 'Certain skin conditions', 'Pregnancy'],
      quote: quote(
        'Micro-needling is not suitable for everyone. Those with active infections, severe acne flare-ups, certain skin conditions, or who are pregnant should consult a healthcare professional first.',
      ),
    },
    combinesWith: {
      value: ['PRP', 'Chemical peels', 'Dermaplaning', 'Certain laser procedures'],
      quote: quote(
        'Micro-needling pairs well with treatments such as PRP, chemical peels, dermaplaning, and certain laser procedures.',
      ),
    },
    faqs: FAQ_SOURCES.map(({ key, sourceHeading }, index) => {
      const answerBlocks = subsections.get(sourceHeading);
      if (!answerBlocks || answerBlocks.length === 0) {
        fail(`expected the heading "${sourceHeading}" with text under it`);
      }
      return {
        key,
        question: questionFor(sourceHeading),
        answer: toMarkdown(answerBlocks),
        position: index + 1,
        sourceHeading,
      };
    }),
  };
}

function fail(reason: string): never {
  throw new Error(
    `Micro-needling seed: ${reason}. The source article's structure has changed; update seeds/content/micro-needling.ts.`,
  );
}

/** The blocks after each H2 heading, one array per SECTION_HEADINGS entry. */
function splitIntoSections(blocks: ArticleBlock[]): ArticleBlock[][] {
  const h2 = new Map<string, number>(
    SECTION_HEADINGS.map(({ heading }, index) => [heading, index]),
  );
  const sections: ArticleBlock[][] = [];
  for (const block of blocks) {
    const index = block.kind === 'heading' ? h2.get(block.text) : undefined;
    if (index === undefined) {
      sections[sections.length - 1].push(block);
    } else if (index !== sections.length) {
      fail(`the heading "${block.text}" is out of order or repeated`);
    } else {
      sections.push([]);
    }
  }
  SECTION_HEADINGS.forEach(({ heading }, index) => {
    if (!sections[index] || sections[index].length === 0) {
      fail(`expected the section "${heading}" with text under it`);
    }
  });
  return sections;
}

/** H3 heading → the blocks under it, up to the next heading. */
function splitIntoSubsections(sections: ArticleBlock[][]): Map<string, ArticleBlock[]> {
  const subsections = new Map<string, ArticleBlock[]>();
  for (const section of sections) {
    let current: ArticleBlock[] | undefined;
    for (const block of section) {
      if (block.kind === 'heading') {
        if (subsections.has(block.text)) {
          fail(`the heading "${block.text}" appears twice`);
        }
        current = [];
        subsections.set(block.text, current);
      } else {
        current?.push(block);
      }
    }
  }
  return subsections;
}

function toMarkdown(blocks: ArticleBlock[]): string {
  const chunks: string[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'listItem') {
      const line = `- ${block.text}`;
      if (blocks[index - 1]?.kind === 'listItem') {
        chunks[chunks.length - 1] += `\n${line}`;
      } else {
        chunks.push(line);
      }
    } else {
      chunks.push(block.kind === 'heading' ? `### ${block.text}` : block.text);
    }
  });
  return chunks.join('\n\n');
}

function questionFor(heading: string): string {
  const rephrased = FAQ_QUESTION_REPHRASINGS[heading];
  if (rephrased !== undefined) {
    return rephrased;
  }
  const lower = heading.toLowerCase();
  return `${lower.charAt(0).toUpperCase()}${lower.slice(1)}?`;
}

/** A quote must sit inside one article paragraph, word for word. */
function requireQuote(blocks: ArticleBlock[], quote: string): string {
  if (!blocks.some((block) => block.text.includes(quote))) {
    fail(`expected the article to say "${quote}"`);
  }
  return quote;
}

/** The list right after the paragraph `intro` must be exactly `expected`. */
function requireListAfter(blocks: ArticleBlock[], intro: string, expected: string[]): string[] {
  const start = blocks.findIndex((block) => block.kind === 'paragraph' && block.text === intro);
  const items: string[] = [];
  for (let i = start + 1; start >= 0 && blocks[i]?.kind === 'listItem'; i++) {
    items.push(blocks[i].text);
  }
  if (items.length !== expected.length || items.some((item, i) => item !== expected[i])) {
    fail(`expected "${intro}" followed by the list: ${expected.join('; ')}`);
  }
  return items;
}
