import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { EditorRole } from '../actor';
import { EditorRoleEnum } from './auth.enums';

@ObjectType({ description: 'An editor account.' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => EditorRoleEnum)
  role: EditorRole;

  @Field()
  displayName: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the account may no longer sign in.' })
  disabledAt: Date | null;

  /** For the brand, regions and clinics fields; not in the schema. */
  brandId: string;
}

@ObjectType({ description: 'A clinic an editor is assigned to.' })
export class AssignedClinic {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;
}
