import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../../../graphql/connection';
import type { RevisionRow } from '../../../editing/revisions.service';
import { ContentTypeName } from '../../../editing/dtos/editable-item.object';

export enum RevisionActionName {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  PUBLISH = 'PUBLISH',
  UNPUBLISH = 'UNPUBLISH',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  REVIEW = 'REVIEW',
}
registerEnumType(RevisionActionName, {
  name: 'RevisionAction',
  description: 'What a revision records.',
  valuesMap: {
    CREATE: { description: 'Created.' },
    UPDATE: { description: 'Draft saved.' },
    PUBLISH: { description: 'Published.' },
    UNPUBLISH: { description: 'Taken out of delivery.' },
    DELETE: { description: 'Deleted.' },
    RESTORE: { description: 'Restored from an earlier revision.' },
    REVIEW: {
      description:
        'Marked reviewed: a stale override kept and re-based on the brand’s current value (a draft).',
    },
  },
});

@ObjectType({ description: 'One write to an item: who, when, what changed, before and after.' })
export class Revision {
  @Field(() => ID, { description: 'The revision’s id (for restoreRevision and revisionDiff).' })
  id: string;

  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  entityType: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id.' })
  entityId: string;

  @Field(() => Int, { description: 'The item’s version after this write.' })
  version: number;

  @Field(() => RevisionActionName, { description: 'What was done.' })
  action: RevisionActionName;

  @Field({ description: 'USER, API_KEY, CLI or SYSTEM.' })
  actorKind: string;

  @Field({ description: 'E-mail of the editor, or the key prefix.' })
  actorLabel: string;

  @Field({ description: 'API, CLI, SEED or SCHEDULER.' })
  source: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The item’s values before; null for a create. Keys vary by content type (see docs/editing-reference-content.md).',
  })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The item’s values after; null for a delete. Keys vary by content type.',
  })
  after: Record<string, unknown> | null;

  @Field(() => [String], { description: 'Names of the fields that changed.' })
  changedFields: string[];

  @Field({ description: 'When it happened.' })
  createdAt: Date;
}

/** The GraphQL object of a stored revision. */
export function toRevision(row: RevisionRow): Revision {
  return {
    ...row,
    entityType: ContentTypeName[row.entityType],
    action: RevisionActionName[row.action],
  };
}

@ObjectType({ description: 'A page of an item’s revisions, newest first.' })
export class RevisionConnection extends ConnectionType(Revision) {}

@ObjectType({ description: 'How one field differs between two revisions.' })
export class FieldChange {
  @Field({ description: 'The field’s name.' })
  field: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Its value in the first revision; any JSON, the field’s own shape.',
  })
  from: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Its value in the second revision; any JSON, the field’s own shape.',
  })
  to: unknown;
}
