/** Kinds of licence a provider may hold (provider_licences.credential_type). */
export const CREDENTIAL_TYPES = {
  MD: 'Doctor of Medicine (MD)',
  DO: 'Doctor of Osteopathic Medicine (DO)',
  NP: 'Nurse Practitioner (NP)',
  PA: 'Physician Assistant (PA)',
  RN: 'Registered Nurse (RN)',
  LPN: 'Licensed Practical Nurse (LPN)',
  LICENSED_ESTHETICIAN: 'Licensed Esthetician',
  MASTER_ESTHETICIAN: 'Master Esthetician',
} as const;

export type CredentialType = keyof typeof CREDENTIAL_TYPES;
