import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ContentTypeName } from '../../editing/dtos/editable-item.object';
import { WEBHOOK_ACTIONS } from '../webhook-events';

export enum WebhookActionName {
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
  DELETED = 'DELETED',
}
registerEnumType(WebhookActionName, {
  name: 'WebhookAction',
  description: 'What happened to an item.',
  valuesMap: {
    PUBLISHED: { description: 'An item went live, or its published content changed.' },
    UNPUBLISHED: { description: 'An item was taken off delivery (it still exists as a draft).' },
    DELETED: { description: 'A published item was deleted.' },
  },
});
if (WEBHOOK_ACTIONS.join() !== Object.values(WebhookActionName).join()) {
  throw new Error('WebhookAction enum out of step with WEBHOOK_ACTIONS');
}

@ObjectType({ description: 'Events of one content type an endpoint receives.' })
export class WebhookSubscription {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  type: ContentTypeName;

  @Field(() => [WebhookActionName], { description: 'The events of that kind to send.' })
  actions: WebhookActionName[];
}

@ObjectType({
  description: 'Where the brand’s webhook events go. The secret is never shown again.',
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  id: string;

  @Field({ description: 'Where events are POSTed (https).' })
  url: string;

  @Field(() => String, { nullable: true, description: 'A note for your team; null when none.' })
  description: string | null;

  @Field(() => [WebhookSubscription], { description: 'The events it receives.' })
  subscriptions: WebhookSubscription[];

  @Field({
    description:
      'A disabled endpoint gets no new events; deliveries queued before wait until it is enabled again.',
  })
  enabled: boolean;

  @Field({ description: 'The start of the signing secret, to tell secrets apart.' })
  secretPrefix: string;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}

@ObjectType({
  description: 'A new or rotated endpoint, with its signing secret (shown only this once).',
})
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint: WebhookEndpoint;

  @Field({
    description:
      'The signing secret: shown in this answer only. Verify X-Webhook-Signature with it (docs/webhooks.md).',
  })
  secret: string;
}
