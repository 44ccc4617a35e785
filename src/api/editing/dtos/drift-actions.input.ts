import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, ValidateNested } from 'class-validator';
import { OverrideVersionInput } from '../../../overrides/dtos/override.inputs';

export const MAX_BULK_OVERRIDES = 100;

@InputType({
  description: 'Overrides selected in the drift report, each with the version you saw.',
})
export class DriftOverridesInput {
  @Field(() => [OverrideVersionInput], {
    description: `1 to ${MAX_BULK_OVERRIDES} overrides; one changed meanwhile is a CONFLICT and nothing is done.`,
  })
  @ValidateNested({ each: true })
  @Type(() => OverrideVersionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_OVERRIDES)
  @ArrayUnique((ref: OverrideVersionInput) => ref.id, { message: 'must name each override once' })
  overrides: OverrideVersionInput[];
}
