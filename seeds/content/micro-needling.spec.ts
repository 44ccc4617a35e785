import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ArticleBlock, parseArticle, splitMarkdownBlocks } from '../article/parse-article';
import {
  buildMicroNeedlingContent,
  buildMicroNeedlingContentFrom,
  FactRange,
  FAQ_QUESTION_REPHRASINGS,
  MicroNeedlingContent,
  QUOTE_WORDING_FOR_ITEM,
  SourcedFact,
} from './micro-needling';

const article = readFileSync(
  path.resolve(__dirname, '../source/micro-needling-article.txt'),
  'utf8',
);
const articleBlocks = parseArticle(article);
const articleHeadings = articleBlocks
  .filter((block) => block.kind === 'heading')
  .map((block) => block.text);
const articleTextBlocks = articleBlocks.filter((block) => block.kind !== 'heading');

const isText = (block: ArticleBlock): boolean => block.kind !== 'heading';
const key = (block: ArticleBlock): string => `${block.kind}\u0000${block.text}`;
const sortedKeys = (blocks: ArticleBlock[]): string[] => blocks.map(key).sort();

/** The blocks under `heading`, up to the next heading. */
function blocksUnder(heading: string): ArticleBlock[] {
  const start = articleBlocks.findIndex(
    (block) => block.kind === 'heading' && block.text === heading,
  );
  expect(start).toBeGreaterThanOrEqual(0);
  const end = articleBlocks.findIndex((block, index) => index > start && block.kind === 'heading');
  return articleBlocks.slice(start + 1, end < 0 ? undefined : end);
}

