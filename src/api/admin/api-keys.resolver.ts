import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { ApiKeysService } from '../../auth/api-keys.service';
import { ApiKey, CreatedApiKey } from '../../auth/dtos/api-key.object';
import { CreateApiKeyInput } from '../../auth/dtos/create-api-key.input';
import { RevokeApiKeyInput } from './dtos/revoke-api-key.input';
import type { RequestOrigin } from '../../auth/request-origin';
import { CurrentActor, Origin } from '../../graphql/context.decorators';

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
    @Origin() origin: RequestOrigin,
  ): Promise<CreatedApiKey> {
    return this.apiKeysService.createApiKey(actor, input, origin.ip);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key of your brand; it stops working at once.' })
  revokeApiKey(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RevokeApiKeyInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<ApiKey> {
    return this.apiKeysService.revokeApiKey(actor, input.id, origin.ip);
  }
}
