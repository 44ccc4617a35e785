import { eventType, eventTypesOf, parseEventType, subscriptionsOf } from './webhook-events';

describe('webhook event types', () => {
  it('names events type.action in lower case', () => {
    expect(eventType('FAQ', 'PUBLISHED')).toBe('faq.published');
    expect(eventType('PRICE_ITEM', 'DELETED')).toBe('price_item.deleted');
    expect(parseEventType('clinic_treatment.unpublished')).toEqual({
      type: 'CLINIC_TREATMENT',
      action: 'UNPUBLISHED',
    });
  });

  it('refuses names that are not events', () => {
    expect(() => parseEventType('faq.created')).toThrow(/Not a webhook event type/);
    expect(() => parseEventType('user.published')).toThrow(/Not a webhook event type/);
  });

  it('stores subscriptions as sorted, unique event types and reads them back grouped', () => {
    const stored = eventTypesOf([
      { type: 'TREATMENT', actions: ['DELETED', 'PUBLISHED'] },
      { type: 'FAQ', actions: ['PUBLISHED'] },
      { type: 'FAQ', actions: ['PUBLISHED', 'UNPUBLISHED'] },
    ]);
    expect(stored).toEqual([
      'faq.published',
      'faq.unpublished',
      'treatment.deleted',
      'treatment.published',
    ]);
    expect(subscriptionsOf(stored)).toEqual([
      { type: 'TREATMENT', actions: ['PUBLISHED', 'DELETED'] },
      { type: 'FAQ', actions: ['PUBLISHED', 'UNPUBLISHED'] },
    ]);
  });
});
