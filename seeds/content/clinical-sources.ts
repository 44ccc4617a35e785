import { ARTICLE_FILE_NAME, type MicroNeedlingContent } from './micro-needling';

/** Where one seeded clinical value comes from: a line (paragraph) of the article. */
export interface ClinicalSourceSeed {
  /** The item: the treatment, or one of its FAQs by key. */
  item: { type: 'TREATMENT' } | { type: 'FAQ'; key: string };
  /** The field, down to the fact ("facts.sessions") or section ("sections.benefits"). */
  field: string;
  document: string;
  /** 1-based line of the article file: one paragraph, heading or list item per line. */
  line: number;
  /** The article's words the value rests on. */
  quote: string;
}

/**
 * Links every clinical value the seed takes from the article (facts,
 * aftercare, contraindications, combinations, the sections and the FAQ
 * answers) to the line of the article it comes from. Pure; throws when a
 * quote is no longer in the article, like the content builder.
 */
export function clinicalSourcesOf(
  content: MicroNeedlingContent,
  article: string,
): ClinicalSourceSeed[] {
  const lines = article.split(/\r\n|\r|\n/);
  const lineOf = (text: string): number => {
    const index = lines.findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`Clinical source: the article no longer says "${text}"`);
    return index + 1;
  };
  const treatment = { type: 'TREATMENT' as const };
  const sourced = (field: string, quote: string): ClinicalSourceSeed => ({
    item: treatment,
    field,
    document: ARTICLE_FILE_NAME,
    line: lineOf(quote),
    quote,
  });
  return [
    ...Object.entries(content.facts).map(([fact, { quote }]) => sourced(`facts.${fact}`, quote)),
    sourced('aftercare', content.aftercare.quote),
    sourced('contraindications', content.contraindications.quote),
    sourced('combinesWith', content.combinesWith.quote),
    ...content.sections.map((section) => sourced(`sections.${section.key}`, section.heading)),
    ...content.faqs.map((faq): ClinicalSourceSeed => ({
      item: { type: 'FAQ', key: faq.key },
      field: 'answer',
      document: ARTICLE_FILE_NAME,
      line: lineOf(faq.sourceHeading),
      quote: faq.sourceHeading,
    })),
  ];
}
