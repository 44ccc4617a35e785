import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { PageArgs } from '../../../graphql/connection';
import { ScheduleStatus } from './scheduled-publication.object';

/**
 * A page of the brand's scheduled publications, latest scheduled first.
 * Pages continue after `after` by the schedule's position, so schedules
 * made meanwhile never shift the next page (keyset pagination).
 */
@ArgsType()
export class ScheduledPublicationsArgs extends PageArgs {
  @Field(() => [ScheduleStatus], {
    nullable: true,
    description: 'Only schedules in one of these statuses (e.g. `[PENDING]`); all when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ScheduleStatus).length)
  @IsEnum(ScheduleStatus, { each: true })
  status?: ScheduleStatus[] | null;
}
