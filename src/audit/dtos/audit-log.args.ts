import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { PageArgs } from '../../graphql/connection';

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only entries of this action, e.g. LOGIN.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z_]{0,63}$/, { message: 'action must be an UPPER_SNAKE action name' })
  action?: string | null;
}
