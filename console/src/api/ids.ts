/**
 * The one place where the console takes the id of a delivered item (Clinic,
 * Treatment, Faq, Provider, PriceItem) to pass to a mutation. Delivered ids
 * are becoming opaque global ids; the canonical id moves to `itemId`, and
 * then only this module changes.
 */
export interface Delivered {
  id: string;
}

export const itemIdOf = (item: Delivered): string => item.id;
