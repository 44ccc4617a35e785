import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
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
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  endpointId: string;

  @Field(() => ID, { description: 'The event id: the receiver’s idempotency key.' })
  eventId: string;

  @Field({ description: 'e.g. faq.published' })
  eventType: string;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (PENDING only).' })
  nextAttemptAt: Date | null;

  @Field({ description: 'Retries stop after this time; the delivery is then DEAD.' })
  giveUpAt: Date;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field({ description: 'The exact JSON body that is signed and sent.' })
  body: string;
}

@ObjectType({ description: 'One try to deliver an event.' })
export class WebhookAttempt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  deliveryId: string;

  @Field(() => ID)
  eventId: string;

  @Field()
  eventType: string;

  @Field(() => Int, { description: '1 for the first try of the delivery.' })
  attempt: number;

  @Field()
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;

  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status, if any came.' })
  statusCode: number | null;

  @Field()
  succeeded: boolean;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType({ description: 'A page of webhook deliveries, newest first.' })
export class WebhookDeliveryConnection extends ConnectionType(WebhookDelivery) {}

@ObjectType({ description: 'A page of delivery attempts, newest first.' })
export class WebhookAttemptConnection extends ConnectionType(WebhookAttempt) {}
