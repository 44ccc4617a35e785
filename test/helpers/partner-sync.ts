import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

export const CONTENT_CHANGES = `query($brand: String!, $after: String, $first: Int) {
  contentChanges(brand: $brand, after: $after, first: $first) {
    endCursor
    hasMore
    changes {
      operation type id version sequence
      clinic { id version slug name address { city } status openingHours { day opens closes } }
      treatment { id version slug name summary facts { sessions { min max } } }
      faq { id version scope clinicId question answer position treatmentIds }
      priceItem { id version clinicId treatmentId label amount { amountMinor currency formatted } }
    }
  }
}`;

export interface Change {
  operation: 'UPSERT' | 'DELETE';
  type: string;
  id: string;
  version: number;
  sequence: string | null;
  clinic: Record<string, any> | null;
  treatment: Record<string, any> | null;
  faq: Record<string, any> | null;
  priceItem: Record<string, any> | null;
}

/** The item a change carries, whatever its type. */
export const itemOf = (change: Change) =>
  change.clinic ?? change.treatment ?? change.faq ?? change.priceItem;

/** What a partner keeps: the comparable part of each item, by "TYPE:id". */
export type PartnerCopy = Map<string, Record<string, unknown>>;

/** The fields compared between a partner's copy and the published state. */
export function comparable(type: string, item: Record<string, any>): Record<string, unknown> {
  switch (type) {
    case 'CLINIC':
      return { version: item.version, name: item.name };
    case 'TREATMENT':
      return { version: item.version, summary: item.summary };
    case 'FAQ':
      return {
        version: item.version,
        answer: item.answer,
        clinicId: item.clinicId,
        treatmentIds: [...(item.treatmentIds as string[])].sort((a, b) => a.localeCompare(b)),
      };
    default:
      return { version: item.version, amountMinor: item.amount.amountMinor };
  }
}

/**
 * A partner's sync client, as docs/syndication.md describes it: ask for
 * changes after the stored cursor, apply them in order, store the new cursor.
 */
export class PartnerClient {
  readonly copy: PartnerCopy = new Map();
  readonly seen: Change[] = [];
  cursor: string | null = null;

  constructor(
    private readonly app: TestApp,
    private readonly brand: string,
    private readonly headers: Record<string, string>,
    private readonly pageSize: number,
  ) {}

  /** One page; returns hasMore. */
  async syncPage(): Promise<boolean> {
    const { body } = await this.app.graphql(
      CONTENT_CHANGES,
      { brand: this.brand, after: this.cursor, first: this.pageSize },
      this.headers,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const page = body.data.contentChanges;
    for (const change of page.changes as Change[]) {
      this.seen.push(change);
      const key = `${change.type}:${change.id}`;
      if (change.operation === 'DELETE') this.copy.delete(key);
      else this.copy.set(key, comparable(change.type, itemOf(change)!));
    }
    this.cursor = page.endCursor;
    return page.hasMore;
  }

  async syncPages(pages: number): Promise<void> {
    for (let i = 0; i < pages; i++) await this.syncPage();
  }

  /** Until the feed says it is up to date (bounded, so a bug cannot hang the suite). */
  async syncAll(): Promise<void> {
    for (let i = 0; i < 1000; i++) if (!(await this.syncPage())) return;
    throw new Error('sync did not finish in 1000 pages');
  }
}

/**
 * The published state partners must end up with, read straight from the
 * tables (independently of the feed's own queries).
 */
export async function publishedState(
  db: DataSource,
  brandId: string,
  clinicIds: string[] | null = null,
): Promise<PartnerCopy> {
  const inClinics = (column: string) =>
    clinicIds ? `AND (${column} IS NULL OR ${column} = ANY($2::uuid[]))` : '';
  const params = clinicIds ? [brandId, clinicIds] : [brandId];
  const state: PartnerCopy = new Map();
  const put = (type: string, rows: Record<string, any>[]) =>
    rows.forEach((row) => state.set(`${type}:${row.id}`, comparable(type, row)));
  put(
    'CLINIC',
    await db.query(
      `SELECT id, version, name FROM clinics c
        WHERE brand_id = $1 AND publication_status = 'PUBLISHED' ${inClinics('c.id')}`,
      params,
    ),
  );
  put(
    'TREATMENT',
    await db.query(
      `SELECT id, version, summary FROM treatments WHERE brand_id = $1 AND publication_status = 'PUBLISHED'`,
      [brandId],
    ),
  );
  put(
    'FAQ',
    await db.query(
      `SELECT f.id, f.version, f.answer, f.clinic_id AS "clinicId",
              ARRAY(SELECT ft.treatment_id::text FROM faq_treatments ft JOIN treatments t ON t.id = ft.treatment_id
                     WHERE ft.faq_id = f.id AND t.publication_status = 'PUBLISHED') AS "treatmentIds"
         FROM faqs f
        WHERE f.brand_id = $1 AND f.publication_status = 'PUBLISHED' ${inClinics('f.clinic_id')}`,
      params,
    ),
  );
  put(
    'PRICE_ITEM',
    (
      await db.query(
        `SELECT p.id, p.version, p.amount_minor AS "amountMinor"
           FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
           JOIN clinics c ON c.id = ct.clinic_id
          WHERE c.brand_id = $1 AND p.publication_status = 'PUBLISHED'
            AND ct.publication_status = 'PUBLISHED' ${inClinics('ct.clinic_id')}`,
        params,
      )
    ).map((row: any) => ({ ...row, amount: { amountMinor: row.amountMinor } })),
  );
  return state;
}

export const sorted = (copy: PartnerCopy) =>
  [...copy.entries()].sort(([a], [b]) => a.localeCompare(b));
