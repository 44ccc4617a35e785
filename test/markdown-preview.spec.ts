import { dataOf, errorOf, LUMEN } from './helpers/editing';
import { loginAs } from './helpers/login';
import { startTestApp, type TestApp } from './helpers/test-app';

const PREVIEW = `query($text: String!, $clinicId: ID) { previewMarkdown(text: $text, clinicId: $clinicId) }`;

describe('previewMarkdown: the console’s live preview, rendered as delivery renders', () => {
  let app: TestApp;
  let austin: Record<string, string>;
  let texas: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    [austin, texas] = await Promise.all([loginAs(app, 'austin'), loginAs(app, 'texas')]);
  });
  afterAll(() => app.close());

  it('fills the clinic’s tokens and sanitizes like disclaimerHtml', async () => {
    const text =
      'Ask **{{clinic.name}}** in {{clinic.city}}. <script>alert(1)</script>[x](javascript:alert(1)) {{nope}}';
    const html: string = dataOf(
      await app.graphql(PREVIEW, { text, clinicId: LUMEN.austin }, austin),
    ).previewMarkdown;
    expect(html).toContain('<strong>Lumen Aesthetics Austin Downtown</strong> in Austin.');
    expect(html).not.toMatch(/<script|javascript:|\{\{/);
  });

  it('renders brand-only without a clinic', async () => {
    const html: string = dataOf(
      await app.graphql(PREVIEW, { text: '*{{brand.name}}*' }, austin),
    ).previewMarkdown;
    expect(html).toContain('<em>Lumen Aesthetics</em>');
  });

  it('refuses anonymous callers, clinics the editor may not edit, and bad input', async () => {
    expect(errorOf(await app.graphql(PREVIEW, { text: 'x' }))?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorOf(await app.graphql(PREVIEW, { text: 'x', clinicId: LUMEN.denver }, texas))?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await app.graphql(PREVIEW, { text: 'x'.repeat(20_001) }, austin))?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      errorOf(await app.graphql(PREVIEW, { text: 'x', clinicId: 'not-an-id' }, austin))?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
  });
});
