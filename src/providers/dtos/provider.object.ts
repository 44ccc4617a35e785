import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ReadMode } from '../../read-mode/read-mode';

@ObjectType({ description: 'A practitioner who performs treatments at clinics.' })
export class Provider {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'Post-nominal credentials, e.g. ["MD", "FAAD"].' })
  credentials: string[];

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field({ description: 'Markdown.' })
  bio: string;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;

  @Field()
  updatedAt: Date;

  /** Not exposed: the brand, and what this answer shows. */
  brandId: string;
  mode: ReadMode;
}
