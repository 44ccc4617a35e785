import type { ContentType } from '../content-types/registry';

/**
 * What partners syndicate, parents first: the first sync lists clinics,
 * then treatments, FAQs and prices, so a partner can store each item with
 * the ones it points at already there.
 */
export const SYNDICATED_TYPES = ['CLINIC', 'TREATMENT', 'FAQ', 'PRICE_ITEM'] as const;
export type SyndicatedType = (typeof SYNDICATED_TYPES)[number] & ContentType;

export function isSyndicated(type: string): type is SyndicatedType {
  return (SYNDICATED_TYPES as readonly string[]).includes(type);
}

/** UPSERT: store this item (as given); DELETE: drop it (a tombstone). */
export type ChangeOperation = 'UPSERT' | 'DELETE';
