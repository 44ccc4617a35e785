import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeGlobalId } from '../graphql/global-id';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { ContentSources, type SourceOf } from '../read-mode/content-sources';
import { PublishedBrandMemo } from '../read-mode/published-brand-memo';
import { PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { Faq } from './dtos/faq.object';
import { faqFields } from './faq.mapper';
import { markdownHtmlPrototype } from '../markdown/markdown';
import { FAQ_CONTENT, FAQ_SELECT } from './faq.content-type';
import { FaqEntity } from './faq.entity';
import { columnList } from '../content-types/content-type';

/** `clinicId:treatmentId` keys as two id lists, for unnest(). */
function splitPairs(keys: readonly string[]): [string[], string[]] {
  const pairs = keys.map((key) => key.split(':'));
  return [pairs.map(([clinicId]) => clinicId), pairs.map(([, treatmentId]) => treatmentId)];
}

/** A FAQ with the ids of the treatments it is about. */
export type FaqRow = FaqEntity & { treatmentIds: string[] };

const faqRowSql = (from: SourceOf) => `
  SELECT ${FAQ_SELECT},
         coalesce(array_agg(ft.treatment_id) FILTER (WHERE ft.treatment_id IS NOT NULL), '{}') AS "treatmentIds"
    FROM ${from('faqs')} f
    LEFT JOIN ${from('faq_treatments')} ft ON ft.faq_id = f.id`;
const FAQ_GROUP = columnList(FAQ_CONTENT);
const FAQ_ROW_GROUP = `GROUP BY ${FAQ_GROUP} ORDER BY f.position, f.id`;

/** A clinic's own published FAQ (all columns null for a clinic without one) and its brand. */
type LocalFaqRow = FaqRow & { forBrandId: string };

/** Each clinic's own published FAQs and its brand, and the same about one treatment per `clinicId:treatmentId` key (see withBrandFaqs). */
function publishedLocalFaqSql(from: SourceOf) {
  const agg = `coalesce(array_agg(ft.treatment_id) FILTER (WHERE ft.treatment_id IS NOT NULL), '{}') AS "treatmentIds"`;
  return {
    all: `
  SELECT c.id AS "forClinicId", c.brand_id AS "forBrandId", ${FAQ_SELECT}, ${agg}
    FROM ${from('clinics')} c
    LEFT JOIN ${from('faqs')} f ON f.clinic_id = c.id
    LEFT JOIN ${from('faq_treatments')} ft ON ft.faq_id = f.id
   WHERE c.id = ANY($1)
   GROUP BY c.id, c.brand_id, ${FAQ_GROUP}
   ORDER BY f.position, f.id`,
    about: `
  SELECT k.clinic_id || ':' || k.treatment_id AS key, c.brand_id AS "forBrandId", ${FAQ_SELECT}, ${agg}
    FROM unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
    JOIN ${from('clinics')} c ON c.id = k.clinic_id
    LEFT JOIN ${from('faqs')} f
      ON f.clinic_id = c.id
     AND EXISTS (SELECT 1 FROM ${from('faq_treatments')} about
                  WHERE about.faq_id = f.id AND about.treatment_id = k.treatment_id)
    LEFT JOIN ${from('faq_treatments')} ft ON ft.faq_id = f.id
   GROUP BY k.clinic_id, k.treatment_id, c.brand_id, ${FAQ_GROUP}
   ORDER BY f.position, f.id`,
  };
}

/** Two lists in FAQ order (position, then id) as one, as `ORDER BY f.position, f.id` gives them. */
function mergeByPosition(a: FaqRow[], b: FaqRow[]): FaqRow[] {
  const merged: FaqRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first =
      a[i].position < b[j].position || (a[i].position === b[j].position && a[i].id < b[j].id);
    merged.push(first ? a[i++] : b[j++]);
  }
  return merged.concat(a.slice(i), b.slice(j));
}

/** Delivered FAQs: `answerHtml` rendered when read (see markdownHtmlPrototype). */
const DELIVERED_FAQ = markdownHtmlPrototype('answer', 'answerHtml');

