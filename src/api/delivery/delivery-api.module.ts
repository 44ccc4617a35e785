import { Module } from '@nestjs/common';
import { BrandsModule } from '../../brands/brands.module';
import { RegionsModule } from '../../regions/regions.module';
import { ClinicsModule } from '../../clinics/clinics.module';
import { TreatmentsModule } from '../../treatments/treatments.module';
import { FaqsModule } from '../../faqs/faqs.module';
import { FaqDeliveryModule } from '../../faqs/faq-delivery.module';
import { ProvidersModule } from '../../providers/providers.module';
import { PricingModule } from '../../pricing/pricing.module';
import { ContentResolutionModule } from '../../content-resolution/content-resolution.module';
import { ReadModeModule } from '../../read-mode/read-mode.module';
import { BrandsResolver } from './brands.resolver';
import { ClinicsResolver } from './clinics.resolver';
import { FaqConnectionResolver, FaqsResolver } from './faqs.resolver';
import { NodeResolver } from './node.resolver';
import { ProvidersResolver } from './providers.resolver';
import { RegionsResolver } from './regions.resolver';
import { TreatmentsResolver } from './treatments.resolver';

/** The resolvers DeliveryApiModule declares; GRAPHQL_RESOLVERS joins every API module's list. */
export const DELIVERY_RESOLVERS = [
  BrandsResolver,
  ClinicsResolver,
  FaqsResolver,
  FaqConnectionResolver,
  NodeResolver,
  ProvidersResolver,
  RegionsResolver,
  TreatmentsResolver,
];

/**
 * The public reads: brands, regions, clinics, treatments, FAQs, providers and `node`, published or (with a preview key) as drafted.
 */
@Module({
  imports: [
    BrandsModule,
    RegionsModule,
    ClinicsModule,
    TreatmentsModule,
    FaqsModule,
    FaqDeliveryModule,
    ProvidersModule,
    PricingModule,
    ContentResolutionModule,
    ReadModeModule,
  ],
  providers: DELIVERY_RESOLVERS,
})
export class DeliveryApiModule {}
