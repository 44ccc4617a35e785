import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';

/** A clinic and treatment a provider may not be linked to perform, and why. */
interface Unqualified {
  clinicName: string;
  state: string;
  treatmentName: string;
  allowed: string[];
}

/**
 * The PROVIDER type's save check (ContentTypeDef.validate): each clinic ×
 * treatment pair the draft links anew must be one the provider is licensed
 * for, where the brand's credential rules name the credential types that
 * may perform the treatment in the clinic's state: an unexpired licence of
 * one of them, issued by that state. Pairs already live (the link tables of
 * a published provider) are left alone, so
 * editing a bio never fails for a licence that lapsed since (delivery hides
 * the provider then, see performer-licences.ts).
 */
export async function assertQualifiedLinks(
  tx: EntityManager,
  providerId: string,
  working: Record<string, unknown>,
): Promise<void> {
  const clinicIds = (working.clinicIds as string[] | undefined) ?? [];
  const treatmentIds = (working.treatmentIds as string[] | undefined) ?? [];
  if (clinicIds.length === 0 || treatmentIds.length === 0) return;
  const refused: Unqualified[] = await tx.query(
    `SELECT c.name AS "clinicName", r.state, t.name AS "treatmentName", r.credential_types AS allowed
       FROM clinics c
       JOIN credential_rules r ON r.state = upper(c.address_region) AND r.treatment_id = ANY($2::uuid[])
       JOIN treatments t ON t.id = r.treatment_id
      WHERE c.id = ANY($1::uuid[])
        AND NOT (EXISTS (SELECT 1 FROM providers pr WHERE pr.id = $3 AND pr.publication_status = 'PUBLISHED')
                 AND EXISTS (SELECT 1 FROM provider_clinics pc WHERE pc.provider_id = $3 AND pc.clinic_id = c.id)
                 AND EXISTS (SELECT 1 FROM provider_treatments pt WHERE pt.provider_id = $3 AND pt.treatment_id = t.id))
        AND NOT EXISTS (SELECT 1 FROM provider_licences l
                         WHERE l.provider_id = $3 AND l.issuing_state = r.state
                           AND l.credential_type = ANY(r.credential_types) AND l.expires_at > now())
      ORDER BY c.name, t.name`,
    [clinicIds, treatmentIds, providerId],
  );
  if (refused.length === 0) return;
  const argument = 'treatmentIds';
  throw new DomainError(
    'BAD_USER_INPUT',
    `${argument}: ${refused
      .map(
        (r) =>
          `in ${r.state} (${r.clinicName}) ${r.treatmentName} may be performed only with a current ${r.state} licence of type ${r.allowed.join(', ')}`,
      )
      .join('; ')}`,
    { argument, problems: refused },
  );
}
