import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum ScheduleStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ScheduleStatus, { name: 'ScheduleStatus' });

@ObjectType({ description: 'A changeset to publish at a given time.' })
export class ScheduledPublication {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLJSON, { description: 'The items: [{ type, id, version }].' })
  items: unknown;

  @Field()
  publishAt: Date;

  @Field(() => ScheduleStatus)
  status: ScheduleStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it failed (e.g. an item changed since).',
  })
  error: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}
