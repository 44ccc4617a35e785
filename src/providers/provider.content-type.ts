import { assertQualifiedLinks } from '../compliance/credential-check';
import { col, type ContentTypeDef, selectList } from '../content-types/content-type';

export const PROVIDER_CONTENT: ContentTypeDef = {
  type: 'PROVIDER',
  table: 'providers',
  alias: 'p',
  columns: {
    slug: col('slug'),
    name: col('name'),
    credentials: col('credentials', 'text[]'),
    title: col('title'),
    bio: col('bio'),
    photoUrl: col('photo_url'),
  },
  links: {
    clinicIds: {
      table: 'provider_clinics',
      ownColumn: 'provider_id',
      otherColumn: 'clinic_id',
      otherTable: 'clinics',
    },
    treatmentIds: {
      table: 'provider_treatments',
      ownColumn: 'provider_id',
      otherColumn: 'treatment_id',
      otherTable: 'treatments',
    },
  },
  parentColumns: { brandId: col('brand_id') },
  // Canonical, but the people at a provider's clinics keep the bio current.
  placementSql: `SELECT x.brand_id, 'BRAND' AS level,
                    coalesce((SELECT array_agg(DISTINCT c.region_id) FILTER (WHERE c.region_id IS NOT NULL)
                                FROM provider_clinics pc JOIN clinics c ON c.id = pc.clinic_id
                               WHERE pc.provider_id = x.id), '{}') AS region_ids,
                    coalesce((SELECT array_agg(pc.clinic_id) FROM provider_clinics pc
                               WHERE pc.provider_id = x.id), '{}') AS clinic_ids`,
  localFields: ['bio', 'title', 'photoUrl'],
  textFields: ['credentials', 'title', 'bio'],
  // One bio per provider: a big brand's are too many for the memo of renderings.
  renderedOnWrite: ['bio'],
  validate: assertQualifiedLinks,
};

/** The columns of `providers p` under ProviderEntity's property names, for delivery SQL. */
export const PROVIDER_SELECT = selectList(PROVIDER_CONTENT);
