/**
 * Who delivery shows as a performer, decided at read time from licences
 * (provider_licences) and the brand's credential rules (credential_rules),
 * with `now()` of the reading statement: a licence that expires hides its
 * provider from the next read on, with no job and no write. Inlined into the
 * provider queries' SQL, so it costs no statement of its own.
 *
 * A provider is shown (at clinic `c`, for treatment `t`, where given) when:
 * - a rule names the credential types that may perform `t` in `c`'s state:
 *   they hold an unexpired licence of one of those types issued there;
 * - otherwise, with licences on file: an unexpired one (issued in `c`'s
 *   state, at a clinic);
 * - otherwise (no licence on file, no rule): as before licences existed.
 */
export function performerSql(p: string, c: string | null, t: string | null): string {
  const state = c ? `upper(${c}.address_region)` : null;
  const rule =
    c && t
      ? `(SELECT r.credential_types FROM credential_rules r WHERE r.treatment_id = ${t}.id AND r.state = ${state})`
      : null;
  const current = [
    `l.provider_id = ${p}.id`,
    `l.expires_at > now()`,
    ...(state ? [`l.issuing_state = ${state}`] : []),
    // Cast: ANY over a bare subquery would compare with its rows, not the array's items.
    ...(rule ? [`(${rule} IS NULL OR l.credential_type = ANY(${rule}::text[]))`] : []),
  ].join(' AND ');
  const managed = [
    `EXISTS (SELECT 1 FROM provider_licences l0 WHERE l0.provider_id = ${p}.id)`,
    ...(rule ? [`${rule} IS NOT NULL`] : []),
  ].join(' OR ');
  return `(NOT (${managed}) OR EXISTS (SELECT 1 FROM provider_licences l WHERE ${current}))`;
}

/**
 * Columns every delivered provider row carries: when its licences next
 * change what delivery shows (the soonest expiry still ahead; answers may be
 * cached no longer), and its verified, unexpired licences (JSON-LD
 * `hasCredential`).
 */
export const LICENCE_COLUMNS = `
  (SELECT min(l.expires_at) FROM provider_licences l
    WHERE l.provider_id = p.id AND l.expires_at > now()) AS "licencesChangeAt",
  (SELECT coalesce(json_agg(json_build_object(
            'credentialType', l.credential_type, 'issuingState', l.issuing_state,
            'expiresAt', l.expires_at) ORDER BY l.credential_type, l.issuing_state), '[]'::json)
     FROM provider_licences l
    WHERE l.provider_id = p.id AND l.verified_at IS NOT NULL AND l.expires_at > now()) AS "verifiedLicences"`;

/** A verified, unexpired licence as delivery reads it. */
export interface VerifiedLicence {
  credentialType: string;
  issuingState: string;
  expiresAt: string;
}
