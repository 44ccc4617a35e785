import type { EditorRole } from '../../src/auth/actor';
import type { AppConfig } from '../../src/config/app-config';
import { stableId } from '../../seeds/stable-id';
import { type BrandFixture, newBrand, newEditor } from './factories';
import { loginAs } from './login';
import { startIsolatedTestApp } from './isolated-app';
import type { TestApp } from './test-app';

export const BRAND = 'lumen-aesthetics';
export const ITEM = `type id version status hasDraft pendingDelete values publishedValues`;

export interface Item {
  type: string;
  id: string;
  version: number;
  status: string;
  hasDraft: boolean;
  pendingDelete: boolean;
  values: Record<string, any>;
  publishedValues: Record<string, any>;
}

/** Ids of the seeded demo network (seeds/seed.ts derives them from slugs). */
export const SEEDED = {
  brand: stableId(`brand:${BRAND}`),
  texas: stableId('region:texas'),
  colorado: stableId('region:colorado'),
  austin: stableId('clinic:austin-downtown'),
  dallas: stableId('clinic:dallas-uptown'),
  denver: stableId('clinic:denver-cherry-creek'),
  microNeedling: stableId('treatment:micro-needling'),
  offering: (clinic: string) => stableId(`clinic-treatment:${clinic}:micro-needling`),
  price: (clinic: string, label: string) => stableId(`price:${clinic}:micro-needling:${label}`),
  provider: (slug: string) => stableId(`provider:${slug}`),
};

export type Who = 'admin' | 'editor' | 'texas' | 'austin';
export type Headers = Record<string, string>;

/**
 * An app on a database of its own, migrated and seeded with the demo
 * network, so a spec can publish brand, clinic and provider changes without
 * moving what the delivery specs (on the shared database) count and compare.
 */
export interface EditingFixture {
  app: TestApp;
  as: Record<Who | 'anonymous', Headers>;
  /** Runs `name(input:)` returning an EditableItem. */
  mutate(name: string, input: Record<string, unknown>, headers: Headers): Promise<GqlResult>;
  /** Like mutate, expecting success. */
  ok(name: string, input: Record<string, unknown>, headers: Headers): Promise<Item>;
  publish(items: Item[], headers?: Headers): Promise<Item[]>;
  /** The item as editors see it (version, draft …). */
  item(type: string, id: string): Promise<Item>;
  /** Runs `name` on the item at its current version; asserts it was refused with `code` and changed nothing. */
  refusedUpdate(
    name: string,
    type: string,
    id: string,
    change: Record<string, unknown>,
    who: Who | 'anonymous',
    code: string,
  ): Promise<GqlResult>;
  close(): Promise<void>;
}

export interface GqlResult {
  status: number;
  data?: Record<string, any>;
  errors?: any[];
  /** The first error's code, for short assertions. */
  code?: string;
  message?: string;
}

export async function startEditingFixture(
  config: Partial<AppConfig> = {},
): Promise<EditingFixture> {
  const app = await startIsolatedTestApp(config);
  const as = {
    anonymous: {},
    admin: await loginAs(app, 'admin'),
    editor: await loginAs(app, 'editor'),
    texas: await loginAs(app, 'texas'),
    austin: await loginAs(app, 'austin'),
  };
  const mutate = async (name: string, input: Record<string, unknown>, headers: Headers) => {
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const { status, body } = await app.graphql(
      `mutation($input: ${type}!) { ${name}(input: $input) { ${ITEM} } }`,
      { input },
      headers,
    );
    return {
      status,
      data: body.data ?? undefined,
      errors: body.errors,
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message,
    };
  };
  const fixture: EditingFixture = {
    app,
    as,
    mutate,
    async ok(name, input, headers) {
      const result = await mutate(name, input, headers);
      if (result.errors) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
      return result.data![name] as Item;
    },
    async publish(items, headers = as.editor) {
      const { body } = await app.graphql(
        `mutation($input: PublishInput!) { publish(input: $input) { ${ITEM} } }`,
        { input: { items: items.map(({ type, id, version }) => ({ type, id, version })) } },
        headers,
      );
      if (body.errors) throw new Error(`publish failed: ${JSON.stringify(body.errors)}`);
      return body.data.publish as Item[];
    },
    async refusedUpdate(name, type, id, change, who, code) {
      const before = await fixture.item(type, id);
      const result = await mutate(name, { id, version: before.version, ...change }, as[who]);
      expect(result.code).toBe(code);
      expect(await fixture.item(type, id)).toEqual(before);
      return result;
    },
    async item(type, id) {
      const { body } = await app.graphql(
        `query($type: ContentType!, $id: ID!) { item(type: $type, id: $id) { ${ITEM} } }`,
        { type, id },
        as.admin,
      );
      if (body.errors) throw new Error(`item failed: ${JSON.stringify(body.errors)}`);
      return body.data.item as Item;
    },
    close: () => app.close(),
  };
  return fixture;
}

/** Another brand's ids: see newBrand (test/helpers/factories.ts). */
export type OtherBrand = BrandFixture;

/** Kept for specs written before newBrand: the same brand, made by newBrand. */
export const createOtherBrand = (app: TestApp, slug?: string): Promise<OtherBrand> =>
  newBrand(app.dataSource, { slug });

/**
 * Signs in a new editor of any brand (made through UsersService, as the CLI
 * does); returns the headers that carry the access token.
 */
export async function signInNewEditor(
  app: TestApp,
  brandId: string,
  role: EditorRole,
  assignments: { clinicIds?: string[]; regionIds?: string[] } = {},
): Promise<Headers> {
  const { email, password } = await newEditor(app.dataSource, brandId, role, assignments);
  const { body } = await app.graphql(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  return { authorization: `Bearer ${body.data.login.accessToken}` };
}

export { uniqueSlug } from './factories';
