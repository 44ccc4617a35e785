import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A franchise: the tenant that owns all content.' })
export class Brand {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field({ description: 'BCP 47 locale, e.g. en-US.' })
  locale: string;

  @Field({ description: 'ISO 4217 currency code of the brand.' })
  currency: string;

  @Field(() => String, { nullable: true })
  websiteUrl: string | null;

  @Field({ description: 'True for the demo franchise shipped as sample data.' })
  isSample: boolean;

  @Field()
  updatedAt: Date;
}
