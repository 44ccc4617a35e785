import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKeyScope } from '../actor';
import { ApiKeyScopeEnum } from './auth.enums';

@ObjectType({
  description: 'A machine credential of the brand. The key itself is never shown again.',
})
export class ApiKey {
  @Field(() => ID, { description: 'The key’s id (for revokeApiKey).' })
  id: string;

  @Field({ description: 'What the key is for, as its creator named it.' })
  name: string;

  @Field({ description: 'The visible start of the key, e.g. cca_live_k3x9q2mf.' })
  prefix: string;

  @Field(() => [ApiKeyScopeEnum], { description: 'What the key may do.' })
  scopes: ApiKeyScope[];

  @Field(() => [ID], {
    nullable: true,
    description: 'The clinics the key is limited to; null = every clinic of the brand.',
  })
  clinicIds: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null: never.' })
  expiresAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was revoked; null while active.',
  })
  revokedAt: Date | null;

  @Field({ description: 'When the key was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Accurate to about a minute.' })
  lastUsedAt: Date | null;
}

@ObjectType({ description: 'A new API key, with the key itself (shown only this once).' })
export class CreatedApiKey {
  @Field({
    description: 'The key, shown this once: store it now. Send it as Authorization: Bearer <key>.',
  })
  key: string;

  @Field(() => ApiKey, { description: 'The stored key, as apiKeys lists it.' })
  apiKey: ApiKey;
}
