import { col, type ContentTypeDef, selectList } from '../content-types/content-type';
import { validatePriceItem } from './price-validity';

export const PRICE_ITEM_CONTENT: ContentTypeDef = {
  type: 'PRICE_ITEM',
  table: 'price_items',
  alias: 'p',
  columns: {
    label: col('label'),
    kind: col('kind'),
    amountMinor: col('amount_minor'),
    currency: col('currency'),
    isFromPrice: col('is_from_price'),
    sessions: col('sessions'),
    validFrom: col('valid_from', 'date'),
    validUntil: col('valid_until', 'date'),
    position: col('position'),
  },
  parentColumns: { clinicTreatmentId: col('clinic_treatment_id') },
  placementSql: `SELECT c.brand_id, 'CLINIC' AS level,
                    array_remove(ARRAY[c.region_id], NULL) AS region_ids, ARRAY[c.id] AS clinic_ids
               FROM clinic_treatments ct JOIN clinics c ON c.id = ct.clinic_id
              WHERE ct.id = x.clinic_treatment_id`,
  validate: validatePriceItem,
  textFields: ['label'],
};

/** The columns of `price_items p` under PriceItemEntity's property names, for delivery and partner SQL. */
export const PRICE_ITEM_SELECT = selectList(PRICE_ITEM_CONTENT);
