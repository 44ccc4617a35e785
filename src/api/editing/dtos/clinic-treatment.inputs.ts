import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

const MAX_NOTES = 5_000;

@InputType({ description: 'A clinic starts offering a treatment (as a draft).' })
export class OfferTreatmentInput {
  @Field(() => ID, { description: 'The clinic’s id (itemId).' })
  @IsUUID()
  clinicId: string;

  @Field(() => ID, { description: 'A treatment of the clinic’s brand.' })
  @IsUUID()
  treatmentId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Markdown for editors; may hold tokens such as {{clinic.name}}. At most 5000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTES)
  notes?: string | null;
}

@InputType({ description: 'Changes to a clinic’s offering of a treatment.' })
export class UpdateClinicTreatmentInput {
  @Field(() => ID, { description: 'The offering’s id.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, {
    nullable: true,
    description: 'Markdown; null clears it. At most 5000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTES)
  notes?: string | null;
}
