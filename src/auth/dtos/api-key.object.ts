import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKeyScope } from '../actor';
import { ApiKeyScopeEnum } from './auth.enums';

@ObjectType({
  description: 'A machine credential of the brand. The key itself is never shown again.',
})
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The visible start of the key, e.g. cca_live_k3x9q2mf.' })
  prefix: string;

  @Field(() => [ApiKeyScopeEnum])
  scopes: ApiKeyScope[];

  @Field(() => [ID], {
    nullable: true,
    description: 'The clinics the key is limited to; null = every clinic of the brand.',
  })
  clinicIds: string[] | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Accurate to about a minute.' })
  lastUsedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field({
    description: 'The key, shown this once: store it now. Send it as Authorization: Bearer <key>.',
  })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}
