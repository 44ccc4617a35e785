import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for its first or next attempt.' },
    SUCCEEDED: { description: 'The receiver answered 2xx.' },
    DEAD: {
      description: 'Retries ran out (24 h by default); replay it when the receiver is fixed.',
    },
  },
});

@ObjectType({ description: 'One event on its way to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery’s id (for replayWebhookDelivery).' })
  id: string;

  @Field(() => ID, { description: 'The endpoint it goes to.' })
  endpointId: string;

  @Field(() => ID, { description: 'The event id: the receiver’s idempotency key.' })
  eventId: string;

  @Field({ description: 'e.g. faq.published' })
  eventType: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (PENDING only).' })
  nextAttemptAt: Date | null;

  @Field({ description: 'Retries stop after this time; the delivery is then DEAD.' })
  giveUpAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last attempt, if any came.',
  })
  lastStatusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed; null when none did.',
  })
  lastError: string | null;

  @Field({ description: 'When the event was queued.' })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it succeeded or died; null while pending.',
  })
  completedAt: Date | null;

  @Field({ description: 'The exact JSON body that is signed and sent.' })
  body: string;
}

@ObjectType({ description: 'One try to deliver an event.' })
export class WebhookAttempt {
  @Field(() => ID, { description: 'The attempt’s id.' })
  id: string;

  @Field(() => ID, { description: 'The delivery it belongs to.' })
  deliveryId: string;

  @Field(() => ID, { description: 'The event id.' })
  eventId: string;

  @Field({ description: 'e.g. faq.published' })
  eventType: string;

  @Field(() => Int, { description: '1 for the first try of the delivery.' })
  attempt: number;

  @Field({ description: 'When the request was sent.' })
  startedAt: Date;

  @Field(() => Int, { description: 'How long the receiver took, in milliseconds.' })
  durationMs: number;

  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status, if any came.' })
  statusCode: number | null;

  @Field({ description: 'True for a 2xx answer in time.' })
  succeeded: boolean;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when it succeeded.' })
  error: string | null;
}

@ObjectType({ description: 'A page of webhook deliveries, newest first.' })
export class WebhookDeliveryConnection extends ConnectionType(WebhookDelivery) {}

@ObjectType({ description: 'A page of delivery attempts, newest first.' })
export class WebhookAttemptConnection extends ConnectionType(WebhookAttempt) {}
