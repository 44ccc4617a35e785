import { applyDecorators } from '@nestjs/common';
import { type ArgsOptions, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

const DESCRIPTION =
  'Show the brand’s working copy: drafts applied, unpublished items included, pending deletes left out. ' +
  'Editors of the brand and its preview keys only.';

/** `preview: Boolean = false` on a root delivery field with separate arguments. */
export const PREVIEW_ARG: ArgsOptions = {
  type: () => Boolean,
  nullable: true,
  defaultValue: false,
  description: DESCRIPTION,
};

/** `preview: Boolean = false` in a delivery @ArgsType. */
export function PreviewField(): PropertyDecorator {
  return applyDecorators(
    Field(() => Boolean, { nullable: true, defaultValue: false, description: DESCRIPTION }),
    IsOptional(),
    IsBoolean(),
  );
}
