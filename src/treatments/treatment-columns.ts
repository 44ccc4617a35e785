/**
 * The columns of `treatments t`, aliased to TreatmentEntity's property
 * names, for hand-written delivery SQL.
 */
export const TREATMENT_COLUMNS = `
  t.id, t.brand_id AS "brandId", t.slug, t.name, t.aliases, t.summary, t.sections,
  t.facts, t.aftercare, t.contraindications, t.combines_with AS "combinesWith",
  t.disclaimer, t.version, t.updated_at AS "updatedAt"`;
