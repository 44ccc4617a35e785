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
  @Field(() => ContentTypeName)
  type: ContentTypeName;

  @Field(() => [WebhookActionName])
  actions: WebhookActionName[];
}

@ObjectType({
  description: 'Where the brand’s webhook events go. The secret is never shown again.',
})
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [WebhookSubscription])
  subscriptions: WebhookSubscription[];

  @Field({
    description:
      'A disabled endpoint gets no new events; deliveries queued before wait until it is enabled again.',
  })
  enabled: boolean;

  @Field({ description: 'The start of the signing secret, to tell secrets apart.' })
  secretPrefix: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({
    description:
      'The signing secret: shown in this answer only. Verify X-Webhook-Signature with it (docs/webhooks.md).',
  })
  secret: string;
}
