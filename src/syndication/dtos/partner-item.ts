import type { SyndicatedType } from '../syndicated-types';
import type {
  ChangeOperationName,
  ContentChange,
  SyndicatedTypeName,
} from './content-change.object';
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

/**
 * A change of the feed, with its item in the ContentChange field of its type
 * (the others null). One object per change, built at once: a first sync
 * makes 500 of them a page.
 */
export function contentChange(
  operation: ChangeOperationName,
  type: SyndicatedTypeName,
  id: string,
  version: number,
  sequence: string | null,
  item: PartnerItemOf | null,
): ContentChange {
  return {
    operation,
    type,
    id,
    version,
    sequence,
    item,
    clinic: item?.syndicatedType === 'CLINIC' ? item : null,
    treatment: item?.syndicatedType === 'TREATMENT' ? item : null,
    faq: item?.syndicatedType === 'FAQ' ? item : null,
    priceItem: item?.syndicatedType === 'PRICE_ITEM' ? item : null,
  };
}

export type { SyndicatedType };
