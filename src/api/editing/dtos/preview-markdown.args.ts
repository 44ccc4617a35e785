import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class PreviewMarkdownArgs {
  @Field(() => String, {
    description: 'Markdown source as an editor is typing it (at most 20000 characters).',
  })
  @IsString()
  @MaxLength(20_000)
  text!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The clinic (itemId) whose values fill `{{clinic.*}}` tokens; without it they render as brand-only delivery does.',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string | null;
}
