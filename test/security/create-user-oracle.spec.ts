import { UsersService } from '../../src/auth/users.service';
import { createOtherBrand, SEEDED, signInNewEditor, uniqueSlug } from '../helpers/content-editing';
import { graphqlFrom, newLoopbackAddress } from '../helpers/from-address';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 9.12 (createUser): an admin learned which addresses had accounts in
 * other brands, because createUser answered CONFLICT for them. E-mails are now
 * unique per brand, so another brand's address is taken like a new one.
 */
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { email role brand { slug } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { email brand { slug } } } }`;

describe('security: createUser is no oracle of other brands’ accounts', () => {
  let app: TestApp;
  let otherAdmin: Record<string, string>;
  let otherSlug: string;
  beforeAll(async () => {
    app = await startTestApp();
    otherSlug = uniqueSlug('oracle-brand');
    const other = await createOtherBrand(app, otherSlug);
    otherAdmin = await signInNewEditor(app, other.brand, 'BRAND_ADMIN');
  });
  afterAll(() => app?.close());

  const create = (email: string) =>
    app.graphql(
      CREATE_USER,
      { input: { email, password: 'velvet orbit canyon marmalade', role: 'BRAND_EDITOR' } },
      otherAdmin,
    );

  it('answers an email of another brand exactly as a new one', async () => {
    const taken = `Oracle.${uniqueSlug('person')}@example.com`;
    await app.app.get(UsersService).createUserInBrand(
      SEEDED.brand,
      {
        email: taken,
        password: 'lumen side password here',
        role: 'CLINIC_EDITOR',
        clinicIds: [SEEDED.austin],
      },
      { kind: 'SYSTEM', id: null, label: 'test' },
    );
    const fresh = await create(`oracle.${uniqueSlug('person')}@example.com`);
    const existing = await create(taken.toLowerCase());
    expect(existing.status).toBe(fresh.status);
    expect(existing.body.errors).toBeUndefined();
    expect(existing.body.data).toEqual({
      createUser: { email: taken.toLowerCase(), role: 'BRAND_EDITOR', brand: { slug: otherSlug } },
    });
    expect(Object.keys(existing.body)).toEqual(Object.keys(fresh.body));

    // Each password opens its own brand's account.
    const login = (password: string, brand?: string) =>
      graphqlFrom(app, newLoopbackAddress(), LOGIN, { input: { email: taken, password, brand } });
    expect((await login('lumen side password here')).body.data.login.user.brand.slug).toBe(
      'lumen-aesthetics',
    );
    expect((await login('velvet orbit canyon marmalade')).body.data.login.user.brand.slug).toBe(
      otherSlug,
    );
    expect(
      (await login('velvet orbit canyon marmalade', otherSlug)).body.data.login.user.brand.slug,
    ).toBe(otherSlug);
    expect(
      (await login('velvet orbit canyon marmalade', 'lumen-aesthetics')).body.errors?.[0].extensions
        .code,
    ).toBe('UNAUTHENTICATED');
  });

  it('still refuses an email already used in the caller’s own brand', async () => {
    const email = `oracle.${uniqueSlug('person')}@example.com`;
    expect((await create(email)).body.errors).toBeUndefined();
    const again = await create(email.toUpperCase());
    expect(again.body.errors?.[0]).toMatchObject({
      message: 'email: your brand already has a user with this email',
      extensions: { code: 'CONFLICT' },
    });
  });
});
