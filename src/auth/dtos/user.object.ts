import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import type { EditorRole } from '../actor';
import { EditorRoleEnum } from './auth.enums';

@ObjectType({ description: 'An editor account.' })
export class User {
  @Field(() => ID, { description: 'The account’s id.' })
  id: string;

  @Field({ description: 'Sign-in e-mail.' })
  email: string;

  @Field(() => EditorRoleEnum, { description: 'What the editor may edit.' })
  role: EditorRole;

  @Field({ description: 'Name shown in the audit log and revisions.' })
  displayName: string;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the account may no longer sign in.' })
  disabledAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the editor last signed in (a login; refreshing a session does not count); null: never, e.g. an invited editor who has not set a password yet.',
  })
  lastSignInAt: Date | null;

  /** For the brand, regions and clinics fields; not in the schema. */
  brandId: string;
}

@ObjectType({ description: 'A clinic an editor is assigned to.' })
export class AssignedClinic {
  @Field(() => ID, { description: 'The clinic’s id.' })
  id: string;

  @Field({ description: 'Unique in the brand.' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;
}

@ObjectType({
  description:
    'What the caller may do with an account, by the rules the account mutations apply (show actions from it).',
})
export class UserPermissions {
  @Field(() => PermissionObject, {
    description: 'Change its role and places (updateUserRole): brand admins, not on their own.',
  })
  changeRole: PermissionObject;

  @Field(() => PermissionObject, {
    description: 'Disable it (disableUser): brand admins, not their own account.',
  })
  disable: PermissionObject;

  @Field(() => PermissionObject, {
    description:
      'Enable it again (enableUser) or give it a new set-password token (createPasswordReset): brand admins.',
  })
  enable: PermissionObject;
}
