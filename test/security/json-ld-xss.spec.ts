import { SEEDED, startEditingFixture, type EditingFixture } from '../helpers/content-editing';

/*
 * Issue 9.1: a clinic editor plants `</script><script>…` in text that ends up
 * in JSON-LD, which sites embed in <script type="application/ld+json">. Every
 * JSON-LD text the server serializes (the /feeds bodies, `jsonLdScript`) must
 * escape < > & U+2028 U+2029, so the planted text cannot close the element.
 */
const ATTACK = '</script><script>alert(document.domain)</script>';

describe('Security: stored XSS through JSON-LD', () => {
  let fx: EditingFixture;

  beforeAll(async () => {
    fx = await startEditingFixture();
    const editor = fx.as.austin; // a CLINIC_EDITOR of austin-downtown
    const faq = await fx.ok(
      'createFaq',
      {
        question: `Is it safe? ${ATTACK}`,
        answer: `Yes. ${ATTACK}`,
        treatmentIds: [SEEDED.microNeedling],
        clinicId: SEEDED.austin,
      },
      editor,
    );
    const clinic = await fx.item('CLINIC', SEEDED.austin);
    const renamed = await fx.ok(
      'updateClinic',
      { id: SEEDED.austin, version: clinic.version, name: `Austin ${ATTACK}` },
      editor,
    );
    const [price] = (await fx.app.dataSource.query(
      `SELECT p.id FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
        WHERE ct.clinic_id = $1 AND ct.treatment_id = $2 ORDER BY p.position LIMIT 1`,
      [SEEDED.austin, SEEDED.microNeedling],
    )) as { id: string }[];
    const priceItem = await fx.item('PRICE_ITEM', price.id);
    const relabeled = await fx.ok(
      'updatePriceItem',
      { id: price.id, version: priceItem.version, label: `Session ${ATTACK}` },
      editor,
    );
    const { body } = await fx.app.graphql(
      `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { providers { slug } } }`,
    );
    const providerId = SEEDED.provider(body.data.clinic.providers[0].slug);
    const provider = await fx.item('PROVIDER', providerId);
    const retitled = await fx.ok(
      'updateProvider',
      { id: providerId, version: provider.version, title: `Nurse ${ATTACK}` },
      editor,
    );
    await fx.publish([faq, renamed, relabeled, retitled], editor);
  });
  afterAll(() => fx.close());

  it('serves the FAQ feeds with the planted text escaped', async () => {
    for (const path of [
      'austin-downtown/faq.jsonld',
      'austin-downtown/micro-needling/faq.jsonld',
    ]) {
      const response = await fetch(`${fx.app.url}/feeds/lumen-aesthetics/${path}`);
      const body = await response.text();
      expect(response.status).toBe(200);
      expect(body).not.toMatch(/<\/script/i);
      expect(body).not.toContain('<');
      expect(body).toContain('\\u003c/script\\u003e');
      // The escapes are JSON: the document still says exactly what the editor wrote.
      expect(JSON.stringify(JSON.parse(body))).toContain(`Is it safe? ${ATTACK}`);
    }
  });

  it('answers every jsonLdScript with the planted text escaped, equal to its jsonLd', async () => {
    const { body } = await fx.app.graphql(`{
      clinic(brand: "lumen-aesthetics", slug: "austin-downtown") {
        jsonLd jsonLdScript
        treatment(slug: "micro-needling") { jsonLd jsonLdScript }
        providers { jsonLd jsonLdScript }
      }
      faqs(brand: "lumen-aesthetics", clinic: "austin-downtown", first: 100) { jsonLd jsonLdScript }
    }`);
    expect(body.errors).toBeUndefined();
    const { clinic, faqs } = body.data;
    const answers: { jsonLd: object; jsonLdScript: string }[] = [
      clinic,
      clinic.treatment,
      ...clinic.providers,
      faqs,
    ];
    const planted = answers.filter(({ jsonLd }) => JSON.stringify(jsonLd).includes(ATTACK));
    // The clinic (name), the treatment (clinic name, price label), the provider (title), the FAQ page.
    expect(planted.length).toBeGreaterThanOrEqual(4);
    for (const { jsonLd, jsonLdScript } of answers) {
      expect(jsonLdScript).not.toMatch(/<\/script/i);
      expect(jsonLdScript).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(jsonLdScript)).toEqual(jsonLd);
    }
  });

  it('offers the Markdown of a treatment’s summary and disclaimer as sanitized HTML', async () => {
    const treatment = await fx.item('TREATMENT', SEEDED.microNeedling);
    const changed = await fx.ok(
      'updateTreatment',
      {
        id: SEEDED.microNeedling,
        version: treatment.version,
        summary: `Summary ${ATTACK} <img src=x onerror=alert(1)>`,
        disclaimer: `**Note** ${ATTACK}`,
      },
      fx.as.editor,
    );
    await fx.publish([changed], fx.as.editor);
    const { body } = await fx.app.graphql(
      `{ treatment(brand: "lumen-aesthetics", slug: "micro-needling") { summaryHtml disclaimerHtml } }`,
    );
    const { summaryHtml, disclaimerHtml } = body.data.treatment;
    expect(disclaimerHtml).toContain('<strong>Note</strong>');
    for (const html of [summaryHtml, disclaimerHtml]) {
      expect(html).not.toMatch(/<script|onerror|<img/i);
    }
  });
});
