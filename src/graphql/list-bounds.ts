/**
 * The most items each list field of the schema returns, declared in this one
 * place. The query cost (query-cost.ts) counts every item of a list at this
 * bound, and the schema wrapper (execution-ceilings.ts) cuts any longer list
 * to it, so the bound the cost assumes is the bound the answer keeps.
 * `'page'` marks the items of a paginated answer: they are counted (and
 * bounded) by the `first` argument of the field that returns the page.
 * test/security/list-bounds.spec.ts checks that every list field is here.
 */
export const LIST_BOUNDS: Readonly<Record<string, number | 'page'>> = {
  // Delivery relations (public). Sized above the largest real networks.
  'Clinic.treatments': 50,
  'Clinic.providers': 50,
  'Clinic.faqs': 100,
  // Opening hours: up to 50 intervals (UpdateClinicInput's @ArrayMaxSize).
  'Clinic.openingHours': 50,
  'Clinic.drafts': 200,
  'Clinic.hiddenFaqs': 100,
  // A provider works at Provider.clinics' bound of clinics at most.
  'EditableItem.clinicIds': 20,
  'Provider.clinics': 20,
  'Provider.treatments': 20,
  'Provider.credentials': 10,
  'Treatment.faqs': 100,
  'Treatment.providers': 50,
  'Treatment.prices': 50,
  // Editors see a price's history too (ended and upcoming ones).
  'Treatment.pricesForEditors': 200,
  'Treatment.sections': 30,
  'Treatment.fieldSources': 30,
  'Treatment.aliases': 20,
  'Treatment.aftercare': 20,
  'Treatment.combinesWith': 20,
  'Treatment.contraindications': 20,
  'Faq.treatments': 10,
  'Query.brands': 100,
  // Partner sync.
  'PartnerClinic.openingHours': 50,
  'PartnerFaq.treatmentIds': 20,
  'PartnerTreatment.aliases': 20,
  'PartnerTreatment.aftercare': 20,
  'PartnerTreatment.combinesWith': 20,
  'PartnerTreatment.contraindications': 20,
  'ContentChangePage.changes': 'page',
  // Pages of the paginated queries.
  'AuditLogEntryConnection.edges': 'page',
  'ClinicConnection.edges': 'page',
  'DriftRowConnection.edges': 'page',
  'FaqConnection.edges': 'page',
  'ProviderConnection.edges': 'page',
  'RegionConnection.edges': 'page',
  'RevisionConnection.edges': 'page',
  'ScheduledPublicationConnection.edges': 'page',
  'TreatmentConnection.edges': 'page',
  'UserConnection.edges': 'page',
  'WebhookAttemptConnection.edges': 'page',
  'WebhookDeliveryConnection.edges': 'page',
  // Editing and administration (authenticated callers only).
  'Query.apiKeys': 1000,
  'Query.users': 1000,
  'ScheduledPublication.items': 200,
  'Query.nodes': 100,
  // Not paginated yet: a brand admin of a larger network sees the first 500 by name.
  'Query.editableClinics': 500,
  'Query.editableDrafts': 200,
  'Query.overrides': 1000,
  'Query.fieldPolicies': 1000,
  // One per overridable field of a type (override-values.ts).
  'Query.fieldPolicySettings': 50,
  // src/drift/drift-report.service.ts (MAX_FILTER_PLACES).
  'DriftFilters.regions': 500,
  'DriftFilters.treatments': 500,
  'DriftFilters.fields': 50,
  'Query.revisionDiff': 200,
  'Query.webhookEndpoints': 100,
  'Query.claimRules': 200,
  'Query.reviewQueue': 200,
  'Query.providerLicences': 500,
  'Query.expiringLicences': 500,
  // One rule per treatment and state: 50 states × the brand's treatments, listed per treatment.
  'Query.credentialRules': 1000,
  'CredentialRule.credentialTypes': 20,
  'Query.reviewsDue': 500,
  'ItemMedicalReview.approvals': 50,
  'FieldApproval.regionIds': 20,
  'FieldApproval.clinicIds': 200,
  // One entry per regulated field or sourced fact of one item.
  'Query.clinicalProvenance': 60,
  // The newest changes and their editors (clinical-provenance.service.ts keeps these).
  'FieldProvenance.changes': 50,
  'ClinicalChange.editors': 10,
  'ComplianceSettings.regulatedFields': 50,
  'MedicalReview.fields': 50,
  'ItemMedicalReview.regulatedChanges': 50,
  // Reviews of one item; a draft is reviewed a handful of times before it goes live.
  'ItemMedicalReview.history': 200,
  // Three hits per rule and field at most (lint-claims.ts); a long item stays far below this.
  'EditableItem.claimWarnings': 500,
  'ApiKey.clinicIds': 100,
  'ApiKey.scopes': 10,
  'User.clinics': 100,
  'User.regions': 50,
  'Revision.changedFields': 200,
  'WebhookEndpoint.subscriptions': 20,
  'WebhookSubscription.actions': 10,
  // Mutation answers hold what the input named; they are counted, not cut.
  'Mutation.publish': 100,
  'Mutation.resetToBrand': 100,
  'Mutation.resetOverrides': 100,
  'Mutation.markOverridesReviewed': 100,
  'Mutation.reorderFaqs': 200,
};

/** Largest `first` of each paginated field (its @Max), counted when `first` is a variable. */
export const PAGE_SIZE_LIMITS: Readonly<Record<string, number>> = {
  'Query.auditLog': 100,
  'Query.clinics': 100,
  'Query.contentChanges': 500,
  'Query.driftReport': 100,
  'Query.faqs': 100,
  'Query.providers': 100,
  'Query.regions': 100,
  'Query.treatments': 100,
  'Query.revisions': 100,
  'Query.scheduledPublications': 100,
  'Query.people': 100,
  'Query.webhookAttempts': 100,
  'Query.webhookDeliveries': 100,
};

/** For a list field missing above (the spec keeps this from happening). */
export const DEFAULT_LIST_BOUND = 100;

export function listBound(coordinate: string): number | 'page' {
  return LIST_BOUNDS[coordinate] ?? DEFAULT_LIST_BOUND;
}
