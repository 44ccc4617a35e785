import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useRef } from 'react';
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
  /** The textarea's label, e.g. "disclaimer (Markdown)". */
  label: string;
  /** The clinic whose values fill `{{clinic.*}}` tokens; none where delivery renders no tokens. */
  clinicId: string | null;
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
}

/**
 * A Markdown input with a live preview rendered by the server, exactly as
 * delivery renders it (tokens filled for the clinic, then sanitized), and
 * buttons that insert `{{clinic.*}}` tokens at the cursor.
 */
export function MarkdownField({ label, clinicId, value, onChange, error }: Props) {
  const tokens = clinicId ? TOKENS : [];
  const [debounced] = useDebouncedValue(value, 300);
  const area = useRef<HTMLTextAreaElement>(null);
  const previewTitle = useId();
  const [preview] = useQuery({
    query: PreviewMarkdown,
    variables: { text: debounced, clinicId },
    requestPolicy: 'network-only',
  });

  function insertToken(token: string) {
    const input = area.current;
    const at = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? at;
    onChange(`${value.slice(0, at)}{{${token}}}${value.slice(end)}`);
    input?.focus();
  }

  return (
    <div className="console-diff">
      <Stack gap="xs">
        <Textarea
          ref={area}
          label={label}
          autosize
          minRows={6}
          value={value}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        {tokens.length > 0 && (
          <Group gap="xs" role="group" aria-label="Insert a token">
            {tokens.map((token) => (
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
        )}
      </Stack>
      <div>
        <Text size="sm" fw={700} id={previewTitle}>
          Preview (as the public page shows it)
        </Text>
        {preview.error ? (
          <Text size="sm">{describeError(preview.error)}</Text>
        ) : (
          <div
            className="console-markdown"
            role="region"
            aria-labelledby={previewTitle}
            aria-live="polite"
            // Sanitized by the server, as delivery's HTML fields are.
            dangerouslySetInnerHTML={{ __html: preview.data?.previewMarkdown ?? '' }}
          />
        )}
      </div>
    </div>
  );
}
