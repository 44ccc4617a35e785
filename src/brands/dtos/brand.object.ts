import { GraphQLCurrency, GraphQLLocale } from 'graphql-scalars';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

@ObjectType({
  description: 'A franchise: the tenant that owns all content.',
  implements: () => [Node],
})
export class Brand {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

  @Field({ description: 'Unique, e.g. "lumen-aesthetics"; names the brand in every query.' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => GraphQLLocale, { description: 'BCP 47 locale, e.g. en-US.' })
  locale: string;

  @Field(() => GraphQLCurrency, { description: 'ISO 4217 currency code of the brand.' })
  currency: string;

  @Field(() => String, { nullable: true, description: 'The brand’s website; null when none.' })
  websiteUrl: string | null;

  @Field({ description: 'True for the demo franchise shipped as sample data.' })
  isSample: boolean;

  @Field({ description: 'When the brand last changed.' })
  updatedAt: Date;
}
