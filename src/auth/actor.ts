/** Roles of editor accounts, from widest to narrowest. */
export type EditorRole =
  | 'BRAND_ADMIN'
  | 'BRAND_EDITOR'
  | 'REGION_EDITOR'
  | 'CLINIC_EDITOR'
  /** Approves or requests changes on drafts of regulated fields; edits nothing. */
  | 'MEDICAL_REVIEWER';

/**
 * Roles whose region assignments count: a region editor edits its regions,
 * a medical reviewer with regions reviews only there (none: the brand).
 */
export function rolesRegions(role: EditorRole, regionIds: string[]): string[] {
  return role === 'REGION_EDITOR' || role === 'MEDICAL_REVIEWER' ? regionIds : [];
}

/** What an API key may do. */
export type ApiKeyScope = 'delivery' | 'preview' | 'partner' | 'admin';

/**
 * Who is calling, resolved once per request from `Authorization: Bearer …`
 * and handed to services, which check access for every id a request names.
 */
export type Actor =
  | { kind: 'ANONYMOUS' }
  | {
      kind: 'USER';
      userId: string;
      sessionId: string;
      brandId: string;
      email: string;
      role: EditorRole;
      /** Regions a REGION_EDITOR edits, or a MEDICAL_REVIEWER reviews (empty for other roles). */
      regionIds: string[];
      /** Clinics a CLINIC_EDITOR edits (empty for other roles). */
      clinicIds: string[];
    }
  | {
      kind: 'API_KEY';
      apiKeyId: string;
      brandId: string;
      prefix: string;
      scopes: ApiKeyScope[];
      /** A partner key limited to these clinics; null = all of its brand. */
      clinicIds: string[] | null;
    };

export const ANONYMOUS: Actor = { kind: 'ANONYMOUS' };

/** A short label for revisions and the audit log. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'USER':
      return actor.email;
    case 'API_KEY':
      return `key ${actor.prefix}`;
    default:
      return 'anonymous';
  }
}
