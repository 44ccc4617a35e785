import { Alert, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../api/errors';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';

const PublishChanges = graphql(`
  mutation PublishChanges($input: PublishInput!) {
    publish(input: $input) {
      id
    }
  }
`);

/** A draft saved on this page, as `publish` takes it. */
export interface SavedChange {
  what: string;
  type: ContentType;
  id: string;
  version: number;
}

interface Props {
  changes: SavedChange[];
  canPublish: { allowed: boolean; reason?: string | null };
  onPublished: (published: SavedChange[]) => void;
}

/** The drafts saved on this page; the chosen ones go live together, as one changeset. */
export function ChangesPanel({ changes, canPublish, onPublished }: Props) {
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [publishing, publish] = useMutation(PublishChanges);
  const [done, setDone] = useState<string | null>(null);
  const selected = changes.filter((change) => !unchecked.has(change.id));

  async function publishSelected() {
    setDone(null);
    const result = await publish({
      input: { items: selected.map(({ type, id, version }) => ({ type, id, version })) },
    });
    if (result.error) return;
    setDone(`Published ${selected.length} change${selected.length === 1 ? '' : 's'}.`);
    onPublished(selected);
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" className="console-panel">
      <Title order={2} id="changes-title">
        Changes to publish
      </Title>
      {changes.length === 0 && <Text size="sm">No unpublished change saved on this page.</Text>}
      {changes.map((change) => (
        <Checkbox
          key={change.id}
          label={change.what}
          checked={!unchecked.has(change.id)}
          onChange={(e) => {
            const next = new Set(unchecked);
            if (e.currentTarget.checked) next.delete(change.id);
            else next.add(change.id);
            setUnchecked(next);
          }}
        />
      ))}
      {publishing.error && (
        <Alert color="red" role="alert">
          {describeError(publishing.error)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {changes.length > 0 && (
        <Button
          onClick={publishSelected}
          loading={publishing.fetching}
          disabled={!canPublish.allowed || selected.length === 0}
          maw={320}
        >
          Publish selected ({selected.length})
        </Button>
      )}
      {!canPublish.allowed && <Text size="xs">{canPublish.reason}</Text>}
    </Stack>
  );
}
