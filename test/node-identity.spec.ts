import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { encodeGlobalId } from '../src/graphql/global-id';
import { previewOf, PUBLISHED } from '../src/read-mode/read-mode';
import { newBrand } from './helpers/factories';
import { apiKeyHeaders } from './helpers/api-keys';
import { startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'lumen-aesthetics';
const OTHER = 'node-identity-other';

/** The fields each delivered type shows on the page, and again through node(id:). */
const FRAGMENTS = `
  fragment BrandFields on Brand { id itemId slug name locale currency }
  fragment RegionFields on Region { id itemId slug name }
  fragment ClinicFields on Clinic { id itemId slug name phone timezone distanceKm address { city } }
  fragment TreatmentFields on Treatment {
    id itemId slug name summary disclaimer contraindications
    fieldSources { field scope stale missing }
  }
  fragment PriceFields on PriceItem { id itemId label kind amount { amountMinor currency formatted } }
  fragment FaqFields on Faq { id itemId question answer answerHtml scope }
  fragment ProviderFields on Provider { id itemId slug name bio }`;

/** A clinic's treatment page, as a franchise site asks for it. */
const PAGE = gql`
  query ClinicTreatmentPage($clinic: String!) {
    clinic(brand: "${BRAND}", slug: $clinic) {
      ...ClinicFields
      brand { ...BrandFields }
      region { ...RegionFields }
      providers { ...ProviderFields }
      faqs { ...FaqFields }
    }
    treatment(brand: "${BRAND}", slug: "micro-needling", clinic: $clinic) {
      ...TreatmentFields
      prices { ...PriceFields }
      faqs { ...FaqFields }
      providers { ...ProviderFields }
    }
    brandTreatment: treatment(brand: "${BRAND}", slug: "micro-needling") {
      ...TreatmentFields
      faqs { ...FaqFields }
    }
  }
  ${FRAGMENTS}`;

const NODES = `query($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ...BrandFields ...RegionFields ...ClinicFields ...TreatmentFields
    ...PriceFields ...FaqFields ...ProviderFields
  }
}
${FRAGMENTS}`;

type Obj = Record<string, unknown> & { id?: string; __typename?: string };
type TreatmentData = Obj & { id: string; itemId: string; disclaimer: string | null; faqs: Obj[] };
interface PageData {
  clinic: Obj;
  treatment: TreatmentData;
  brandTreatment: TreatmentData;
}

/** Every object with an id in an answer, by id, with its own fields (see ownFields). */
function objectsWithIds(value: unknown, found = new Map<string, Obj>()): Map<string, Obj> {
  if (Array.isArray(value)) {
    for (const item of value) objectsWithIds(item, found);
  } else if (value && typeof value === 'object') {
    const obj = value as Obj;
    if (typeof obj.id === 'string') found.set(obj.id, ownFields(obj));
    for (const field of Object.values(obj)) objectsWithIds(field, found);
  }
  return found;
}

/** An object's values without the objects it links to (lists, objects with ids) or __typename. */
function ownFields(obj: Obj): Obj {
  const own: Obj = {};
  for (const [name, field] of Object.entries(obj)) {
    if (name === '__typename' || Array.isArray(field)) continue;
    if (field && typeof field === 'object') {
      if (typeof (field as Obj).id !== 'string') own[name] = ownFields(field as Obj);
    } else {
      own[name] = field;
    }
  }
  return own;
}

describe('object identity: ids that name their context, and node(id:)', () => {
  let app: TestApp;
  let client: ApolloClient;

  beforeAll(async () => {
    app = await startTestApp();
    await newBrand(app.dataSource, { slug: OTHER });
    client = new ApolloClient({
      link: new HttpLink({ uri: `${app.url}/graphql`, fetch }),
      cache: new InMemoryCache(),
    });
  });
  afterAll(() => app.close());

  const fromNetwork = async (clinic: string) =>
    (
      await client.query<PageData>({
        query: PAGE,
        variables: { clinic },
        fetchPolicy: 'network-only',
      })
    ).data!;

  it('Apollo Client’s normalized cache shows each clinic its own content', async () => {
    const austin = await fromNetwork('austin-downtown');
    const dallas = await fromNetwork('dallas-uptown');
    // The pages really differ where the old shared ids mixed them up.
    expect(austin.treatment.disclaimer).not.toEqual(dallas.treatment.disclaimer);
    expect(austin.treatment.itemId).toBe(dallas.treatment.itemId);
    expect(austin.treatment.id).not.toBe(dallas.treatment.id);
    expect(austin.brandTreatment.id).not.toBe(austin.treatment.id);

    const austinAgain = await client.query({
      query: PAGE,
      variables: { clinic: 'austin-downtown' },
      fetchPolicy: 'cache-only',
    });
    expect(austinAgain.data).toEqual(austin);
    const dallasAgain = await client.query({
      query: PAGE,
      variables: { clinic: 'dallas-uptown' },
      fetchPolicy: 'cache-only',
    });
    expect(dallasAgain.data).toEqual(dallas);
    // And both equal a fresh answer from the server.
    expect(await fromNetwork('austin-downtown')).toEqual(austin);
  });

  it('node(id:) refetches every object a page shows, with the same values', async () => {
    for (const clinic of ['austin-downtown', 'dallas-uptown']) {
      const page = await fromNetwork(clinic);
      const objects = objectsWithIds(page);
      const ids = [...objects.keys()];
      const { body } = await app.graphql(NODES, { ids });
      expect(body.errors).toBeUndefined();
      const refetched = body.data.nodes as Obj[];
      const types = new Set(refetched.map((node) => node.__typename));
      expect(types).toEqual(
        new Set(['Brand', 'Clinic', 'Faq', 'PriceItem', 'Provider', 'Region', 'Treatment']),
      );
      for (const [i, id] of ids.entries()) {
        expect(ownFields(refetched[i])).toEqual(objects.get(id));
      }
      // One by one too: node(id:).
      const single = await app.graphql(
        `query($id: ID!) { node(id: $id) { __typename ... on Treatment { disclaimer } } }`,
        { id: page.treatment.id },
      );
      expect(single.body.data.node).toMatchObject({
        __typename: 'Treatment',
        disclaimer: page.treatment.disclaimer,
      });
    }
  });

  it('brand FAQs shown at two clinics have two ids, one item id', async () => {
    const austin = await fromNetwork('austin-downtown');
    const dallas = await fromNetwork('dallas-uptown');
    const brandFaq = austin.brandTreatment.faqs[0];
    const atAustin = austin.treatment.faqs.find((faq: Obj) => faq.itemId === brandFaq.itemId);
    const atDallas = dallas.treatment.faqs.find((faq: Obj) => faq.itemId === brandFaq.itemId);
    expect(atAustin && atDallas).toBeTruthy();
    expect(new Set([brandFaq.id, atAustin?.id, atDallas?.id]).size).toBe(3);
  });

  it('a locator’s distance is part of the clinic’s identity', async () => {
    const query = `query($near: GeoPointInput) {
      clinics(brand: "${BRAND}", filter: { near: $near }, first: 1) { edges { node { id itemId distanceKm } } }
    }`;
    const near = { lat: 30.3, lng: -97.7 };
    const withDistance = (await app.graphql(query, { near })).body.data.clinics.edges[0].node;
    const plain = (await app.graphql(query, { near: null })).body.data.clinics.edges[0].node;
    expect(withDistance.distanceKm).toBeGreaterThan(0);
    const { body } = await app.graphql(
      `query($id: ID!) { node(id: $id) { id ... on Clinic { itemId distanceKm } } }`,
      { id: withDistance.id },
    );
    expect(body.data.node).toEqual(withDistance);
    const same = (await app.graphql(query, { near: null })).body.data.clinics.edges[0].node;
    expect(same.id).toBe(plain.id);
    if (plain.itemId === withDistance.itemId) expect(plain.id).not.toBe(withDistance.id);
  });

  it('answers the docs/api.md example', async () => {
    const { body } = await app.graphql(`{
      node(id: "AQUBSZamWh2CWY2nUf6KFgp7q4nU-eKhC1x0nJ1Jh5keBvE") {
        __typename id
        ... on Faq { itemId question }
      }
    }`);
    expect(body).toEqual({
      data: {
        node: {
          __typename: 'Faq',
          id: 'AQUBSZamWh2CWY2nUf6KFgp7q4nU-eKhC1x0nJ1Jh5keBvE',
          itemId: '4996a65a-1d82-598d-a751-fe8a160a7bab',
          question: 'How many sessions are needed?',
        },
      },
    });
    // The FAQ widget example (Houston's list) shows the same id.
    const widget = await app.graphql(`{
      faqs(brand: "${BRAND}", clinic: "houston-galleria", treatment: "micro-needling", first: 2) {
        edges { node { id itemId } }
      }
    }`);
    expect(widget.body.data.faqs.edges[0].node).toEqual({
      id: 'AQUBSZamWh2CWY2nUf6KFgp7q4nU-eKhC1x0nJ1Jh5keBvE',
      itemId: '4996a65a-1d82-598d-a751-fe8a160a7bab',
    });
  });

  describe('visibility: what the root queries show, nothing more', () => {
    const node = (id: string, headers: Record<string, string> = {}) =>
      app.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, headers);
    const codeOf = (body: { errors?: { extensions: { code: string } }[] }) =>
      body.errors?.[0].extensions.code;

    let treatmentId: string;
    let brandId: string;
    let dallasId: string;
    beforeAll(async () => {
      [{ id: treatmentId, brand_id: brandId }] = await app.dataSource.query(
        `SELECT t.id, t.brand_id FROM treatments t JOIN brands b ON b.id = t.brand_id
          WHERE b.slug = $1 AND t.slug = 'micro-needling'`,
        [BRAND],
      );
      [{ id: dallasId }] = await app.dataSource.query(
        `SELECT c.id FROM clinics c JOIN brands b ON b.id = c.brand_id
          WHERE b.slug = $1 AND c.slug = 'dallas-uptown'`,
        [BRAND],
      );
    });

    it('a malformed id is BAD_USER_INPUT; an unknown one is null', async () => {
      for (const bad of ['nope', treatmentId, '', 'AQQA', `${'A'.repeat(300)}`]) {
        expect(codeOf((await node(bad)).body)).toBe('BAD_USER_INPUT');
      }
      const nodes = await app.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
        ids: [
          encodeGlobalId({
            type: 'Treatment',
            itemId: treatmentId,
            clinicId: null,
            mode: PUBLISHED,
          }),
          'x',
        ],
      });
      expect(codeOf(nodes.body)).toBe('BAD_USER_INPUT');
      expect(nodes.body.errors?.[0].message).toContain('ids[1]');

      const unknown = encodeGlobalId({
        type: 'Treatment',
        itemId: '00000000-0000-4000-8000-000000000000',
        clinicId: null,
        mode: PUBLISHED,
      });
      expect((await node(unknown)).body).toEqual({ data: { node: null } });
    });

    it('a treatment at a clinic that does not offer it is null', async () => {
      // A clinic of another brand offers nothing of this one.
      const [{ id: offered }] = await app.dataSource.query(
        `SELECT c.id FROM clinics c JOIN brands b ON b.id = c.brand_id WHERE b.slug = $1`,
        [OTHER],
      );
      const id = encodeGlobalId({
        type: 'Treatment',
        itemId: treatmentId,
        clinicId: offered,
        mode: PUBLISHED,
      });
      expect((await node(id)).body).toEqual({ data: { node: null } });
      const atDallas = encodeGlobalId({
        type: 'Treatment',
        itemId: treatmentId,
        clinicId: dallasId,
        mode: PUBLISHED,
      });
      expect((await node(atDallas)).body.data.node).toEqual({ id: atDallas });
    });

    it('preview ids: the same rights as preview: true, and never the published id', async () => {
      const previewId = encodeGlobalId({
        type: 'Treatment',
        itemId: treatmentId,
        clinicId: dallasId,
        mode: previewOf(brandId),
      });
      expect(codeOf((await node(previewId)).body)).toBe('UNAUTHENTICATED');
      const otherBrand = await apiKeyHeaders(app, OTHER, ['preview']);
      expect(codeOf((await node(previewId, otherBrand)).body)).toBe('FORBIDDEN');
      const deliveryOnly = await apiKeyHeaders(app, BRAND, ['delivery']);
      expect(codeOf((await node(previewId, deliveryOnly)).body)).toBe('FORBIDDEN');
      const previewKey = await apiKeyHeaders(app, BRAND, ['preview']);

      const query = `query($preview: Boolean) {
        treatment(brand: "${BRAND}", slug: "micro-needling", clinic: "dallas-uptown", preview: $preview) { id itemId }
      }`;
      const draft = (await app.graphql(query, { preview: true }, previewKey)).body.data.treatment;
      const live = (await app.graphql(query, { preview: false }, previewKey)).body.data.treatment;
      expect(draft.id).toBe(previewId);
      expect(draft.itemId).toBe(live.itemId);
      expect(draft.id).not.toBe(live.id);
      expect((await node(previewId, previewKey)).body.data.node).toEqual({ id: previewId });
    });
  });
});
