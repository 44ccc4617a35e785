import { ArgsType, Field, Float, InputType } from '@nestjs/graphql';
import {
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageArgs } from '../../graphql/connection';
import { PreviewField } from '../../read-mode/preview.arg';

@InputType({ description: 'A point on Earth (WGS 84).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng: number;
}

@InputType({ description: 'Filters of the clinic list; they combine with AND.' })
export class ClinicFilter {
  @Field(() => String, { nullable: true, description: 'Region slug.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'City name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Treatment slug the clinic offers.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  offersTreatment?: string | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'Order by distance from this point (closest first).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  near?: GeoPointInput | null;

  @Field(() => Float, {
    nullable: true,
    description: 'With `near`: only clinics within this many kilometres.',
  })
  @IsOptional()
  @IsNumber()
  radiusKm?: number | null;
}

@ArgsType()
export class ClinicsArgs extends PageArgs {
  @Field({ description: 'Brand slug.' })
  @IsString()
  brand: string;

  @Field(() => ClinicFilter, { nullable: true, description: 'Only clinics matching this filter.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClinicFilter)
  filter?: ClinicFilter | null;

  @PreviewField()
  preview?: boolean | null = false;
}
