/**
 * SAMPLE DATA, DEVELOPMENT ONLY. Editor accounts of the demo franchise, one
 * per role, so the write side can be tried at once. They share one password,
 * listed in the README; the seed creates them only when NODE_ENV is not
 * "production", so a production database has no default account (its first
 * admin comes from `npm run cli -- create-admin`).
 */
import type { EditorRole } from '../../src/auth/actor';

export const DEMO_EDITOR_PASSWORD = 'lumen-demo-password';

export interface DemoEditor {
  email: string;
  displayName: string;
  role: EditorRole;
  /** Region slugs (REGION_EDITOR; optional for MEDICAL_REVIEWER). */
  regions?: string[];
  /** Clinic slugs (CLINIC_EDITOR). */
  clinics?: string[];
}

export const DEMO_EDITORS: DemoEditor[] = [
  {
    email: 'admin@lumen-aesthetics.example',
    displayName: 'Demo Brand Admin',
    role: 'BRAND_ADMIN',
  },
  {
    email: 'editor@lumen-aesthetics.example',
    displayName: 'Demo Brand Editor',
    role: 'BRAND_EDITOR',
  },
  {
    email: 'texas@lumen-aesthetics.example',
    displayName: 'Demo Texas Region Editor',
    role: 'REGION_EDITOR',
    regions: ['texas'],
  },
  {
    email: 'austin@lumen-aesthetics.example',
    displayName: 'Demo Austin Clinic Editor',
    role: 'CLINIC_EDITOR',
    clinics: ['austin-downtown'],
  },
  {
    email: 'reviewer@lumen-aesthetics.example',
    displayName: 'Demo Medical Reviewer',
    role: 'MEDICAL_REVIEWER',
  },
];
