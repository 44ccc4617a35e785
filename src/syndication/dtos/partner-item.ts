import type { SyndicatedType } from '../syndicated-types';
import type { PartnerClinic } from './partner-clinic.object';
import type { PartnerFaq } from './partner-faq.object';
import type { PartnerPriceItem } from './partner-price-item.object';
import type { PartnerTreatment } from './partner-treatment.object';

/** An item partners see, tagged with the type it was read as. */
export type PartnerItemOf =
  | (PartnerClinic & { syndicatedType: 'CLINIC' })
  | (PartnerTreatment & { syndicatedType: 'TREATMENT' })
  | (PartnerFaq & { syndicatedType: 'FAQ' })
  | (PartnerPriceItem & { syndicatedType: 'PRICE_ITEM' });

/** The ContentChange field that carries an item of each type. */
export function itemFields(item: PartnerItemOf | null) {
  return {
    item,
    clinic: item?.syndicatedType === 'CLINIC' ? item : null,
    treatment: item?.syndicatedType === 'TREATMENT' ? item : null,
    faq: item?.syndicatedType === 'FAQ' ? item : null,
    priceItem: item?.syndicatedType === 'PRICE_ITEM' ? item : null,
  };
}

export type { SyndicatedType };
