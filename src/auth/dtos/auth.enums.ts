import { registerEnumType } from '@nestjs/graphql';
import type { ApiKeyScope, EditorRole } from '../actor';

/** GraphQL `EditorRole`; its values are the stored role names. */
export const EditorRoleEnum = {
  BRAND_ADMIN: 'BRAND_ADMIN',
  BRAND_EDITOR: 'BRAND_EDITOR',
  REGION_EDITOR: 'REGION_EDITOR',
  CLINIC_EDITOR: 'CLINIC_EDITOR',
  MEDICAL_REVIEWER: 'MEDICAL_REVIEWER',
} as const satisfies Record<EditorRole, EditorRole>;
registerEnumType(EditorRoleEnum, {
  name: 'EditorRole',
  description: 'What an editor may edit.',
  valuesMap: {
    BRAND_ADMIN: { description: 'Everything in the brand, including users and API keys.' },
    BRAND_EDITOR: { description: 'Canonical brand content and publishing.' },
    REGION_EDITOR: { description: 'The clinics of their regions.' },
    CLINIC_EDITOR: { description: 'Their own clinics only.' },
    MEDICAL_REVIEWER: {
      description:
        'Approves or requests changes on drafts of regulated (clinical) fields, in the whole brand or only in their regions; edits nothing (docs/compliance.md).',
    },
  },
});

/** GraphQL `ApiKeyScope` (DELIVERY …); stored lowercase (delivery …). */
export const ApiKeyScopeEnum = {
  DELIVERY: 'delivery',
  PREVIEW: 'preview',
  PARTNER: 'partner',
  ADMIN: 'admin',
} as const satisfies Record<Uppercase<ApiKeyScope>, ApiKeyScope>;
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'What an API key may do.',
  valuesMap: {
    DELIVERY: {
      description:
        'Published content (delivery is public; a key names the caller in logs and can be revoked).',
    },
    PREVIEW: { description: 'Drafts as well as published content.' },
    PARTNER: { description: 'Partner syndication.' },
    ADMIN: {
      description: 'Acts as a brand admin (users, keys, audit log) and includes every scope.',
    },
  },
});
