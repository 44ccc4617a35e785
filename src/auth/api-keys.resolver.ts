import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import type { Actor } from './actor';
import { ApiKeysService } from './api-keys.service';
import { CurrentActor } from './current-actor.decorator';
import { ApiKey, CreatedApiKey } from './dtos/api-key.object';
import { CreateApiKeyInput } from './dtos/create-api-key.input';
import { RevokeApiKeyInput } from './dtos/revoke-api-key.input';
import { originOf } from './request-origin';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly apiKeysService: ApiKeysService) {}

  @Query(() => [ApiKey], {
    description: 'API keys of your brand, newest first. Brand admins only.',
  })
  apiKeys(@CurrentActor() actor: Actor): Promise<ApiKey[]> {
    return this.apiKeysService.listApiKeys(actor);
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key of your brand; the key is in this answer only.',
  })
  createApiKey(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateApiKeyInput,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CreatedApiKey> {
    return this.apiKeysService.createApiKey(actor, input, originOf(req).ip);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key of your brand; it stops working at once.' })
  revokeApiKey(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RevokeApiKeyInput,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ApiKey> {
    return this.apiKeysService.revokeApiKey(actor, input.id, originOf(req).ip);
  }
}
