import type { ContentType, ContentTypeDef } from '../content-types/registry';
import { DELETE_MARK } from '../content-types/registry';
import type { ItemScope } from './access-rules';
import { editingErrors } from './editing.errors';

export type Values = Record<string, unknown>;

/** An item as editors see it: published values, pending draft, both merged. */
export interface ItemView {
  type: ContentType;
  id: string;
  brandId: string;
  version: number;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  hasDraft: boolean;
  pendingDelete: boolean;
  /** The working copy: published values overlaid with the draft. */
  values: Values;
  publishedValues: Values;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Where the item sits (brand, level, regions, clinics): for access, rights and compliance checks. */
  scope: ItemScope;
  /** The fields its draft changes (a publish needs the rights to them). */
  draftFields: string[];
}

/** A stored row with what the writers need to know about it (see ContentStore). */
export interface ItemState {
  def: ContentTypeDef;
  row: Record<string, unknown>;
  scope: ItemScope;
  published: Values;
  /** The stored draft, a staged deletion's DELETE_MARK included. */
  draft: Values;
}

/**
 * An item read FOR UPDATE in the caller's transaction by EditorReadsService.lock(),
 * the caller's read access checked: writers take it as it is, without
 * reading or checking the row again. Only lock() makes one.
 */
export type LockedItem = ItemState & { readonly locked: true };

export function toView(item: ItemState): ItemView {
  const draft = withoutMark(item.draft);
  return {
    type: item.def.type,
    id: item.row.id as string,
    brandId: item.scope.brandId,
    version: item.row.version as number,
    status: item.row.publication_status as ItemView['status'],
    hasDraft: Object.keys(item.draft).length > 0,
    pendingDelete: item.draft[DELETE_MARK] === true,
    values: { ...item.published, ...draft },
    publishedValues: item.published,
    updatedAt: item.row.updated_at as Date,
    publishedAt: (item.row.published_at as Date | null) ?? null,
    scope: item.scope,
    draftFields: Object.keys(draft),
  };
}

/** The draft's field changes, without the mark of a staged deletion. */
export function withoutMark(draft: Values): Values {
  const { [DELETE_MARK]: _mark, ...rest } = draft;
  return rest;
}

/** The version the caller based the write on must be the item's. */
export function assertVersion(item: ItemState, expected: number): void {
  const current = item.row.version as number;
  if (current !== expected) {
    throw editingErrors.staleVersion(
      { type: item.def.type, id: item.row.id as string },
      expected,
      current,
    );
  }
}
