import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * A button whose action is asked about first, in the page (not a browser
 * dialog): the question and the two answers take the button's place, and
 * focus moves to "Cancel", the safe answer.
 */
export function ConfirmAction(props: {
  label: string;
  /** The button's accessible name when the label alone is ambiguous (e.g. in a table row). */
  name?: string;
  question: string;
  confirmLabel: string;
  color?: string;
  disabled?: boolean;
  title?: string;
  onConfirm: () => Promise<void> | void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button
        size="xs"
        variant="default"
        aria-label={props.name}
        disabled={props.disabled}
        title={props.title}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </Button>
    );
  }
  return (
    <Group gap="xs" role="group" aria-label={props.question}>
      <Text size="sm">{props.question}</Text>
      <Button
        size="xs"
        color={props.color ?? 'red'}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {props.confirmLabel}
      </Button>
      <Button
        size="xs"
        variant="default"
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- the safe answer takes focus when the question appears
        autoFocus
        onClick={() => setAsking(false)}
      >
        Cancel
      </Button>
    </Group>
  );
}
