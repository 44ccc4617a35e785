import { Injectable } from '@nestjs/common';
import type { ClinicRow } from '../clinics/clinics.service';
import { ContentResolutionService } from '../content-resolution/content-resolution.service';
import type { RequestLoaders } from '../graphql/request-loaders';
import type { ReadMode } from '../read-mode/read-mode';
import type { Faq } from './dtos/faq.object';

/**
 * The FAQ list of a clinic's page, for every path that shows one
 * (`Clinic.faqs`, the `faqs` query with `clinic`, the FAQ feed), so they
 * always agree. The rule: a clinic page lists the FAQs of treatments the
 * clinic offers. A treatment it does not offer has no page there, exactly
 * like an unknown slug: null (the callers answer an empty list, an empty
 * connection or a 404).
 */
@Injectable()
export class ClinicFaqListService {
  constructor(private readonly resolution: ContentResolutionService) {}

  async faqsOfPage(
    clinic: ClinicRow,
    treatmentSlug: string | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<Faq[] | null> {
    let treatmentId: string | null = null;
    if (treatmentSlug) {
      // Only the one treatment, not the clinic's whole list.
      const offered = await this.resolution.offeredTreatment(clinic, treatmentSlug, mode, loaders);
      if (!offered) return null;
      treatmentId = offered.id;
    }
    return this.resolution.resolveFaqs(clinic.brandId, clinic, treatmentId, mode, loaders);
  }
}
