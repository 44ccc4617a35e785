import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum ScheduleStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ScheduleStatus, { name: 'ScheduleStatus' });

export enum ScheduleFailureReason {
  CREATOR_REVOKED = 'CREATOR_REVOKED',
  CREATOR_NOT_ALLOWED = 'CREATOR_NOT_ALLOWED',
  ITEM_CHANGED = 'ITEM_CHANGED',
  PUBLISH_FAILED = 'PUBLISH_FAILED',
}
registerEnumType(ScheduleFailureReason, {
  name: 'ScheduleFailureReason',
  description: 'Why a scheduled publication did not publish.',
  valuesMap: {
    CREATOR_REVOKED: {
      description:
        'The API key that scheduled it was revoked or expired, or the account was disabled or removed (revoking or disabling also cancels its pending schedules).',
    },
    CREATOR_NOT_ALLOWED: {
      description:
        'The account or key that scheduled it may no longer publish its items (its role, places or scopes changed).',
    },
    ITEM_CHANGED: { description: 'An item changed after it was scheduled (a stale version).' },
    PUBLISH_FAILED: { description: 'The publish was refused for another reason (see `error`).' },
  },
});

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

  @Field(() => ScheduleFailureReason, {
    nullable: true,
    description:
      'Why it did not publish, as a code: set when it FAILED, and when it was CANCELLED because its creator lost access; null otherwise.',
  })
  failureReason: ScheduleFailureReason | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}
