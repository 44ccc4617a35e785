import { createScratchBrand, ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, TestApp } from './helpers/test-app';

describe('FAQPage JSON-LD feeds', () => {
  let app: TestApp;
  let brand: ScratchBrand;

  beforeAll(async () => {
    app = await startTestApp({ feedMaxAgeSeconds: 120 });
    brand = await createScratchBrand(app, 2);
  });
  afterAll(() => app.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/feeds/${path}`, { headers });

  it('serves the clinic’s FAQ list as FAQPage JSON-LD, the same as the faqs query', async () => {
    const response = await get('lumen-aesthetics/austin-downtown/faq.jsonld');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const jsonLd = await response.json();
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'FAQPage' });
    expect(jsonLd.mainEntity.length).toBeGreaterThan(0);

    const { body } = await app.graphql(
      `{ faqs(brand: "lumen-aesthetics", clinic: "austin-downtown", first: 100) { jsonLd } }`,
    );
    expect(jsonLd).toEqual(body.data.faqs.jsonLd);
  });

  it('serves one treatment’s FAQs at the clinic', async () => {
    const all = await (await get(`${brand.slug}/clinic-1/faq.jsonld`)).json();
    const about = await (await get(`${brand.slug}/clinic-1/peel/faq.jsonld`)).json();
    expect(about.mainEntity).toEqual(all.mainEntity); // every sample FAQ is about the peel
    const faq = await brand.create(
      'FAQ',
      { brand_id: brand.id },
      { question: 'Opening hours?', answer: 'See the clinic page.', position: 99 },
    );
    const allNow = await (await get(`${brand.slug}/clinic-1/faq.jsonld`)).json();
    const aboutNow = await (await get(`${brand.slug}/clinic-1/peel/faq.jsonld`)).json();
    const questions = (doc: any) => doc.mainEntity.map((q: any) => q.name);
    expect(questions(allNow)).toContain('Opening hours?');
    expect(questions(aboutNow)).not.toContain('Opening hours?');
    expect(allNow.mainEntity.find((q: any) => q.name === 'Opening hours?')).toEqual({
      '@type': 'Question',
      name: 'Opening hours?',
      acceptedAnswer: { '@type': 'Answer', text: '<p>See the clinic page.</p>' },
    });
    await brand.remove('FAQ', faq.id);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the content changes', async () => {
    const path = `${brand.slug}/clinic-2/faq.jsonld`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();

    const cached = await get(path, { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(cached.headers.get('cache-control')).toBe('public, max-age=120');
    expect(await cached.text()).toBe('');
    expect((await get(path, { 'if-none-match': `"nope", W/${etag}` })).status).toBe(304);
    expect((await get(path, { 'if-none-match': '"nope"' })).status).toBe(200);

    const [faq] = await app.dataSource.query(
      `SELECT id FROM faqs WHERE brand_id = $1 AND clinic_id IS NULL ORDER BY position LIMIT 1`,
      [brand.id],
    );
    await brand.edit('FAQ', faq.id, { answer: `Changed at ${Date.now()}.` });
    const changed = await get(path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(JSON.stringify(await changed.json())).toContain('Changed at');
  });

  it.each([
    ['no-such-brand/austin-downtown/faq.jsonld', 'No published brand "no-such-brand"'],
    [
      'lumen-aesthetics/nowhere/faq.jsonld',
      'No published clinic "nowhere" in brand "lumen-aesthetics"',
    ],
    [
      'lumen-aesthetics/austin-downtown/no-such-treatment/faq.jsonld',
      'No published treatment "no-such-treatment" at clinic "austin-downtown" in brand "lumen-aesthetics"',
    ],
  ])('answers 404 with a small JSON error for %s', async (path, message) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'NOT_FOUND', message });
  });

  it('does not serve an unpublished clinic', async () => {
    const before = await get(`${brand.slug}/clinic-2/faq.jsonld`);
    expect(before.status).toBe(200);
    await brand.unpublish('CLINIC', brand.clinicIds['clinic-2']);
    expect((await get(`${brand.slug}/clinic-2/faq.jsonld`)).status).toBe(404);
    await brand.publish('CLINIC', brand.clinicIds['clinic-2']);
  });
});
