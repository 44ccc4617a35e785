import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { PageArgs } from '../../../graphql/connection';

const UPPER_SNAKE = /^[A-Z][A-Z_]{0,63}$/;

/**
 * Filters of the audit log; each given one narrows the list (they combine
 * with AND). Pages continue after `after` by the entry's position, so
 * entries written meanwhile never shift the next page (keyset pagination).
 */
@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only entries of this action, e.g. LOGIN.' })
  @IsOptional()
  @Matches(UPPER_SNAKE, { message: 'action must be an UPPER_SNAKE action name' })
  action?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only what this person (a user id of your brand) did.',
  })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what this API key (its id) did.' })
  @IsOptional()
  @IsUUID('all')
  apiKeyId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only entries about things of this kind: a content type (e.g. FAQ) or USER, API_KEY, WEBHOOK_ENDPOINT, …',
  })
  @IsOptional()
  @Matches(UPPER_SNAKE, { message: 'targetType must be an UPPER_SNAKE kind, e.g. FAQ' })
  targetType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entries about this item or thing (its id). At most 100 characters.',
  })
  @IsOptional()
  @Length(1, 100)
  targetId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only entries at or after this instant (ISO 8601).',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only entries before this instant (ISO 8601); must be after `since`.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date | null;
}
