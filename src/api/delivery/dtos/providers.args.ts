import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../../graphql/connection';
import { PreviewField } from '../../../read-mode/preview.arg';

@ArgsType()
export class ProvidersArgs extends PageArgs {
  @Field({ description: 'Brand slug.' })
  @IsString()
  @MaxLength(200)
  brand: string;

  @Field(() => String, { nullable: true, description: 'Clinic slug: providers working there.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  clinic?: string | null;

  @Field(() => String, { nullable: true, description: 'Treatment slug: providers performing it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  treatment?: string | null;

  @PreviewField()
  preview?: boolean | null = false;
}
