import { Client } from 'pg';
import { type BenchTarget, graphql, type GraphqlAnswer, round, statementsSent } from './bench-http';

export interface PartnerSyncOptions {
  /** The API, started with a partner rate limit the sync stays under. */
  target: BenchTarget;
  /** The bench database, for the floor. */
  databaseUrl: string;
  /** A `partner` key of the brand. */
  partnerKey: string;
  brand: string;
  /** The API's sync stops after this long even if the brand has more (the floor reads as many). */
  seconds: number;
}

export interface PartnerSyncFigures {
  floor: { itemsPerSec: number };
  api: { itemsPerSec: number };
  /** Items the API sent (the floor read the same ones), and whether that was the whole brand. */
  items: number;
  pages: number;
  complete: boolean;
  /** Statements the API sent per page (the floor sends 1). */
  apiSqlPerPage?: number;
}

/** The largest page `contentChanges` gives (MAX_SYNC_PAGE). */
const PAGE = 500;

/**
 * The selection of the partner client in docs/syndication.md, at the largest
 * page (cost 108,003; every field of every partner type 114,004, within the
 * query limit of 150,000: a change's one item counts once).
 */
const SYNC_QUERY = `query Sync($brand: String!, $after: String) {
  contentChanges(brand: $brand, after: $after, first: ${PAGE}) {
    endCursor hasMore
    changes {
      operation type id version
      clinic { id version slug name address { line1 city region postalCode } phone openingHours { day opens closes } }
      treatment { id version slug name summary facts { sessions { min max } recoveryDays { min max } } }
      faq { id version clinicId question answer position treatmentIds }
      priceItem { id version clinicId treatmentId label amount { amountMinor currency } validFrom validUntil }
    }
  }
}`;

type SyncedType = 'CLINIC' | 'TREATMENT' | 'FAQ' | 'PRICE_ITEM';
interface SyncPage {
  endCursor: string;
  hasMore: boolean;
  changes: { type: SyncedType; operation: 'UPSERT' | 'DELETE' }[];
}
const ORDER: SyncedType[] = ['CLINIC', 'TREATMENT', 'FAQ', 'PRICE_ITEM'];

/**
 * The floor: the same published rows, read the way the first sync walks
 * them (type by type, by id, pages of 500 after the last id), with one
 * hand-written statement per page on one connection, then serialized.
 */
const FLOOR_SQL: Record<SyncedType, string> = {
  CLINIC: `
    SELECT c.id, c.version, c.updated_at, c.slug, c.name, c.address_line1, c.address_line2, c.city,
           c.address_region, c.postal_code, c.country, c.latitude, c.longitude, c.phone, c.email,
           c.timezone, c.locale, c.currency, c.operating_status, c.opening_hours
      FROM clinics c
     WHERE c.brand_id = $1 AND c.publication_status = 'PUBLISHED' AND c.id > $2
     ORDER BY c.id LIMIT $3`,
  TREATMENT: `
    SELECT t.id, t.version, t.updated_at, t.slug, t.name, t.aliases, t.summary, t.facts,
           t.aftercare, t.contraindications, t.combines_with
      FROM treatments t
     WHERE t.brand_id = $1 AND t.publication_status = 'PUBLISHED' AND t.id > $2
     ORDER BY t.id LIMIT $3`,
  FAQ: `
    SELECT f.id, f.version, f.updated_at, f.clinic_id, f.question, f.answer, f.position,
           ARRAY(SELECT ft.treatment_id FROM faq_treatments ft
                   JOIN treatments t ON t.id = ft.treatment_id AND t.publication_status = 'PUBLISHED'
                  WHERE ft.faq_id = f.id ORDER BY ft.treatment_id) AS treatment_ids
      FROM faqs f
     WHERE f.brand_id = $1 AND f.publication_status = 'PUBLISHED' AND f.id > $2
     ORDER BY f.id LIMIT $3`,
  PRICE_ITEM: `
    SELECT p.id, p.version, p.updated_at, ct.clinic_id, ct.treatment_id, p.label, p.kind,
           p.amount_minor, p.currency, p.is_from_price, p.sessions, p.valid_from, p.valid_until,
           p.position, c.locale
      FROM price_items p
      JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id AND ct.publication_status = 'PUBLISHED'
      JOIN clinics c ON c.id = ct.clinic_id
     WHERE c.brand_id = $1 AND p.publication_status = 'PUBLISHED' AND p.id > $2
     ORDER BY p.id LIMIT $3`,
};

