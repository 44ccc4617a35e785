import { randomUUID } from 'node:crypto';
import {
  createOtherBrand,
  EditingFixture,
  Headers,
  OtherBrand,
  SEEDED,
  signInNewEditor,
  startEditingFixture,
} from '../helpers/content-editing';

/**
 * Issue 9.12: ids of another brand's revisions and items are answered
 * exactly like ids that do not exist (same code, same message), so no
 * caller can tell that a rival's id is real.
 */
describe('security: another brand’s revision and item ids answer like missing ones', () => {
  let f: EditingFixture;
  let other: OtherBrand;
  /** A revision of the other brand's provider, and one of ours. */
  let foreignRevision: string;
  let ownRevision: string;
  let missingRevision: string;

  beforeAll(async () => {
    f = await startEditingFixture();
    other = await createOtherBrand(f.app);
    const otherAdmin = await signInNewEditor(f.app, other.brand, 'BRAND_ADMIN');
    await f.ok('updateProvider', { id: other.provider, version: 1, bio: 'Theirs.' }, otherAdmin);
    const ours = await f.item('PROVIDER', SEEDED.provider('jordan-reyes'));
    await f.ok('updateProvider', { id: ours.id, version: ours.version, bio: 'Ours.' }, f.as.admin);
    const revisionOf = async (entityId: string) =>
      (
        await f.app.dataSource.query(
          `SELECT id::text FROM revisions WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
          [entityId],
        )
      )[0].id as string;
    foreignRevision = await revisionOf(other.provider);
    ownRevision = await revisionOf(ours.id);
    missingRevision = String(Number(foreignRevision) + 1_000_000);
  });
  afterAll(() => f?.close());

  /** The first error's code and message. */
  const answer = async (query: string, variables: Record<string, unknown>, headers: Headers) => {
    const { body } = await f.app.graphql(query, variables, headers);
    const error = body.errors?.[0];
    return { code: error?.extensions?.code as string | undefined, message: error?.message };
  };

  const DIFF = `query($from: ID!, $to: ID!) { revisionDiff(from: $from, to: $to) { field } }`;
  const RESTORE = `mutation($input: RestoreRevisionInput!) { restoreRevision(input: $input) { id } }`;
  const ITEM = `query($type: ContentType!, $id: ID!) { item(type: $type, id: $id) { id } }`;
  const REVISIONS = `query($type: ContentType!, $id: ID!) { revisions(type: $type, id: $id) { totalCount } }`;
  const PUBLISH = `mutation($input: PublishInput!) { publish(input: $input) { id } }`;

  /** Each request twice: with the other brand's id, and with one that does not exist. */
  const probes = () => [
    {
      name: 'revisionDiff',
      query: DIFF,
      foreign: { from: foreignRevision, to: foreignRevision },
      missing: { from: missingRevision, to: missingRevision },
    },
    {
      name: 'revisionDiff from one of ours',
      query: DIFF,
      foreign: { from: ownRevision, to: foreignRevision },
      missing: { from: ownRevision, to: missingRevision },
    },
    {
      name: 'restoreRevision',
      query: RESTORE,
      foreign: { input: { revisionId: foreignRevision, version: 2 } },
      missing: { input: { revisionId: missingRevision, version: 2 } },
    },
    {
      name: 'item',
      query: ITEM,
      foreign: { type: 'PROVIDER', id: other.provider },
      missing: { type: 'PROVIDER', id: randomUUID() },
    },
    {
      name: 'revisions',
      query: REVISIONS,
      foreign: { type: 'PROVIDER', id: other.provider },
      missing: { type: 'PROVIDER', id: randomUUID() },
    },
    {
      name: 'publish',
      query: PUBLISH,
      foreign: { input: { items: [{ type: 'PROVIDER', id: other.provider, version: 2 }] } },
      missing: { input: { items: [{ type: 'PROVIDER', id: randomUUID(), version: 2 }] } },
    },
  ];

  it.each(['admin', 'editor', 'austin'] as const)(
    'answers a %s the same for another brand’s ids as for missing ones',
    async (who) => {
      const differences: string[] = [];
      for (const probe of probes()) {
        const foreign = await answer(probe.query, probe.foreign, f.as[who]);
        const missing = await answer(probe.query, probe.missing, f.as[who]);
        expect(foreign.code).toBeDefined();
        if (JSON.stringify(foreign) !== JSON.stringify(missing)) {
          differences.push(
            `${probe.name}: ${JSON.stringify(foreign)} vs ${JSON.stringify(missing)}`,
          );
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it('leaves the other brand’s provider as it was', async () => {
    const [row] = await f.app.dataSource.query(`SELECT draft FROM providers WHERE id = $1`, [
      other.provider,
    ]);
    expect(row.draft).toEqual({ bio: 'Theirs.' });
  });
});
