import { createUnionType } from '@nestjs/graphql';
import type { SyndicatedType } from '../syndicated-types';
import { PartnerClinic } from './partner-clinic.object';
import { PartnerFaq } from './partner-faq.object';
import { PartnerPriceItem } from './partner-price-item.object';
import { PartnerTreatment } from './partner-treatment.object';

/** An item with the type it was read as (never exposed; picks the union member). */
export type PartnerItemOf = (PartnerClinic | PartnerTreatment | PartnerFaq | PartnerPriceItem) & {
  syndicatedType: SyndicatedType;
};

const MEMBERS = {
  CLINIC: PartnerClinic,
  TREATMENT: PartnerTreatment,
  FAQ: PartnerFaq,
  PRICE_ITEM: PartnerPriceItem,
} as const;

export const PartnerItem = createUnionType({
  name: 'PartnerItem',
  description: 'A published item a partner stores.',
  types: () => [PartnerClinic, PartnerTreatment, PartnerFaq, PartnerPriceItem] as const,
  resolveType: (item: PartnerItemOf) => MEMBERS[item.syndicatedType],
});
