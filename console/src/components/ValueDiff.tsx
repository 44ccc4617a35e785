import { Text } from '@mantine/core';

/** A field's value as an editor reads it: lists joined, objects as JSON, "—" for none. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return value.length
      ? value
          .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)))
          .join(', ')
      : '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
}

/** The brand's current value beside a place's own, so the editor sees what changed. */
export function ValueDiff(props: { brand: string; mine: string; mineLabel: string }) {
  return (
    <div className="console-diff">
      <div>
        <Text size="xs" fw={700}>
          Brand now
        </Text>
        <Text size="sm">{props.brand}</Text>
      </div>
      <div>
        <Text size="xs" fw={700}>
          {props.mineLabel}
        </Text>
        <Text size="sm">{props.mine}</Text>
      </div>
    </div>
  );
}
