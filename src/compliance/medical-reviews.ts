import type { EntityManager } from 'typeorm';

export type ReviewDecision = 'APPROVED' | 'CHANGES_REQUESTED';

/** One append-only review record (medical_reviews). */
export interface MedicalReviewRow {
  id: string;
  entityType: string;
  entityId: string;
  itemVersion: number;
  contentHash: string;
  decision: ReviewDecision;
  fields: string[];
  comment: string | null;
  reviewerId: string;
  reviewerLabel: string;
  reviewDueAt: Date | null;
  createdAt: Date;
}

export const REVIEW_COLUMNS = `r.id, r.entity_type AS "entityType", r.entity_id AS "entityId",
  r.item_version AS "itemVersion", r.content_hash AS "contentHash", r.decision, r.fields, r.comment,
  r.reviewer_id AS "reviewerId", r.reviewer_label AS "reviewerLabel",
  r.review_due_at AS "reviewDueAt", r.created_at AS "createdAt"`;

/**
 * The latest review of each item's current content (its hash), or null:
 * an approval holds while it is the latest word on exactly that content; a
 * later change request on the same content withdraws it, and any edit
 * (another hash) leaves it behind. One statement for all items.
 */
export async function latestReviewsOfContent(
  db: EntityManager,
  items: readonly { type: string; id: string; hash: string }[],
): Promise<(MedicalReviewRow | null)[]> {
  if (items.length === 0) return [];
  const rows: (MedicalReviewRow & { n: number })[] = await db.query(
    `SELECT DISTINCT ON (k.n) k.n, ${REVIEW_COLUMNS}
       FROM unnest($1::text[], $2::uuid[], $3::text[]) WITH ORDINALITY AS k(type, id, hash, n)
       JOIN medical_reviews r
         ON r.entity_type = k.type AND r.entity_id = k.id AND r.content_hash = k.hash
      ORDER BY k.n, r.created_at DESC, r.id DESC`,
    [items.map((item) => item.type), items.map((item) => item.id), items.map((item) => item.hash)],
  );
  return items.map((_, i) => rows.find((row) => Number(row.n) === i + 1) ?? null);
}

/** Every review of each item, newest first (one statement). */
export async function reviewHistories(
  db: EntityManager,
  keys: readonly string[],
): Promise<MedicalReviewRow[][]> {
  const pairs = keys.map((key) => key.split(':'));
  const rows: (MedicalReviewRow & { key: string })[] = await db.query(
    `SELECT ${REVIEW_COLUMNS}, r.entity_type || ':' || r.entity_id AS key
       FROM medical_reviews r
       JOIN unnest($1::text[], $2::uuid[]) AS k(type, id) ON r.entity_type = k.type AND r.entity_id = k.id
      ORDER BY r.created_at DESC, r.id DESC`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
  return keys.map((key) => rows.filter((row) => row.key === key));
}
