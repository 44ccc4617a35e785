/**
 * Everything a caller may be allowed or refused, one value a rule. Each
 * kind of id has one check function that decides its values (in the style
 * of immich's `utils/access.ts`):
 *
 * - a brand: `checkBrandAccess` (brand-access.ts);
 * - a content item, where it sits given: `checkItemAccess` (item-access.ts);
 * - a clinic or region, read from the database: `requirePlaceAccess` (place-access.ts);
 * - an editor account: `accountPermissions` (account-access.ts);
 * - a scheduled publication: `checkScheduleAccess` (schedule-access.ts).
 */
export enum Permission {
  /** Read the brand's drafts: editors of any role, `preview` and `admin` keys. */
  DraftRead = 'DRAFT_READ',
  /** Accounts, API keys, webhooks, the audit log, compliance settings: brand admins and `admin` keys. */
  BrandAdmin = 'BRAND_ADMIN',
  /** The brand's view of every place at once (drift, field policies, brand FAQs): brand-wide editors. */
  BrandWideEdit = 'BRAND_WIDE_EDIT',
  /** The brand's canonical content (treatments, brand FAQs, regions' overrides of them): brand-wide editors. */
  BrandContentEdit = 'BRAND_CONTENT_EDIT',
  /** The partner change feed: `partner` (or `admin`) keys and brand admins. */
  FeedRead = 'FEED_READ',
  /** See and make the brand's scheduled publications: editor accounts and `admin` keys. */
  ScheduleUse = 'SCHEDULE_USE',
  /** Cancel one scheduled publication: brand-wide editors any, other editors their own. */
  ScheduleCancel = 'SCHEDULE_CANCEL',
  /** Change an item's fields (the fields named; none for a whole-item write). */
  ItemEdit = 'ITEM_EDIT',
  /** Change whether an item is live: first publish, unpublish, delete. */
  ItemPublication = 'ITEM_PUBLICATION',
  /** Edit the local content (overrides, clinic FAQs) of a clinic or region. */
  PlaceEdit = 'PLACE_EDIT',
}

/** A permission as an answer for the console (`viewerCan…` fields). */
export interface PermissionAnswer {
  allowed: boolean;
  /** Why not, in words for an editor; null when allowed. */
  reason: string | null;
}

export const ALLOWED: PermissionAnswer = { allowed: true, reason: null };
export const refusedBecause = (reason: string): PermissionAnswer => ({ allowed: false, reason });
