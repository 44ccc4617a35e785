import { CONTENT_TYPES, ContentType } from '../content-types/registry';

/** What happened to an item, as webhook subscribers name it. */
export const WEBHOOK_ACTIONS = ['PUBLISHED', 'UNPUBLISHED', 'DELETED'] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

/** The writer's action → the webhook action. */
export const ACTION_OF = {
  PUBLISH: 'PUBLISHED',
  UNPUBLISH: 'UNPUBLISHED',
  DELETE: 'DELETED',
} as const satisfies Record<string, WebhookAction>;

/** "faq.published", "price_item.deleted": the event's `type` and X-Webhook-Event. */
export function eventType(type: ContentType, action: WebhookAction): string {
  return `${type.toLowerCase()}.${action.toLowerCase()}`;
}

export function parseEventType(value: string): { type: ContentType; action: WebhookAction } {
  const [type, action] = value.toUpperCase().split('.') as [ContentType, WebhookAction];
  if (!CONTENT_TYPES.includes(type) || !WEBHOOK_ACTIONS.includes(action)) {
    throw new Error(`Not a webhook event type: ${value}`);
  }
  return { type, action };
}

/** A subscription: these actions on items of this type. */
export interface WebhookSubscription {
  type: ContentType;
  actions: WebhookAction[];
}

export function eventTypesOf(subscriptions: WebhookSubscription[]): string[] {
  const types = subscriptions.flatMap((s) => s.actions.map((action) => eventType(s.type, action)));
  return [...new Set(types)].sort();
}

export function subscriptionsOf(eventTypes: string[]): WebhookSubscription[] {
  const byType = new Map<ContentType, WebhookAction[]>();
  for (const { type, action } of eventTypes.map(parseEventType)) {
    byType.set(type, [...(byType.get(type) ?? []), action]);
  }
  return CONTENT_TYPES.filter((type) => byType.has(type)).map((type) => ({
    type,
    actions: WEBHOOK_ACTIONS.filter((action) => byType.get(type)!.includes(action)),
  }));
}

/** The JSON body of an event, exactly as signed and sent (see docs/webhooks.md). */
export interface WebhookEventBody {
  /** Unique per event: the idempotency key (also in Idempotency-Key and X-Webhook-Id). */
  id: string;
  type: string;
  createdAt: string;
  brand: { id: string; slug: string };
  data: {
    type: ContentType;
    id: string;
    version: number;
    /** The brand change-feed position, for items partners sync; null for other types. */
    sequence: string | null;
    /** The deployment epoch `sequence` belongs to: a restore starts a new one, and sequences repeat only across epochs. */
    epoch: string;
    /** The published values (published events); null for unpublished and deleted. */
    values: Record<string, unknown> | null;
  };
}

/** The event `sendTestWebhookEvent` queues; no item changed, so no subscription names it. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** A test event's body: the envelope of every event, with `data` saying it is a test. */
export interface WebhookTestEventBody extends Omit<WebhookEventBody, 'type' | 'data'> {
  type: typeof TEST_EVENT_TYPE;
  data: { test: true; endpointId: string };
}
