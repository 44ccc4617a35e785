/**
 * Who may call each operation, where: the one statement of the rules that
 * test/authorization-matrix.spec.ts proves against the running API (every
 * rule × every caller × every place) and that `npm run docs` prints in
 * docs/reference/authorization.md and operations.md. The code that enforces
 * them lives with each feature (src/editing/access-rules.ts, the resolvers'
 * guards); these tables say what it must answer, in the matrix's terms.
 *
 * Callers are the kinds of account the matrix signs in as: anonymous; a
 * brand's admin, brand editor, region editor (Texas), clinic editor
 * (Austin), medical reviewer; an admin key and a delivery key of the brand;
 * the admin of another brand. Places are where the target sits: a clinic item
 * at Austin, at Dallas (in Texas, not Austin), at Denver (another region); a
 * brand-level item of the brand ("lumen"); the caller's own brand (creates);
 * anything of another brand.
 */
export const CALLERS = [
  'anonymous',
  'admin',
  'editor',
  'texas',
  'austin',
  'reviewer',
  'adminKey',
  'deliveryKey',
  'otherAdmin',
] as const;
export type Caller = (typeof CALLERS)[number];

export const PLACES = ['austin', 'dallas', 'denver', 'lumen', 'own', 'otherBrand'] as const;
export type Place = (typeof PLACES)[number];

/** How the reference names callers and places. */
export const CALLER_NAMES: Record<Caller, string> = {
  anonymous: 'anonymous caller',
  admin: 'brand admin',
  editor: 'brand editor',
  texas: 'region editor (Texas)',
  austin: 'clinic editor (Austin)',
  reviewer: 'medical reviewer',
  adminKey: 'admin API key',
  deliveryKey: 'delivery API key',
  otherAdmin: "another brand's admin",
};
export const PLACE_NAMES: Record<Place, string> = {
  austin: 'a clinic item at Austin',
  dallas: 'a clinic item at Dallas (Texas)',
  denver: 'a clinic item at Denver (Colorado)',
  lumen: 'a brand-level item',
  own: "the caller's own brand",
  otherBrand: 'an item of another brand',
};

export const CLINIC_PLACES: Place[] = ['austin', 'dallas', 'denver', 'otherBrand'];
export const BRAND_PLACES: Place[] = ['lumen', 'otherBrand'];

/** A rule in words (for the reference) and as a predicate (for the matrix). */
export interface Who {
  says: string;
  allowed(caller: Caller, place: Place): boolean;
}

export interface AuthorizationRule {
  /** The places the matrix tries the operation at. */
  places: Place[];
  who: Who;
  /** Why the rule is what it is, when that is not obvious. */
  note?: string;
}

const inItsBrand = (caller: Caller, place: Place) =>
  caller === 'otherAdmin' ? place === 'otherBrand' || place === 'own' : place !== 'otherBrand';

export const anyone: Who = { says: 'Anyone, signed in or not.', allowed: () => true };

export const editorAccount: Who = {
  says: 'Any signed-in editor account, whatever its role (not API keys).',
  allowed: (caller) =>
    ['admin', 'editor', 'texas', 'austin', 'reviewer', 'otherAdmin'].includes(caller),
};

export const brandAdmin: Who = {
  says: 'Brand admins and admin API keys, in their own brand.',
  allowed: (caller, place) =>
    ['admin', 'adminKey', 'otherAdmin'].includes(caller) && inItsBrand(caller, place),
};

export const brandWide: Who = {
  says: 'Brand-wide callers (brand admins, brand editors, admin API keys), in their own brand.',
  allowed: (caller, place) =>
    ['admin', 'editor', 'adminKey', 'otherAdmin'].includes(caller) && inItsBrand(caller, place),
};

export const clinicLevel: Who = {
  says: "Brand-wide callers; region editors at their regions' clinics; clinic editors at their own clinics.",
  allowed: (caller, place) =>
    brandWide.allowed(caller, place) ||
    (caller === 'texas' && (place === 'austin' || place === 'dallas')) ||
    (caller === 'austin' && place === 'austin'),
};

