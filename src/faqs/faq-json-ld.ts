import { faqPageJsonLd } from '../json-ld/json-ld';
import { markdownToSafeHtml } from '../markdown/markdown';
import type { FaqPageRef } from './dtos/faq-connection.object';

/**
 * The FAQPage of a FAQ list as a page shows it: the `faqs` query's `jsonLd`
 * and the /feeds documents both come from here, so they stay identical.
 */
export function faqListJsonLd(
  faqs: { question: string; answer: string }[],
  page: FaqPageRef | null,
): object {
  return faqPageJsonLd({
    faqs: faqs.map((faq) => ({ question: faq.question, answer: markdownToSafeHtml(faq.answer) })),
    page,
  });
}
