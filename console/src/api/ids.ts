/**
 * The one place where the console takes the id of a delivered item (Clinic,
 * Treatment, Faq, Provider, PriceItem) to pass to a mutation or an editing
 * query. Delivered ids are becoming opaque global ids and the canonical id
 * moves to `itemId`: then the queries select `itemId` and only this module
 * changes.
 */
export interface Delivered {
  id: string;
}

/** The canonical id of a delivered item, as mutations and editing queries take it. */
export const itemIdOf = (item: Delivered): string => item.id;
