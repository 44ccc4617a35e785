import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class EditableClinicsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only clinics whose name or city contains this text (any case).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
