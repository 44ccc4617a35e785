import { Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A secret the API answers only once (a set-password link, an API key):
 * shown read-only with a copy button, until the admin closes it. Focus moves
 * here so a keyboard or screen reader user learns it appeared.
 */
export function SecretOnce(props: {
  title: string;
  label: string;
  value: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [props.value]);
  return (
    <Stack gap="xs" component="section" aria-label={props.title} className="console-panel">
      <Title order={2} size="h4">
        {props.title}
      </Title>
      <Text size="sm">Copy it now: it is shown only this once and cannot be shown again.</Text>
      <TextInput ref={ref} label={props.label} value={props.value} readOnly />
      {props.children}
      <Group gap="sm">
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Button size="xs" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={props.onClose}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
