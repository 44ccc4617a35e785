import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A group of clinics, e.g. a state.' })
export class Region {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;
}
