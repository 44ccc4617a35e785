import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Actor } from '../../../auth/actor';
import { ConnectionType } from '../../../graphql/connection';
import type { ScheduledPublicationRow } from '../../../editing/scheduled-publisher.service';
import { ContentTypeName } from '../../../editing/dtos/editable-item.object';
import { PermissionObject } from '../../../editing/dtos/item-permissions.object';

export enum ScheduleStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ScheduleStatus, {
  name: 'ScheduleStatus',
  description: 'Where a scheduled publication stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for publishAt.' },
    DONE: { description: 'Published.' },
    FAILED: { description: 'Not published (see error).' },
    CANCELLED: { description: 'Cancelled before it ran.' },
  },
});

@ObjectType({ description: 'One item of a scheduled changeset, at the version to publish.' })
export class ScheduledItem {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id.' })
  id: string;

  @Field(() => Int, { description: 'The version that will be published.' })
  version: number;
}

export enum ScheduleFailureReason {
  CREATOR_REVOKED = 'CREATOR_REVOKED',
  CREATOR_NOT_ALLOWED = 'CREATOR_NOT_ALLOWED',
  ITEM_CHANGED = 'ITEM_CHANGED',
  PUBLISH_FAILED = 'PUBLISH_FAILED',
  COMPLIANCE_BLOCKED = 'COMPLIANCE_BLOCKED',
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
    COMPLIANCE_BLOCKED: {
      description:
        'At run time a change still lacked its medical approval (or the approval was voided by a later edit), or a BLOCK claim rule matched (see `error`; docs/compliance.md).',
    },
  },
});

@ObjectType({ description: 'A changeset to publish at a given time.' })
export class ScheduledPublication {
  @Field(() => ID, { description: 'The schedule’s id (for cancelScheduledPublication).' })
  id: string;

  @Field(() => [ScheduledItem], { description: 'The items, each at the version to publish.' })
  items: ScheduledItem[];

  @Field({ description: 'When it publishes.' })
  publishAt: Date;

  @Field(() => ScheduleStatus, { description: 'Where it stands.' })
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

  @Field({ description: 'When it was scheduled.' })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it ran or was cancelled; null while pending.',
  })
  completedAt: Date | null;

  // Not in the schema: who may cancel it (checkScheduleAccess) and `createdBy`.
  brandId: string;
  actor: Actor;
}

@ObjectType({ description: 'A page of scheduled publications, latest scheduled first.' })
export class ScheduledPublicationConnection extends ConnectionType(ScheduledPublication) {}

/** The GraphQL object of a stored scheduled publication. */
export function toScheduledPublication(row: ScheduledPublicationRow): ScheduledPublication {
  return {
    ...row,
    items: row.items.map((item) => ({ ...item, type: ContentTypeName[item.type] })),
    status: ScheduleStatus[row.status],
    failureReason: row.failureReason && ScheduleFailureReason[row.failureReason],
  };
}

@ObjectType({
  description:
    'What the caller may do with a scheduled publication, by the rule cancelScheduledPublication applies.',
})
export class SchedulePermissions {
  @Field(() => PermissionObject, {
    description:
      'Cancel it: while it is pending, brand-wide editors any schedule of the brand, other editors their own.',
  })
  cancel: PermissionObject;
}
