import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { Brand } from '../../brands/dtos/brand.object';
import { pageWindow, toConnection } from '../../graphql/connection';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import {
  WebhookAttemptConnection,
  WebhookDelivery,
  WebhookDeliveryConnection,
} from '../../webhooks/dtos/webhook-delivery.object';
import { WebhookAttemptsArgs, WebhookDeliveriesArgs } from './dtos/webhook-deliveries.args';
import {
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../webhooks/dtos/webhook-endpoint.object';
import {
  CreateWebhookEndpointInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  WebhookIdInput,
} from '../../webhooks/dtos/webhook-endpoint.inputs';
import { WebhookEndpointsService } from '../../webhooks/webhook-endpoints.service';
import { brandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import type { RequestOrigin } from '../../auth/request-origin';
import { CurrentActor, Origin } from '../../graphql/context.decorators';

/** Webhook endpoints, deliveries and attempts of your brand. Brand admins only. */
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Query(() => [WebhookEndpoint], {
    description: 'Your brand’s webhook endpoints. Brand admins only.',
  })
  webhookEndpoints(@CurrentActor() actor: Actor): Promise<WebhookEndpoint[]> {
    return this.endpoints.list(actor);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Registers an endpoint for the events it subscribes to; the signing secret is in this answer only.',
  })
  createWebhookEndpoint(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateWebhookEndpointInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(actor, input, origin.ip);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Changes an endpoint’s URL, events or state.' })
  updateWebhookEndpoint(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateWebhookEndpointInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.update(actor, input, origin.ip);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Replaces the signing secret; the new one is in this answer only.',
  })
  rotateWebhookSecret(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RotateWebhookSecretInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(actor, input.id, input.secret, origin.ip);
  }

  @Mutation(() => WebhookEndpoint, {
    description: 'Deletes an endpoint, its queued deliveries and their history.',
  })
  deleteWebhookEndpoint(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: WebhookIdInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.remove(actor, input.id, origin.ip);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'An endpoint’s deliveries, newest first (filter by status, e.g. DEAD).',
  })
  async webhookDeliveries(
    @Args() args: WebhookDeliveriesArgs,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryConnection> {
    const window = pageWindow('webhook-deliveries', args);
    const { rows, totalCount } = await this.endpoints.deliveries(
      actor,
      args.endpointId,
      args.status,
      window,
    );
    return toConnection('webhook-deliveries', rows, window, totalCount);
  }

  @Query(() => WebhookAttemptConnection, {
    description: 'Every attempt to reach an endpoint, newest first.',
  })
  async webhookAttempts(
    @Args() args: WebhookAttemptsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookAttemptConnection> {
    const window = pageWindow('webhook-attempts', args);
    const { rows, totalCount } = await this.endpoints.attempts(
      actor,
      args.endpointId,
      args.deliveryId,
      window,
    );
    return toConnection('webhook-attempts', rows, window, totalCount);
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Sends a DEAD delivery again (same event id), with a fresh retry window.',
  })
  replayWebhookDelivery(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: WebhookIdInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookDelivery> {
    return this.endpoints.replay(actor, input.id, origin.ip);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Queues a signed `webhook.test` event for this endpoint only (whatever it subscribes to), sent, listed and retried like any delivery: a check that the receiver gets, verifies and acknowledges events.',
  })
  sendTestWebhookEvent(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: WebhookIdInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<WebhookDelivery> {
    return this.endpoints.sendTest(actor, input.id, origin.ip);
  }
}

/** Whether the console shows the webhook screens. */
@Resolver(() => Brand)
export class BrandWebhookRightsResolver {
  @ResolveField(() => PermissionObject, {
    description:
      'May the caller manage the brand’s webhook endpoints and deliveries (brand admins and admin keys).',
  })
  viewerCanManageWebhooks(@Parent() brand: Brand, @CurrentActor() actor: Actor): PermissionObject {
    return brandPermission(actor, Permission.BrandAdmin, brand.itemId);
  }
}
