import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { type Latest, sameValue, type Values } from './conflict';

export interface ConflictField {
  key: string;
  label: string;
}

interface Props {
  fields: ConflictField[];
  /** The values the editor started from. */
  base: Values;
  /** The editor's values, not saved. */
  mine: Values;
  latest: Latest;
  busy: boolean;
  onReapply: () => void;
  onTakeTheirs: () => void;
  /** How a value reads (default: as text). */
  show?: (key: string, value: unknown) => string;
}

const asText = (_key: string, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
};

/**
 * The conflict screen: someone saved the item after the editor opened it.
 * Field by field: the editor's text (kept, not saved), the value saved now
 * (by whom, when) and what both started from, so nothing is lost unseen.
 * The editor then re-applies theirs on top of the current version, or takes
 * the current one.
 */
export function ConflictPanel(props: Props) {
  const { base, mine, latest } = props;
  const show = props.show ?? asText;
  const fields = props.fields.filter(
    (field) =>
      !sameValue(mine[field.key], base[field.key]) ||
      !sameValue(latest.values[field.key], base[field.key]),
  );
  const when = latest.at ? new Date(latest.at).toLocaleString() : null;
  return (
    <Stack component="section" aria-labelledby="conflict-title" className="console-conflict">
      <Title order={3} id="conflict-title">
        Someone else changed this while you were editing
      </Title>
      <Alert color="orange" role="alert">
        {latest.version === null
          ? 'It was removed in the meantime.'
          : `It was saved ${latest.by ? `by ${latest.by}` : 'by someone else'}${when ? ` at ${when}` : ''}. Your changes are not saved yet and nothing was overwritten.`}
      </Alert>
      {fields.map((field) => (
        <section key={field.key} aria-label={`${field.label}: yours and theirs`}>
          <Text fw={700}>{field.label}</Text>
          <div className="console-three-columns">
            <Side title="Your change (not saved)" testId={`mine-${field.key}`}>
              {show(field.key, mine[field.key])}
            </Side>
            <Side title="Current value (their change)" testId={`current-${field.key}`}>
              {show(field.key, latest.values[field.key])}
            </Side>
            <Side title="What you both started from" testId={`base-${field.key}`}>
              {show(field.key, base[field.key])}
            </Side>
          </div>
        </section>
      ))}
      <Group>
        <Button onClick={props.onReapply} loading={props.busy}>
          Save mine on top of theirs
        </Button>
        <Button variant="default" onClick={props.onTakeTheirs} disabled={props.busy}>
          Take theirs (drop mine)
        </Button>
      </Group>
    </Stack>
  );
}

function Side({ title, testId, children }: { title: string; testId: string; children: string }) {
  return (
    <div>
      <Text size="xs" fw={700}>
        {title}
      </Text>
      <Text size="sm" className="console-value" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