/** The brand's medical reviewers, on their own brand's drafts. */
export const medicalReviewer: Who = {
  says: "Medical reviewers, on their own brand's items.",
  allowed: (caller, place) => caller === 'reviewer' && place !== 'otherBrand',
};

/** Brand-wide for the brand's own list ('lumen', 'own'), clinic-level at a clinic. */
export const brandOrClinic: Who = {
  says: "For the brand's own list: brand-wide callers. For a clinic's: clinic-level callers (as for clinic items).",
  allowed: (caller, place) =>
    place === 'lumen' || place === 'own'
      ? brandWide.allowed(caller, place)
      : clinicLevel.allowed(caller, place),
};

const adminOrReviewer: Who = {
  says: 'Brand admins, admin API keys and medical reviewers, in their own brand.',
  allowed: (caller, place) =>
    brandAdmin.allowed(caller, place) || medicalReviewer.allowed(caller, place),
};

const editorOrBrandWide: Who = {
  says: "The brand's editor accounts (any role) and brand-wide callers.",
  allowed: (caller, place) =>
    editorAccount.allowed(caller, place) || brandWide.allowed(caller, place),
};

const rule = (places: Place[], who: Who, note?: string): AuthorizationRule => ({
  places,
  who,
  ...(note ? { note } : {}),
});
const OWN: Place[] = ['own'];

/** Every mutation of the schema (the matrix fails while one is missing here). */
export const MUTATION_RULES: Record<string, AuthorizationRule> = {
  login: rule(OWN, anyone),
  startBrowserSession: rule(OWN, anyone),
  refreshSession: rule(OWN, anyone),
  logout: rule(OWN, editorAccount),
  createUser: rule(OWN, brandAdmin),
  inviteUser: rule(OWN, brandAdmin),
  changePassword: rule(OWN, editorAccount),
  resetPassword: rule(OWN, anyone),
  createApiKey: rule(OWN, brandAdmin),
  revokeApiKey: rule(BRAND_PLACES, brandAdmin),
  disableUser: rule(BRAND_PLACES, brandAdmin),
  enableUser: rule(BRAND_PLACES, brandAdmin),
  revokeSessions: rule(BRAND_PLACES, brandAdmin),
  createPasswordReset: rule(BRAND_PLACES, brandAdmin),
  updateUserRole: rule(BRAND_PLACES, brandAdmin),
  updateBrand: rule(BRAND_PLACES, brandAdmin),
  createRegion: rule(OWN, brandWide),
  updateRegion: rule(BRAND_PLACES, brandWide),
  createClinic: rule(OWN, brandWide),
  updateClinic: rule(CLINIC_PLACES, clinicLevel),
  createTreatment: rule(OWN, brandWide),
  updateTreatment: rule(BRAND_PLACES, brandWide),
  createProvider: rule(OWN, brandWide),
  updateProvider: rule(
    CLINIC_PLACES,
    clinicLevel,
    "The bio is a local field: the people of the provider's clinics keep it current.",
  ),
  offerTreatment: rule(CLINIC_PLACES, clinicLevel),
  updateClinicTreatment: rule(CLINIC_PLACES, clinicLevel),
  createPriceItem: rule(CLINIC_PLACES, clinicLevel),
  updatePriceItem: rule(CLINIC_PLACES, clinicLevel),
  publish: rule(CLINIC_PLACES, clinicLevel),
  unpublish: rule(CLINIC_PLACES, clinicLevel),
  deleteItem: rule(CLINIC_PLACES, clinicLevel),
  restoreRevision: rule(CLINIC_PLACES, clinicLevel),
  schedulePublish: rule(CLINIC_PLACES, clinicLevel),
  cancelScheduledPublication: rule(
    BRAND_PLACES,
    brandWide,
    'A schedule may hold items of many places, so only brand-wide callers cancel one.',
  ),
  createFaq: rule(['own', ...CLINIC_PLACES], brandOrClinic),
  updateFaq: rule(['lumen', ...CLINIC_PLACES], brandOrClinic),
  hideFaq: rule(CLINIC_PLACES, clinicLevel),
  showFaq: rule(CLINIC_PLACES, clinicLevel),
  reorderFaqs: rule(['lumen', ...CLINIC_PLACES], brandOrClinic),
  setOverride: rule(CLINIC_PLACES, clinicLevel),
  clearOverride: rule(CLINIC_PLACES, clinicLevel),
  resetToBrand: rule(CLINIC_PLACES, clinicLevel),
  resetOverrides: rule(
    CLINIC_PLACES,
    brandWide,
    "Dropping a place's overrides in bulk is the brand's call.",
  ),
  markOverridesReviewed: rule(CLINIC_PLACES, brandWide),
  setFieldPolicy: rule(OWN, brandWide),
  createWebhookEndpoint: rule(OWN, brandAdmin),
  updateWebhookEndpoint: rule(BRAND_PLACES, brandAdmin),
  rotateWebhookSecret: rule(BRAND_PLACES, brandAdmin),
  deleteWebhookEndpoint: rule(BRAND_PLACES, brandAdmin),
  replayWebhookDelivery: rule(BRAND_PLACES, brandAdmin),
  sendTestWebhookEvent: rule(BRAND_PLACES, brandAdmin),
  approveDraft: rule([...CLINIC_PLACES, 'lumen'], medicalReviewer),
  requestChanges: rule([...CLINIC_PLACES, 'lumen'], medicalReviewer),
  updateComplianceSettings: rule(OWN, brandAdmin),
  addProviderLicence: rule(BRAND_PLACES, brandWide),
  updateProviderLicence: rule(BRAND_PLACES, brandWide),
  verifyProviderLicence: rule(BRAND_PLACES, adminOrReviewer),
  removeProviderLicence: rule(BRAND_PLACES, brandWide),
  setCredentialRule: rule(BRAND_PLACES, brandWide),
  deleteCredentialRule: rule(BRAND_PLACES, brandWide),
  createClaimRule: rule(OWN, brandWide),
  updateClaimRule: rule(BRAND_PLACES, brandWide),
  deleteClaimRule: rule(BRAND_PLACES, brandWide),
};

