import type { ContentType } from '../gql/graphql';

/** Each kind of item, as an editor names it. */
const TYPE_NAMES: Record<string, string> = {
  CLINIC: 'Clinic details',
  CLINIC_TREATMENT: 'Treatment offered here',
  FAQ: 'FAQ',
  PROVIDER: 'Provider',
  REGION: 'Region',
  TREATMENT: 'Brand treatment',
};

/** How an editor recognises an item: its label, its field, else its kind. */
export function describeItem(type: ContentType, values: Record<string, unknown>): string {
  const text = (key: string) => (typeof values[key] === 'string' ? String(values[key]) : null);
  if (type === 'PRICE_ITEM') return `Price “${text('label')}”`;
  if (type === 'OVERRIDE') {
    return values.scope === 'REGION'
      ? `The region’s ${text('field')}`
      : `This clinic’s ${text('field')}`;
  }
  if (type === 'FAQ' && text('question')) return `FAQ “${text('question')}”`;
  if (type === 'PROVIDER' && text('name')) return `Provider ${text('name')}`;
  return TYPE_NAMES[type] ?? type;
}