describe('buildMicroNeedlingContent', () => {
  let content: MicroNeedlingContent;
  let sectionBlocks: ArticleBlock[];
  let seededTextBlocks: ArticleBlock[];

  beforeAll(() => {
    content = buildMicroNeedlingContent();
    sectionBlocks = content.sections.flatMap((section) => splitMarkdownBlocks(section.body));
    const seeded: ArticleBlock[] = [
      { kind: 'paragraph', text: content.summary },
      ...sectionBlocks,
      ...content.faqs.flatMap((faq) => splitMarkdownBlocks(faq.answer)),
      ...content.aftercare.value.map((text): ArticleBlock => ({
        kind: 'listItem',
        text,
      })),
    ];
    seededTextBlocks = seeded.filter(isText);
  });

  it('reads the committed article and matches the pure builder', () => {
    expect(content).toEqual(buildMicroNeedlingContentFrom(article));
    expect(content.slug).toBe('micro-needling');
    expect(content.name).toBe('Micro-Needling');
  });

  describe('article → seed: every paragraph and list item is seeded', () => {
    it('finds each article block verbatim in the summary, sections, FAQs or aftercare', () => {
      const seeded = new Set(seededTextBlocks.map(key));
      const missing = articleTextBlocks.filter((block) => !seeded.has(key(block)));
      expect(missing).toEqual([]);
    });

    it('covers 100% of them exactly once across the summary and sections', () => {
      const covered: ArticleBlock[] = [
        { kind: 'paragraph', text: content.summary },
        ...sectionBlocks.filter(isText),
      ];
      expect(sortedKeys(covered)).toEqual(sortedKeys(articleTextBlocks));
    });

    it('rebuilds the whole article, in order, from the summary and sections', () => {
      const rebuilt: ArticleBlock[] = [
        { kind: 'paragraph', text: content.summary },
        ...content.sections.flatMap((section): ArticleBlock[] => [
          { kind: 'heading', text: section.heading },
          ...splitMarkdownBlocks(section.body),
        ]),
      ];
      expect(rebuilt).toEqual(articleBlocks);
    });
  });

  describe('seed → article: nothing is seeded as article text that the article does not say', () => {
    it('has only article paragraphs and list items in the summary, sections, FAQs and aftercare', () => {
      const inArticle = new Set(articleTextBlocks.map(key));
      const invented = seededTextBlocks.filter((block) => !inArticle.has(key(block)));
      expect(invented).toEqual([]);
    });

    it('uses only article headings for sections and within section bodies', () => {
      const headings = [
        ...content.sections.map((section) => section.heading),
        ...sectionBlocks.filter((block) => block.kind === 'heading').map((block) => block.text),
      ];
      expect(headings.filter((h) => !articleHeadings.includes(h))).toEqual([]);
      expect(headings).toHaveLength(articleHeadings.length);
    });

    it('writes section headings inside bodies as H3', () => {
      for (const section of content.sections) {
        for (const line of section.body.split('\n')) {
          if (line.startsWith('#')) {
            expect(line).toMatch(/^### \S/);
          }
        }
      }
    });

    it('names the treatment only as the article does', () => {
      for (const alias of content.aliases) {
        expect(article.toLowerCase()).toContain(alias.toLowerCase());
      }
      expect(article.toLowerCase()).toContain(content.name.toLowerCase());
    });
  });

  it('has one section per H2 heading, in article order, with stable keys', () => {
    expect(content.sections.map(({ key, heading }) => [key, heading])).toEqual([
      ['how-it-works', 'How Micro-Needling Works Beneath the Surface'],
      ['benefits', 'Benefits of Micro-Needling Services'],
      ['what-to-expect', 'What to Expect Before, During, and After Treatment'],
      ['common-concerns', 'Clearing Up Common Concerns'],
      ['customizing-your-plan', 'Customizing Your Micro-Needling Plan'],
      ['final-thoughts', 'Final Thoughts'],
    ]);
    expect(content.summary).toBe(articleBlocks[0].text);
  });

  describe('sourced facts', () => {
    const NUMBER_WORDS: Readonly<Record<number, readonly string[]>> = {
      1: ['one', 'once'],
      2: ['two', 'twice'],
      3: ['three'],
      4: ['four'],
      5: ['five'],
      6: ['six'],
    };
    const spellings = (n: number): string => [String(n), ...(NUMBER_WORDS[n] ?? [])].join('|');
    /** The quote must state the range itself: "<min> to|and|or <max> <unit>". */
    const statesRange = (fact: SourcedFact<FactRange>, unit: string): RegExp =>
      new RegExp(
        `\\b(${spellings(fact.value.min)})\\s+(to|and|or)\\s+(${spellings(fact.value.max)})\\s+${unit}\\b`,
        'i',
      );

    it.each([
      ['durationMinutes', 'minutes', [30, 90]],
      ['recoveryDays', 'days', [1, 2]],
      ['sessions', 'sessions', [3, 6]],
      ['sessionIntervalWeeks', 'weeks', [4, 6]],
      ['maintenancePerYear', 'a year', [1, 2]],
    ] as const)('%s is quoted from the article, which states it', (name, unit, [min, max]) => {
      const fact = content.facts[name];
      expect(fact.value).toEqual({ min, max });
      expect(article).toContain(fact.quote);
      expect(fact.quote).toMatch(statesRange(fact, unit));
    });

    it('quotes the aftercare intro and lists its four items verbatim', () => {
      expect(article).toContain(content.aftercare.quote);
      expect(blocksUnder('Recovery and Aftercare')).toEqual(
        expect.arrayContaining(content.aftercare.value.map((text) => ({ kind: 'listItem', text }))),
      );
      expect(content.aftercare.value).toEqual(
        articleBlocks.filter((block) => block.kind === 'listItem').map((block) => block.text),
      );
    });

    it.each([
      [
        'contraindications',
        ['Active infections', 'Severe acne flare-ups', 'Certain skin conditions', 'Pregnancy'],
      ],
      ['combinesWith', ['PRP', 'Chemical peels', 'Dermaplaning', 'Certain laser procedures']],
    ] as const)('each of %s traces to its quote', (name, expected) => {
      const { value, quote } = content[name];
      expect(value).toEqual(expected);
      expect(article).toContain(quote);
      for (const item of value) {
        const wording = QUOTE_WORDING_FOR_ITEM[item] ?? item;
        expect(quote.toLowerCase()).toContain(wording.toLowerCase());
      }
    });

    it('maps an item to other wording only where the quote words it differently', () => {
      for (const [item, wording] of Object.entries(QUOTE_WORDING_FOR_ITEM)) {
        const quote = [content.contraindications, content.combinesWith].find((fact) =>
          fact.value.includes(item),
        )?.quote;
        expect(quote?.toLowerCase()).not.toContain(item.toLowerCase());
        expect(quote?.toLowerCase()).toContain(wording.toLowerCase());
      }
    });
  });

  describe('FAQs', () => {
    const concernsHeadings = (): string[] => {
      const start = articleBlocks.findIndex(
        (block) => block.text === 'Clearing Up Common Concerns',
      );
      const end = articleBlocks.findIndex(
        (block) => block.text === 'Customizing Your Micro-Needling Plan',
      );
      return articleBlocks
        .slice(start + 1, end)
        .filter((block) => block.kind === 'heading')
        .map((block) => block.text);
    };

    it('answers every concern and how many sessions are needed', () => {
      const required = [...concernsHeadings(), 'How Many Sessions Are Needed'];
      expect(required).toHaveLength(4);
      expect(content.faqs.map((faq) => faq.sourceHeading)).toEqual(
        expect.arrayContaining(required),
      );
    });

    it('answers with every block under the source heading, verbatim', () => {
      for (const faq of content.faqs) {
        expect(articleHeadings).toContain(faq.sourceHeading);
        expect(splitMarkdownBlocks(faq.answer)).toEqual(blocksUnder(faq.sourceHeading));
      }
    });

    it('phrases each question as its heading, or as the rephrasing table says', () => {
      for (const faq of content.faqs) {
        expect(faq.question).toMatch(/\?$/);
        const asHeading =
          faq.question.replace(/\?$/, '').toLowerCase() === faq.sourceHeading.toLowerCase();
        const rephrased = FAQ_QUESTION_REPHRASINGS[faq.sourceHeading] === faq.question;
        expect({ faq: faq.key, traced: asHeading || rephrased }).toEqual({
          faq: faq.key,
          traced: true,
        });
      }
    });

    it('asks the expected questions', () => {
      const questions = content.faqs.map((faq) => faq.question);
      expect(questions).toEqual(
        expect.arrayContaining([
          'Is micro-needling painful?',
          'Who should avoid micro-needling?',
          'How does micro-needling compare to other treatments?',
          'How many sessions are needed?',
        ]),
      );
    });

    it('has unique stable keys and positions in article order', () => {
      const keys = content.faqs.map((faq) => faq.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const faqKey of keys) {
        expect(faqKey).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
      expect(content.faqs.map((faq) => faq.position)).toEqual(
        content.faqs.map((_, index) => index + 1),
      );
      const order = content.faqs.map((faq) => articleHeadings.indexOf(faq.sourceHeading));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  });

  describe('a changed article fails loudly', () => {
    it.each([
      ['a missing H2', 'Clearing Up Common Concerns\n', ''],
      ['a renamed FAQ heading', 'How Many Sessions Are Needed', 'Sessions'],
      ['a changed duration', 'between 30 and 90 minutes', 'about an hour'],
      ['a changed session count', 'three to six sessions', 'a few sessions'],
      ['a changed contraindication', 'or who are pregnant', 'or who smoke'],
      ['a shortened aftercare list', '- Applying broad-spectrum sunscreen daily\n', ''],
      [
        'a second summary paragraph',
        '\nHow Micro-Needling Works',
        '\nMore intro.\nHow Micro-Needling Works',
      ],
    ])('throws on %s', (_case, from, to) => {
      const changed = article.replace(from, to);
      expect(changed).not.toBe(article);
      expect(() => buildMicroNeedlingContentFrom(changed)).toThrow(
        /^Micro-needling seed: .*structure has changed/,
      );
    });
  });
});