/**
 * Whether a brand-level item or a clinic is live is the brand's call (issue
 * 9.3): more cases of publish, unpublish and deleteItem, by the operation
 * they are a case of.
 */
export const PUBLICATION_STATUS_RULES: Record<string, AuthorizationRule & { operation: string }> = {
  'publish (a local draft of a provider the brand unpublished)': {
    operation: 'publish',
    ...rule(
      CLINIC_PLACES,
      clinicLevel,
      "The bio is published by the clinic's people, but only the brand puts the provider live.",
    ),
  },
  'publish (a clinic the brand took off the site)': {
    operation: 'publish',
    ...rule(CLINIC_PLACES, brandWide),
  },
  'unpublish (a clinic)': { operation: 'unpublish', ...rule(CLINIC_PLACES, brandWide) },
  'deleteItem (a clinic: the deletion is staged)': {
    operation: 'deleteItem',
    ...rule(CLINIC_PLACES, brandWide),
  },
};

/** Queries that read across the brand's places or accounts: the rule the caller meets, or the refusal. */
export const QUERY_RULES: Record<string, AuthorizationRule> = {
  driftReport: rule(OWN, brandWide),
  driftFilters: rule(OWN, brandWide),
  fieldPolicyImpact: rule(OWN, brandWide),
  auditLog: rule(OWN, brandAdmin),
  fieldPolicySettings: rule(
    OWN,
    editorOrBrandWide,
    "Like fieldPolicies: the brand's editors (any role) and its preview or admin keys.",
  ),
  people: rule(OWN, brandAdmin, "The console's People screen: the brand's accounts."),
};
