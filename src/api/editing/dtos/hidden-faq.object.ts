import { Field, ObjectType } from '@nestjs/graphql';
import { OverrideLevel } from '../../../overrides/dtos/override.inputs';
import { PermissionObject } from '../../../editing/dtos/item-permissions.object';
import { Faq } from '../../../faqs/dtos/faq.object';

@ObjectType({ description: 'What the caller may do with a brand FAQ hidden at a clinic.' })
export class HiddenFaqPermissions {
  @Field(() => PermissionObject, {
    description:
      'Show it in this clinic’s list again (showFaq with scope CLINIC); where the region hides it, this overrides the region for this clinic only.',
  })
  show: PermissionObject;
}

@ObjectType({ description: 'A brand FAQ a clinic’s list leaves out, and who hid it there.' })
export class HiddenFaq {
  @Field(() => Faq, { description: 'The brand FAQ, resolved for the clinic.' })
  faq: Faq;

  @Field(() => OverrideLevel, {
    description:
      'Whose `hidden` override hides it: the clinic’s region (REGION) or the clinic itself (CLINIC).',
  })
  hiddenBy: OverrideLevel;

  @Field(() => HiddenFaqPermissions, { description: 'What the caller may do with it here.' })
  viewerCan: HiddenFaqPermissions;
}
