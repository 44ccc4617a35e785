import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { decodeGlobalId } from './global-id';

/** Description of `id` on every delivered type. */
export const NODE_ID_DESCRIPTION =
  'Opaque global id: names the item, the clinic it is resolved for and the mode (published or preview), so two objects with the same id always hold the same values. Refetch with `node(id:)`.';

/** Description of `itemId` on every delivered type. */
export const ITEM_ID_DESCRIPTION =
  'The canonical item’s id, the same in every clinic and mode: the id editors pass to mutations.';

/**
 * Relay Global Object Identification: every delivered type implements Node,
 * and `node(id:)` / `nodes(ids:)` refetch any of them by their global id.
 */
@InterfaceType('Node', {
  description: 'An object that `node(id:)` can refetch by its global id.',
  resolveType: (node: { id: string }) => decodeGlobalId(node.id).type,
})
export abstract class Node {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;
}
