import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '../../graphql/connection';
import { DriftKindName } from './drift-row.object';

export const DRIFT_PAGE_SIZE = 50;

@ArgsType()
export class DriftReportArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only this region: its own overrides and its clinics’ rows.',
  })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this brand treatment (itemId).' })
  @IsOptional()
  @IsUUID()
  treatmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this field, e.g. "disclaimer".' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'field must be a field name such as "summary"' })
  field?: string | null;

  @Field(() => DriftKindName, { nullable: true, description: 'Only STALE or only MISSING rows.' })
  @IsOptional()
  @IsEnum(DriftKindName)
  kind?: DriftKindName | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DRIFT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DRIFT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last row seen (`pageInfo.endCursor`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  after?: string | null;
}
