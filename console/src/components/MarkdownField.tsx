import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../api/errors';
import { graphql } from '../gql';

const PreviewMarkdown = graphql(`
  query PreviewMarkdown($text: String!, $clinicId: ID) {
    previewMarkdown(text: $text, clinicId: $clinicId)
  }
`);

/** Tokens an editor may insert; the preview shows the clinic's values. */
const TOKENS = ['clinic.name', 'clinic.city', 'clinic.phone', 'clinic.address'];

interface Props {
  field: string;
  clinicId: string;
  initial: string;
  saving: boolean;
  error: string | null;
  onSave: (text: string) => void;
  onClose: () => void;
}

/**
 * A Markdown field with a live preview rendered by the server, exactly as
 * delivery renders it (tokens filled for the clinic, then sanitized).
 */
export function MarkdownField({ field, clinicId, initial, saving, error, onSave, onClose }: Props) {
  const [text, setText] = useState(initial);
  const [debounced] = useDebouncedValue(text, 300);
  const area = useRef<HTMLTextAreaElement>(null);
  const [preview] = useQuery({
    query: PreviewMarkdown,
    variables: { text: debounced, clinicId },
    requestPolicy: 'network-only',
  });

  function insertToken(token: string) {
    const input = area.current;
    const at = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? at;
    setText(`${text.slice(0, at)}{{${token}}}${text.slice(end)}`);
    input?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(text);
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label={`Edit ${field}`}
      className="console-panel"
    >
      <Title order={2}>Edit this clinic’s {field}</Title>
      <div className="console-diff">
        <Stack gap="xs">
          <Textarea
            ref={area}
            label={`${field} (Markdown)`}
            autosize
            minRows={6}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group gap="xs" aria-label="Insert a token">
            {TOKENS.map((token) => (
              <Button
                key={token}
                size="compact-xs"
                variant="default"
                onClick={() => insertToken(token)}
              >
                Insert {`{{${token}}}`}
              </Button>
            ))}
          </Group>
        </Stack>
        <div>
          <Text size="sm" fw={700} id={`${field}-preview-title`}>
            Preview (as the public page shows it)
          </Text>
          {preview.error ? (
            <Text size="sm">{describeError(preview.error)}</Text>
          ) : (
            <div
              className="console-markdown"
              role="region"
              aria-labelledby={`${field}-preview-title`}
              aria-live="polite"
              // Sanitized by the server, as delivery's HTML fields are.
              dangerouslySetInnerHTML={{ __html: preview.data?.previewMarkdown ?? '' }}
            />
          )}
        </div>
      </div>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving}>
          Save draft
        </Button>
        <Button variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