/**
 * partnerSync: a partner's first sync of the brand, from zero, through
 * `contentChanges` at the largest page, one page after the other as a
 * partner's loop sends them (each needs the last `endCursor`). Against a
 * floor that reads the same items with plain SQL.
 */
export async function measurePartnerSync(options: PartnerSyncOptions): Promise<PartnerSyncFigures> {
  const counts = new Map<SyncedType, number>(ORDER.map((type) => [type, 0]));
  let after: string | null = null;
  let pages = 0;
  let complete = false;
  const sqlBefore = options.target.statsPort ? await statementsSent(options.target) : undefined;
  const started = performance.now();
  while (performance.now() - started < options.seconds * 1000) {
    const answer: GraphqlAnswer<{ contentChanges: SyncPage }> = await graphql(
      options.target,
      SYNC_QUERY,
      { brand: options.brand, after },
      options.partnerKey,
    );
    if (answer.errors || !answer.data) {
      throw new Error(`contentChanges failed (${answer.status}): ${answer.text.slice(0, 300)}`);
    }
    const page: SyncPage = answer.data.contentChanges;
    pages++;
    for (const change of page.changes) {
      if (change.operation === 'UPSERT') counts.set(change.type, counts.get(change.type)! + 1);
    }
    after = page.endCursor;
    if (!page.hasMore) {
      complete = true;
      break;
    }
  }
  const apiSeconds = (performance.now() - started) / 1000;
  const apiSqlPerPage =
    sqlBefore === undefined
      ? undefined
      : round(((await statementsSent(options.target)) - sqlBefore) / Math.max(1, pages), 1);
  const items = [...counts.values()].reduce((a, b) => a + b, 0);

  const floorSeconds = await floorRead(options.databaseUrl, options.brand, counts);
  const figures: PartnerSyncFigures = {
    floor: { itemsPerSec: round(items / floorSeconds) },
    api: { itemsPerSec: round(items / apiSeconds) },
    items,
    pages,
    complete,
    apiSqlPerPage,
  };
  console.log(
    `  partnerSync: ${items} items in ${pages} pages of ${PAGE}${complete ? ' (the whole brand)' : ` (stopped after ${options.seconds} s)`}: ` +
      `API ${figures.api.itemsPerSec} items/s (${apiSqlPerPage ?? '?'} statements per page), floor ${figures.floor.itemsPerSec} items/s ` +
      `(${[...counts].map(([type, n]) => `${n} ${type}`).join(', ')})`,
  );
  return figures;
}

/** Seconds the floor takes to read and serialize `counts` items of each type. */
async function floorRead(
  databaseUrl: string,
  brand: string,
  counts: Map<SyncedType, number>,
): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: brandId }] = (await client.query(`SELECT id FROM brands WHERE slug = $1`, [brand]))
      .rows;
    const started = performance.now();
    for (const type of ORDER) {
      let left = counts.get(type)!;
      let lastId = '00000000-0000-0000-0000-000000000000';
      while (left > 0) {
        const { rows } = await client.query(FLOOR_SQL[type], [
          brandId,
          lastId,
          Math.min(PAGE, left),
        ]);
        if (rows.length === 0) break;
        JSON.stringify(rows);
        left -= rows.length;
        lastId = rows[rows.length - 1].id;
      }
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}
