import type { AuthenticatedActor } from './callers';

/** The clinics a caller's change feed is limited to; null = the whole brand. */
export function feedClinicLimit(caller: AuthenticatedActor): string[] | null {
  return caller.kind === 'API_KEY' ? caller.clinicIds : null;
}
