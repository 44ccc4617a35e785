/**
 * The three delivery workloads, as a franchise site or partner sends them.
 * The floor server answers the same JSON for the same inputs.
 */
export const CLINIC_PAGE_QUERY = `query ClinicPage($brand: String!, $clinic: String!, $treatment: String!) {
  clinic(brand: $brand, slug: $clinic) {
    slug name phone email timezone
    address { line1 line2 city region postalCode country }
    geo { lat lng }
    openingHours { day opens closes }
    jsonLd
    treatment(slug: $treatment) {
      slug name aliases summary disclaimer
      sections { key heading body html }
      aftercare contraindications
      prices { label kind amount { amountMinor currency formatted } isFromPrice sessions validFrom validUntil }
      faqs { id question answer answerHtml }
      providers { slug name title credentials bioHtml photoUrl }
      jsonLd
    }
  }
}`;

export const LOCATOR_QUERY = `query Locator($brand: String!, $region: String!) {
  clinics(brand: $brand, filter: { region: $region }, first: 50) {
    totalCount
    edges { node { slug name phone address { line1 city postalCode } geo { lat lng } openingHours { day opens closes } } }
  }
}`;

/**
 * The partner FAQ page: for now the delivery `faqs` query (partner sync is
 * not built yet), a page of 100 of a clinic's resolved list, as HTML.
 */
export const FAQ_PAGE_QUERY = `query FaqPage($brand: String!, $clinic: String!) {
  faqs(brand: $brand, clinic: $clinic, first: 100) {
    totalCount
    edges { node { id question answerHtml } }
  }
}`;

/** PostGraphile's own schema for the same locator page (ids resolved beforehand). */
export const PEER_LOCATOR_QUERY = `query Locator($regionId: UUID!) {
  allClinics(condition: { regionId: $regionId, publicationStatus: "PUBLISHED" }, orderBy: [NAME_ASC, ID_ASC], first: 50) {
    totalCount
    nodes { slug name phone addressLine1 city postalCode latitude longitude openingHours }
  }
}`;

export const TREATMENT = 'micro-needling';
