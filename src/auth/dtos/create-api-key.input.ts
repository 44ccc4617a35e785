import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  MinDate,
} from 'class-validator';
import type { ApiKeyScope } from '../actor';
import { ApiKeyScopeEnum } from './auth.enums';

@InputType({ description: 'A new API key of your brand.' })
export class CreateApiKeyInput {
  @Field({
    description: 'What the key is for, e.g. "Website (production)". At most 100 characters.',
  })
  @Length(1, 100)
  name: string;

  @Field(() => [ApiKeyScopeEnum], { description: 'What the key may do.' })
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(Object.values(ApiKeyScopeEnum), { each: true })
  scopes: ApiKeyScope[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Limit the key to these clinics of the brand (e.g. a partner’s locations).',
  })
  @IsOptional()
  @ArrayNotEmpty()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(500)
  clinicIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never if null.' })
  @IsOptional()
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date | null;
}
