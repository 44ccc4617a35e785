import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../../graphql/connection';
import { PreviewField } from '../../../read-mode/preview.arg';

@ArgsType()
export class FaqsArgs extends PageArgs {
  @Field({ description: 'Brand slug.' })
  @IsString()
  @MaxLength(200)
  brand: string;

  @Field(() => String, {
    nullable: true,
    description: 'Clinic slug: the list as that clinic shows it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  clinic?: string | null;

  @Field(() => String, { nullable: true, description: 'Treatment slug: only FAQs about it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  treatment?: string | null;

  @PreviewField()
  preview?: boolean | null = false;
}
