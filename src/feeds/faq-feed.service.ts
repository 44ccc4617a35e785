import { Injectable } from '@nestjs/common';
import { BrandsService } from '../brands/brands.service';
import { ClinicsService } from '../clinics/clinics.service';
import { PUBLISHED } from '../read-mode/read-mode';
import { RequestLoaders } from '../graphql/request-loaders';
import { jsonLdBrand } from '../clinics/clinic-json-ld';
import { faqListJsonLd } from '../faqs/faq-json-ld';
import { ClinicFaqListService } from '../faqs/clinic-faq-list.service';

export type FaqFeed = { found: true; jsonLd: object } | { found: false; message: string };

/**
 * FAQPage JSON-LD for a clinic's page (optionally one treatment's), from the
 * FAQ list the clinic shows: the same resolution as the `faqs` query, so
 * the structured data always matches the page.
 */
@Injectable()
export class FaqFeedService {
  constructor(
    private readonly brands: BrandsService,
    private readonly clinics: ClinicsService,
    private readonly clinicFaqs: ClinicFaqListService,
  ) {}

  async faqPage(
    brandSlug: string,
    clinicSlug: string,
    treatmentSlug: string | null,
  ): Promise<FaqFeed> {
    const brand = await this.brands.findBySlug(brandSlug, PUBLISHED);
    if (!brand) return { found: false, message: `No published brand "${brandSlug}"` };
    const loaders = new RequestLoaders();
    const clinic = await this.clinics.find(brandSlug, clinicSlug, PUBLISHED, loaders);
    if (!clinic) {
      return {
        found: false,
        message: `No published clinic "${clinicSlug}" in brand "${brandSlug}"`,
      };
    }
    const faqs = await this.clinicFaqs.faqsOfPage(clinic, treatmentSlug, PUBLISHED, loaders);
    if (!faqs) {
      return {
        found: false,
        message: `No published treatment "${treatmentSlug}" at clinic "${clinicSlug}" in brand "${brandSlug}"`,
      };
    }
    return {
      found: true,
      jsonLd: faqListJsonLd(faqs, {
        brand: jsonLdBrand(brand),
        clinic: clinicSlug,
        treatment: treatmentSlug,
      }),
    };
  }
}
