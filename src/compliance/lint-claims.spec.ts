import { buildMicroNeedlingContent } from '../../seeds/content/micro-needling';
import {
  DEMO_CLINIC_FAQS,
  DEMO_PROVIDERS,
  DEMO_TREATMENT_OVERRIDES,
} from '../../seeds/content/demo-network';
import { DEFAULT_CLAIM_RULES } from './claim-rule-defaults';
import { appliesAt, type ClaimRule, compileRule, lintTexts, textsOf } from './lint-claims';

const DEFAULTS: ClaimRule[] = DEFAULT_CLAIM_RULES.map((rule, i) => ({ ...rule, id: `r${i}` }));
const EVERYWHERE = { everywhere: true, regionIds: [], states: [] };
const lint = (text: string, rules = DEFAULTS) =>
  lintTexts([{ field: 'disclaimer', text }], rules, EVERYWHERE).map((hit) => [
    hit.severity,
    hit.phrase,
  ]);

describe('claims linter', () => {
  it('finds the default set’s claims, in any case, with the words as written', () => {
    expect(lint('Painless, PERMANENT results, guaranteed!')).toEqual([
      ['BLOCK', 'Painless'],
      ['BLOCK', 'PERMANENT results'],
      ['BLOCK', 'guaranteed'],
    ]);
    expect(lint('Our FDA approved device cures acne with no downtime: 100% safe.')).toEqual([
      ['BLOCK', 'cures'],
      ['BLOCK', 'FDA approved'],
      ['BLOCK', 'no downtime'],
      ['BLOCK', '100% safe'],
    ]);
    expect(lint('Clinically proven, instant results.')).toEqual([
      ['WARN', 'Clinically proven'],
      ['WARN', 'instant results'],
    ]);
  });

  it('matches phrases as whole words only', () => {
    const rule: ClaimRule = { ...DEFAULTS[0], id: 'x', phrase: 'cure', pattern: null };
    expect(lint('A secure, curated visit.', [rule])).toEqual([]);
    expect(lint('It will cure you.', [rule])).toEqual([['BLOCK', 'cure']]);
    expect(compileRule({ phrase: '100% safe', pattern: null }).matcher('100%   safe').find()).toBe(
      true,
    );
  });

  it('applies a region or state rule only to content shown there (brand content is shown everywhere)', () => {
    const texas = { ...DEFAULTS[0], state: 'TX' };
    expect(appliesAt(texas, { everywhere: false, regionIds: [], states: ['CO'] })).toBe(false);
    expect(appliesAt(texas, { everywhere: false, regionIds: [], states: ['TX'] })).toBe(true);
    expect(appliesAt(texas, EVERYWHERE)).toBe(true);
    const region = { ...DEFAULTS[0], regionId: 'r-1' };
    expect(appliesAt(region, { everywhere: false, regionIds: ['r-2'], states: ['TX'] })).toBe(
      false,
    );
  });

  it('names nested fields by path', () => {
    const texts = textsOf({ sections: [{ key: 'a', heading: 'H', body: 'painless' }] }, [
      'sections',
    ]);
    expect(lintTexts(texts, DEFAULTS, EVERYWHERE).map((hit) => hit.field)).toEqual([
      'sections.0.body',
    ]);
  });

  it('passes the seeded content with no BLOCK hit; its WARN hits are the two docs/compliance.md explains', () => {
    const content = buildMicroNeedlingContent();
    const seeded = [
      content.summary,
      ...content.sections.flatMap((section) => [section.heading, section.body]),
      ...content.aftercare.value,
      ...content.contraindications.value,
      ...content.combinesWith.value,
      ...content.faqs.flatMap((faq) => [faq.question, faq.answer]),
      ...DEMO_CLINIC_FAQS.flatMap((faq) => [faq.question, faq.answer]),
      ...DEMO_TREATMENT_OVERRIDES.map((override) => override.value),
      ...DEMO_PROVIDERS.flatMap((provider) => [
        provider.bio,
        provider.title,
        ...provider.credentials,
      ]),
    ].map((text, i) => ({ field: String(i), text }));
    const hits = lintTexts(seeded, DEFAULTS, EVERYWHERE);
    expect(hits.map((hit) => [hit.severity, hit.phrase])).toEqual([
      ['WARN', 'science-backed'],
      ['WARN', 'science-driven'],
    ]);
  });
});
