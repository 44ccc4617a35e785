import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Permission', { description: 'Whether the caller may do one thing, and if not, why.' })
export class PermissionObject {
  @Field({ description: 'True when the API would accept it (versions and values aside).' })
  allowed: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why not, in words for an editor; null when allowed.',
  })
  reason: string | null;
}

@ObjectType({
  description:
    'What the caller may do with an item, computed by the same rules the mutations enforce (show or disable actions from it, never from rules of your own).',
})
export class ItemPermissions {
  @Field(() => PermissionObject, {
    description:
      'Change the item’s own fields (a clinic: details, hours; and its local content: prices, FAQs, overrides).',
  })
  edit: PermissionObject;

  @Field(() => PermissionObject, {
    description:
      'Change the fields only brand-wide editors may change (a clinic: slug, region, currency).',
  })
  editBrandFields: PermissionObject;

  @Field(() => PermissionObject, {
    description: 'Publish its drafts (of the fields the caller may edit).',
  })
  publish: PermissionObject;

  @Field(() => PermissionObject, {
    description: 'Delete it (a published item: once the delete is published).',
  })
  delete: PermissionObject;
}
