/**
 * Stable `@id`s that join a page's JSON-LD documents (clinic ↔ offers ↔
 * services ↔ providers ↔ FAQ page), built from slugs only, so the same node
 * gets the same id in every document and on every request.
 *
 * They hang under the brand's `websiteUrl` when it has one (the pages a site
 * publishes, which is what search engines expect an id to look like), else
 * under `urn:clinic-content:<brand slug>`. Either way they name things, they
 * are never fetched.
 */
export interface JsonLdBrand {
  slug: string;
  name: string;
  websiteUrl: string | null;
}

export class JsonLdIds {
  private readonly base: string;

  constructor(brand: Pick<JsonLdBrand, 'slug' | 'websiteUrl'>) {
    this.base = brand.websiteUrl?.trim()
      ? brand.websiteUrl.trim().replace(/\/+$/, '')
      : `urn:clinic-content:${brand.slug}`;
  }

  organization(): string {
    return `${this.base}/#organization`;
  }

  clinic(clinic: string): string {
    return `${this.base}/clinics/${clinic}#clinic`;
  }

  /** The brand's treatment: one node whatever clinic offers it. */
  procedure(treatment: string): string {
    return `${this.base}/treatments/${treatment}#procedure`;
  }

  /** A clinic's offering of a treatment: what its offers sell. */
  service(clinic: string, treatment: string): string {
    return `${this.base}/clinics/${clinic}/treatments/${treatment}#service`;
  }

  offer(clinic: string, treatment: string, price: string): string {
    return `${this.base}/clinics/${clinic}/treatments/${treatment}#offer-${price}`;
  }

  provider(provider: string): string {
    return `${this.base}/providers/${provider}#person`;
  }

  /** The FAQ page of a clinic (or the brand), optionally of one treatment. */
  faqPage(clinic: string | null, treatment: string | null): string {
    const place = clinic ? `/clinics/${clinic}` : '';
    const about = treatment ? `/treatments/${treatment}` : '';
    return `${this.base}${place}${about}#faq`;
  }
}
