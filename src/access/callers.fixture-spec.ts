import type { Actor, ApiKeyScope, EditorRole } from '../auth/actor';

/** Callers of one brand for the access specs (a `*spec.ts` name keeps it out of the build). */
export const BRAND = 'brand-a';

export const user = (
  role: EditorRole,
  regionIds: string[] = [],
  clinicIds: string[] = [],
  userId = 'u',
): Actor => ({
  kind: 'USER',
  userId,
  sessionId: 's',
  brandId: BRAND,
  email: 'e@x.example',
  role,
  regionIds,
  clinicIds,
});

export const key = (...scopes: ApiKeyScope[]): Actor => ({
  kind: 'API_KEY',
  apiKeyId: 'k',
  brandId: BRAND,
  prefix: 'p',
  scopes,
  clinicIds: null,
});
