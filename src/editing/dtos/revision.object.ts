import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../../graphql/connection';
import { ContentTypeName } from './editable-item.object';

export enum RevisionActionName {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  PUBLISH = 'PUBLISH',
  UNPUBLISH = 'UNPUBLISH',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
}
registerEnumType(RevisionActionName, { name: 'RevisionAction' });

@ObjectType({ description: 'One write to an item: who, when, what changed, before and after.' })
export class Revision {
  @Field(() => ID)
  id: string;

  @Field(() => ContentTypeName)
  entityType: ContentTypeName;

  @Field(() => ID)
  entityId: string;

  @Field(() => Int, { description: 'The item’s version after this write.' })
  version: number;

  @Field(() => RevisionActionName)
  action: RevisionActionName;

  @Field({ description: 'USER, API_KEY, CLI or SYSTEM.' })
  actorKind: string;

  @Field({ description: 'E-mail of the editor, or the key prefix.' })
  actorLabel: string;

  @Field({ description: 'API, CLI, SEED or SCHEDULER.' })
  source: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => [String])
  changedFields: string[];

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A page of an item’s revisions, newest first.' })
export class RevisionConnection extends ConnectionType(Revision) {}

@ObjectType({ description: 'How one field differs between two revisions.' })
export class FieldChange {
  @Field()
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to: unknown;
}
