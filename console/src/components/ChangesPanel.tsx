import { Alert, Button, Checkbox, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { describeItem } from '../api/item-names';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';
import { SchedulePublish } from './SchedulePublish';
import { showValue } from './ValueDiff';

const EditableDrafts = graphql(`
  query EditableDrafts {
    editableDrafts {
      type
      id
      version
      values
      clinicIds
      publishedValues
      publishedAt
      viewerCan {
        publish {
          allowed
          reason
        }
      }
    }
  }
`);

/** Names of the editor's places, to say where each draft is and group the tray by place. */
export interface PlaceNames {
  clinics: Map<string, string>;
  regions: Map<string, string>;
}

interface Place {
  key: string;
  title: string;
}

/**
 * Where a draft is: its clinic (or clinics, for a provider), its region (a
 * region's own override, the region itself), else the brand.
 */
function placeOf(
  draft: { type: ContentType; id: string; clinicIds: string[]; values: Record<string, unknown> },
  names: PlaceNames,
): Place {
  if (draft.clinicIds.length > 0) {
    const clinics = draft.clinicIds.map((id) => names.clinics.get(id) ?? 'A clinic');
    return { key: `clinic:${[...draft.clinicIds].sort().join(',')}`, title: clinics.join(', ') };
  }
  const regionId =
    draft.type === 'REGION'
      ? draft.id
      : typeof draft.values.regionId === 'string'
        ? draft.values.regionId
        : null;
  if (regionId) {
    return {
      key: `region:${regionId}`,
      title: `Region ${names.regions.get(regionId) ?? ''}`.trim(),
    };
  }
  return { key: 'brand', title: 'The brand (every clinic)' };
}

/**
 * Fields the working copy changes against what is live: the draft's preview.
 * A never-published item shows its content as new; where it sits (ids, an
 * override's scope and target) and an override's baseValue (what the brand
 * said when it was written) are bookkeeping, not content. An override's value
 * is named by its field.
 */
function changedFields(draft: {
  type: ContentType;
  values: Record<string, unknown>;
  publishedValues: Record<string, unknown>;
  publishedAt?: string | null;
}): { field: string; before: string; after: string }[] {
  const { values, publishedValues: published } = draft;
  const isNew = !draft.publishedAt;
  const bookkeeping = (field: string) =>
    /Ids?$/.test(field) ||
    (draft.type === 'OVERRIDE' && ['scope', 'entityType', 'field', 'baseValue'].includes(field));
  return Object.keys(values)
    .filter((field) => !bookkeeping(field))
    .filter((field) => isNew || JSON.stringify(values[field]) !== JSON.stringify(published[field]))
    .map((field) => ({
      field: draft.type === 'OVERRIDE' && field === 'value' ? String(values.field) : field,
      before: isNew ? 'nothing yet (new)' : showValue(published[field]),
      after: showValue(values[field]),
    }));
}

const PublishChanges = graphql(`
  mutation PublishChanges($input: PublishInput!) {
    publish(input: $input) {
      id
    }
  }
`);

interface Props {
  /** Only the drafts at this clinic (its itemId); every place of the editor without it. */
  clinicId?: string;
  /** The editor's places by itemId: each draft names its clinic, and the tray is grouped by place. */
  places?: PlaceNames;
  /** Time zones a schedule may be set in (the clinic's; a region's clinics'), the first by default. */
  timezones: string[];
  /** Changes after each save or publish on the page: the list is read again. */
  revision: number;
  onPublished: () => void;
}

/**
 * The changes tray: the unpublished drafts the editor may publish (the API's
 * `editableDrafts`), at one clinic or at all of their places; the checked
 * ones go live together as one changeset, now or at a scheduled time.
 */
export function ChangesPanel({ clinicId, places, timezones, revision, onPublished }: Props) {
  const [{ data, error }, refetch] = useQuery({
    query: EditableDrafts,
    requestPolicy: 'network-only',
  });
  const changes = (data?.editableDrafts ?? [])
    .filter((draft) => !clinicId || draft.clinicIds.includes(clinicId))
    .map((draft) => {
      const where = places
        ? draft.clinicIds.map((id) => places.clinics.get(id)).filter(Boolean)
        : [];
      const what = describeItem(draft.type, draft.values);
      return {
        ...draft,
        what: where.length ? `${what} (${where.join(', ')})` : what,
        place: places ? placeOf(draft, places) : null,
      };
    });
  useEffect(() => {
    if (revision > 0) refetch({ requestPolicy: 'network-only' });
  }, [revision, refetch]);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [publishing, publish] = useMutation(PublishChanges);
  const [done, setDone] = useState<string | null>(null);
  const [timezone, setTimezone] = useState(timezones[0]);
  // Only what the API says this editor may publish can be selected.
  const selected = changes.filter(
    (change) => change.viewerCan.publish.allowed && !unchecked.has(change.id),
  );

  async function publishSelected() {
    setDone(null);
    const result = await publish({
      input: { items: selected.map(({ type, id, version }) => ({ type, id, version })) },
    });
    if (result.error) return;
    setDone(`Published ${selected.length} change${selected.length === 1 ? '' : 's'}.`);
    refetch({ requestPolicy: 'network-only' });
    onPublished();
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" className="console-panel">
      <Title order={2} id="changes-title">
        Changes to publish
      </Title>
      <Text size="sm">
        {clinicId
          ? 'Every unpublished draft at this clinic that you may publish.'
          : 'Every unpublished draft at the places you edit that you may publish.'}
      </Text>
      {error && <Text size="sm">{describeError(error)}</Text>}
      {data && changes.length === 0 && <Text size="sm">Nothing waits to be published.</Text>}
      {groupByPlace(changes).map(({ place, items }) => {
        const rows = items.map((change) => (
          <div key={change.id}>
            <Checkbox
              label={change.what}
              description={change.viewerCan.publish.reason}
              disabled={!change.viewerCan.publish.allowed}
              checked={change.viewerCan.publish.allowed && !unchecked.has(change.id)}
              onChange={(e) => {
                const next = new Set(unchecked);
                if (e.currentTarget.checked) next.delete(change.id);
                else next.add(change.id);
                setUnchecked(next);
              }}
            />
            <DraftPreview draft={change} />
          </div>
        ));
        return place ? (
          <PlaceGroup key={place.key} place={place}>
            {rows}
          </PlaceGroup>
        ) : (
          rows
        );
      })}
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
          disabled={selected.length === 0}
          maw={320}
        >
          Publish selected ({selected.length})
        </Button>
      )}
      {changes.length > 0 && timezones.length > 1 && (
        <NativeSelect
          label="Time zone of a scheduled time"
          value={timezone}
          onChange={(e) => setTimezone(e.currentTarget.value)}
          data={timezones}
          maw={320}
        />
      )}
      {changes.length > 0 && (
        <SchedulePublish
          selected={selected.map(({ type, id, version }) => ({ type, id, version }))}
          drafts={changes}
          timezone={timezone}
        />
      )}
    </Stack>
  );
}

