import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PageArgs } from './connection';
import { PreviewField } from '../read-mode/preview.arg';

/** A page of one brand's list (its treatments, its regions), published or its working copy. */
@ArgsType()
export class BrandListArgs extends PageArgs {
  @Field({ description: 'Brand slug.' })
  @IsString()
  @MaxLength(200)
  brand: string;

  @PreviewField()
  preview?: boolean | null = false;
}
