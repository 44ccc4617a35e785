/**
 * The one place where the console takes the id of a delivered item (Clinic,
 * Treatment, Faq, Provider, PriceItem) to pass to a mutation or an editing
 * query. A delivered `id` is an opaque global id that names its context (the
 * clinic, preview or not); mutations and editing queries take the canonical
 * `itemId`.
 */
export interface Delivered {
  itemId: string;
}

/** The canonical id of a delivered item, as mutations and editing queries take it. */
export const itemIdOf = (item: Delivered): string => item.itemId;