/** Drafts in order, grouped by place (one group of all when the tray is not grouped). */
function groupByPlace<T extends { place: Place | null }>(
  changes: T[],
): { place: Place | null; items: T[] }[] {
  const groups = new Map<string, { place: Place | null; items: T[] }>();
  for (const change of changes) {
    const key = change.place?.key ?? '';
    const group = groups.get(key) ?? { place: change.place, items: [] };
    group.items.push(change);
    groups.set(key, group);
  }
  // The brand first, then regions, then clinics, each by name.
  const rank = (place: Place | null) =>
    !place || place.key === 'brand' ? 0 : place.key.startsWith('region:') ? 1 : 2;
  return [...groups.values()].sort(
    (a, b) =>
      rank(a.place) - rank(b.place) || (a.place?.title ?? '').localeCompare(b.place?.title ?? ''),
  );
}

function PlaceGroup({ place, children }: { place: Place; children: ReactNode }) {
  const id = `changes-place-${place.key.replace(/[^\w-]+/g, '-')}`;
  return (
    <Stack component="section" gap="xs" aria-labelledby={id}>
      <Title order={3} id={id} size="h5">
        {place.title}
      </Title>
      {children}
    </Stack>
  );
}

/** What publishing the draft changes, field by field (a native disclosure: keyboard-ready). */
function DraftPreview({ draft }: { draft: Parameters<typeof changedFields>[0] }) {
  const changes = changedFields(draft);
  if (changes.length === 0) return null;
  return (
    <details className="console-draft-preview">
      <summary>What changes ({changes.map((change) => change.field).join(', ')})</summary>
      <dl>
        {changes.map((change) => (
          <div key={change.field}>
            <dt>{change.field}</dt>
            <dd>
              <span className="console-value">Live: {change.before}</span>
              <br />
              <span className="console-value">After publishing: {change.after}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
