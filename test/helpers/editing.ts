import { stableId } from '../../seeds/stable-id';
import type { GraphqlResponse, TestApp } from './test-app';

/** The demo brand's seeded ids (seeds/stable-id.ts). */
export const LUMEN = {
  slug: 'lumen-aesthetics',
  brandId: stableId('brand:lumen-aesthetics'),
  texas: stableId('region:texas'),
  colorado: stableId('region:colorado'),
  austin: stableId('clinic:austin-downtown'),
  dallas: stableId('clinic:dallas-uptown'),
  denver: stableId('clinic:denver-cherry-creek'),
};

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

export const ref = (item: Item) => ({ type: item.type, id: item.id, version: item.version });

/** The first error of an answer (undefined when it succeeded). */
export const errorOf = (response: GraphqlResponse<unknown>) => response.body.errors?.[0];

/** Data of an answer that must have succeeded. */
export function dataOf<T = any>(response: GraphqlResponse<T>): T {
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!;
}

export async function publish(
  app: TestApp,
  headers: Record<string, string>,
  items: Item[],
): Promise<Item[]> {
  const response = await app.graphql(
    `mutation($input: PublishInput!) { publish(input: $input) { ${ITEM} } }`,
    { input: { items: items.map(ref) } },
    headers,
  );
  return dataOf(response).publish;
}

let treatments = 0;

/**
 * A new published brand treatment that every demo clinic offers (so
 * `treatment(brand, slug, clinic)` resolves it), written by `headers`.
 */
export async function publishedTreatment(
  app: TestApp,
  headers: Record<string, string>,
  fields: Record<string, unknown> = {},
): Promise<Item> {
  treatments += 1;
  const created = dataOf(
    await app.graphql(
      `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${ITEM} } }`,
      {
        input: {
          slug: `peel-${treatments}-${Date.now()}`,
          name: 'Chemical Peel',
          summary: 'Brand summary.',
          aliases: ['Peel'],
          ...fields,
        },
      },
      headers,
    ),
  ).createTreatment;
  const [live] = await publish(app, headers, [created]);
  // Offerings are another feature's mutations: set up directly.
  await app.dataSource.query(
    `INSERT INTO clinic_treatments (clinic_id, treatment_id, publication_status)
     SELECT id, $1, 'PUBLISHED' FROM clinics WHERE brand_id = $2`,
    [live.id, LUMEN.brandId],
  );
  return live;
}

/**
 * Whether an error message names the input field: a rule of the input's
 * validators ("currency: …") or a scalar that refused the value while the
 * variables were read ("… at \"input.currency\"; …").
 */
export function namesInputField(field: string): RegExp {
  const name = field.replace(/\./g, '\\.');
  return new RegExp(`${name}:|"input\\.${name}"`);
}

/**
 * setOverride of a treatment's summary at the demo brand's Austin clinic
 * (a clinic editor's everyday save), answering `outcome` and the item.
 */
export function setSummaryAtAustin(
  app: TestApp,
  headers: Record<string, string>,
  treatment: Pick<Item, 'id'>,
  value: string,
  version?: number,
): Promise<GraphqlResponse<any>> {
  return app.graphql(
    `mutation($input: SetOverrideInput!) { setOverride(input: $input) { outcome item { ${ITEM} } } }`,
    {
      input: {
        scope: 'CLINIC',
        clinicId: LUMEN.austin,
        entityType: 'TREATMENT',
        entityId: treatment.id,
        field: 'summary',
        value,
        version,
      },
    },
    headers,
  );
}
