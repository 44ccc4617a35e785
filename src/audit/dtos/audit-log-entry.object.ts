import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'One write or login, as recorded in the audit log.' })
export class AuditLogEntry {
  @Field(() => ID)
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

  @Field(() => String, { nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => GraphQLJSONObject)
  details: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field()
  createdAt: Date;
}
