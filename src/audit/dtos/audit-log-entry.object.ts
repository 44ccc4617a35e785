import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'One write or login, as recorded in the audit log.' })
export class AuditLogEntry {
  @Field(() => ID, { description: 'The entry’s id.' })
  id: string;

  @Field({
    description:
      'e.g. LOGIN, LOGIN_FAILED, CREATE_USER, CREATE_API_KEY, CONTENT_UPDATE, CONTENT_PUBLISH.',
  })
  action: string;

  @Field({ description: 'USER, API_KEY, CLI, SYSTEM or ANONYMOUS (e.g. a failed login).' })
  actorKind: string;

  @Field(() => String, { nullable: true, description: 'User or API key id.' })
  actorId: string | null;

  @Field({ description: 'Email, "key <prefix>", or the email a failed login tried.' })
  actorLabel: string;

  @Field(() => String, {
    nullable: true,
    description: 'Kind of thing acted on (e.g. USER, API_KEY); null when none.',
  })
  targetType: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the thing acted on; null when none.' })
  targetId: string | null;

  @Field(() => GraphQLJSONObject, {
    description:
      'Free-form facts of the action; keys vary by action (e.g. the scopes of a new key).',
  })
  details: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Client IP address, when known.' })
  ip: string | null;

  @Field({ description: 'When it happened.' })
  createdAt: Date;
}