/** Reads FAQs for delivery (published, or a brand's working copy). */
@Injectable()
export class FaqsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
    private readonly brandMemo: PublishedBrandMemo,
  ) {
    this.publishedLocal = publishedLocalFaqSql(sources.of(PUBLISHED));
  }

  /** Built once: the published reads' SQL never changes. */
  private readonly publishedLocal: { all: string; about: string };

  /** Each brand's brand-wide FAQs, in brand order. */
  readonly batchBrandFaqsByBrand = async (brandIds: readonly string[], mode: ReadMode) => {
    const rows: FaqRow[] = await this.db.query(
      `${faqRowSql(this.sources.of(mode))}
        WHERE f.brand_id = ANY($1) AND f.clinic_id IS NULL
        ${FAQ_ROW_GROUP}`,
      [brandIds],
    );
    return groupByKeys(brandIds, rows, (row) => row.brandId);
  };

  /**
   * The FAQs each clinic may show, in one statement: its brand's brand-wide
   * FAQs and its own (clinicId tells them apart), in position order.
   */
  readonly batchFaqsSeenByClinic = async (clinicIds: readonly string[], mode: ReadMode) => {
    if (mode.kind === 'PUBLISHED') {
      const local: (LocalFaqRow & { forClinicId: string })[] = await this.db.query(
        this.publishedLocal.all,
        [clinicIds],
      );
      return this.withBrandFaqs(clinicIds, local, (row) => row.forClinicId, null);
    }
    const from = this.sources.of(mode);
    const rows: (FaqRow & { forClinicId: string })[] = await this.db.query(
      `SELECT c.id AS "forClinicId", ${FAQ_SELECT},
              coalesce(array_agg(ft.treatment_id) FILTER (WHERE ft.treatment_id IS NOT NULL), '{}') AS "treatmentIds"
         FROM ${from('clinics')} c
         JOIN ${from('faqs')} f
           ON (f.brand_id = c.brand_id AND f.clinic_id IS NULL) OR f.clinic_id = c.id
         LEFT JOIN ${from('faq_treatments')} ft ON ft.faq_id = f.id
        WHERE c.id = ANY($1)
        GROUP BY c.id, ${FAQ_GROUP}
        ORDER BY f.position, f.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.forClinicId);
  };

  /**
   * The FAQs a clinic may show about one treatment, per `clinicId:treatmentId`
   * key: batchFaqsSeenByClinic narrowed in SQL, so a treatment page reads its
   * own FAQs instead of every treatment's (a fifth of the rows at five
   * treatments).
   */
  readonly batchFaqsSeenByClinicAbout = async (keys: readonly string[], mode: ReadMode) => {
    const [clinicIds, treatmentIds] = splitPairs(keys);
    if (mode.kind === 'PUBLISHED') {
      const local: (LocalFaqRow & { key: string })[] = await this.db.query(
        this.publishedLocal.about,
        [clinicIds, treatmentIds],
      );
      return this.withBrandFaqs(
        keys,
        local,
        (row) => row.key,
        (key) => key.split(':')[1],
      );
    }
    const from = this.sources.of(mode);
    const rows: (FaqRow & { key: string })[] = await this.db.query(
      `SELECT k.clinic_id || ':' || k.treatment_id AS key, ${FAQ_SELECT},
              coalesce(array_agg(ft.treatment_id) FILTER (WHERE ft.treatment_id IS NOT NULL), '{}') AS "treatmentIds"
         FROM unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
         JOIN ${from('clinics')} c ON c.id = k.clinic_id
         JOIN ${from('faqs')} f
           ON (f.brand_id = c.brand_id AND f.clinic_id IS NULL) OR f.clinic_id = c.id
         LEFT JOIN ${from('faq_treatments')} ft ON ft.faq_id = f.id
        WHERE EXISTS (SELECT 1 FROM ${from('faq_treatments')} about
                       WHERE about.faq_id = f.id AND about.treatment_id = k.treatment_id)
        GROUP BY k.clinic_id, k.treatment_id, ${FAQ_GROUP}
        ORDER BY f.position, f.id`,
      [clinicIds, treatmentIds],
    );
    return groupByKeys(keys, rows, (row) => row.key);
  };

  /**
   * Published lists of FAQs seen by clinics: each clinic's own `local` rows
   * (one row with a null id for a clinic that has none, to give its brand)
   * merged with its brand's brand-wide FAQs, which are the same for every
   * clinic of the brand and kept between requests (PublishedBrandMemo). With
   * `treatmentOf`, only brand FAQs about that key's treatment. Same rows and
   * order as batchFaqsSeenByClinic(About) reads in one statement for a preview.
   */
  private async withBrandFaqs<R extends LocalFaqRow>(
    keys: readonly string[],
    local: R[],
    keyOf: (row: R) => string,
    treatmentOf: ((key: string) => string) | null,
  ): Promise<FaqRow[][]> {
    const brandOf = new Map(local.map((row) => [keyOf(row), row.forBrandId]));
    return Promise.all(
      groupByKeys(keys, local, keyOf).map(async (own, i) => {
        const brandId = brandOf.get(keys[i]);
        if (brandId === undefined) return []; // no such published clinic
        const brandFaqs = await this.publishedBrandFaqs(brandId);
        const treatmentId = treatmentOf?.(keys[i]);
        return mergeByPosition(
          treatmentId === undefined
            ? brandFaqs
            : brandFaqs.filter((faq) => faq.treatmentIds.includes(treatmentId)),
          own.filter((row) => row.id !== null),
        );
      }),
    );
  }

  /** A brand's published brand-wide FAQs, in brand order, kept per content generation. */
  private publishedBrandFaqs(brandId: string): Promise<FaqRow[]> {
    return this.brandMemo.get(brandId, 'faqs', async () => {
      const [faqs] = await this.batchBrandFaqsByBrand([brandId], PUBLISHED);
      return faqs;
    });
  }

  /** FAQs by id, with the ids of their treatments. */
  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const rows: FaqRow[] = await this.db.query(
      `${faqRowSql(this.sources.of(mode))}
        WHERE f.id = ANY($1)
        ${FAQ_ROW_GROUP}`,
      [ids],
    );
    return pickByKeys(ids, rows, (row) => row.id);
  };

  toFaq(
    row: FaqRow,
    text: { question: string; answer: string },
    clinicId: string | null,
    mode: ReadMode,
  ): Faq {
    const fields: Omit<Faq, 'answerHtml'> = {
      id: encodeGlobalId({ type: 'Faq', itemId: row.id, clinicId, mode }),
      itemId: row.id,
      question: text.question,
      ...faqFields(row, text.answer),
      brandId: row.brandId,
      clinicId,
      treatmentIds: row.treatmentIds,
      mode,
    };
    return Object.assign(Object.create(DELIVERED_FAQ) as Faq, fields);
  }
}
