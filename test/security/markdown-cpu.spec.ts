import { SEEDED, startEditingFixture, type EditingFixture } from '../helpers/content-editing';

/*
 * Issue 9.7: three 20,000-character bios made of Markdown delimiters (`*_[`)
 * sent the old regex Markdown stripper behind Provider.jsonLd into heavy
 * backtracking on every request. Now bios are limited and the JSON-LD
 * description comes from the same Markdown parser (and memo) as bioHtml, so
 * it says what the page shows. No timing here: speed belongs in the bench.
 */
const MAX_BIO = 20_000;
const pathological = (seed: string) =>
  `${seed} ${'*_['.repeat(MAX_BIO)}`.slice(0, MAX_BIO - 6) + ' **b**';

/** The words of some HTML, as a browser shows them (whitespace dropped). */
function textOfHtml(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name])
    .replace(/\s+/g, '');
}

describe('Security: CPU block from planted Markdown', () => {
  let fx: EditingFixture;
  let providerIds: string[];

  beforeAll(async () => {
    fx = await startEditingFixture();
    const { body } = await fx.app.graphql(
      `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { providers { slug } } }`,
    );
    providerIds = (body.data.clinic.providers as { slug: string }[]).map((p) =>
      SEEDED.provider(p.slug),
    );
  });
  afterAll(() => fx.close());

  it('refuses a bio over the limit with BAD_USER_INPUT and changes nothing', async () => {
    await fx.refusedUpdate(
      'updateProvider',
      'PROVIDER',
      providerIds[0],
      { bio: 'x'.repeat(MAX_BIO + 1) },
      'austin',
      'BAD_USER_INPUT',
    );
  });

  it('renders long pathological bios, their JSON-LD text agreeing with their HTML', async () => {
    const changed = [];
    for (const [i, id] of providerIds.slice(0, 3).entries()) {
      const provider = await fx.item('PROVIDER', id);
      changed.push(
        await fx.ok(
          'updateProvider',
          { id, version: provider.version, bio: pathological(`bio${i}`) },
          fx.as.austin,
        ),
      );
    }
    await fx.publish(changed, fx.as.austin);
    const { body } = await fx.app.graphql(`{
      clinic(brand: "lumen-aesthetics", slug: "austin-downtown") {
        providers { bio bioHtml jsonLd }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const planted = (
      body.data.clinic.providers as { bio: string; bioHtml: string; jsonLd: any }[]
    ).filter((p) => p.bio.includes('*_['));
    expect(planted).toHaveLength(Math.min(3, providerIds.length));
    for (const provider of planted) {
      expect(provider.bio).toHaveLength(MAX_BIO);
      expect(provider.bioHtml).toContain('<strong>b</strong>');
      expect(provider.jsonLd.description.replace(/\s+/g, '')).toBe(textOfHtml(provider.bioHtml));
    }
  });
});
