import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

@ObjectType({ description: 'A group of clinics, e.g. a state.', implements: () => [Node] })
export class Region {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

  @Field({ description: 'Unique in the brand, e.g. "texas".' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;
}
