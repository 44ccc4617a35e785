import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { positionsAfterMove } from '../api/positions';
import { ChangesPanel } from '../components/ChangesPanel';
import { FaqForm } from '../components/FaqForm';
import { HistoryLink } from '../components/HistoryLink';
import { mayLeave } from '../forms/unsaved-guard';
import { graphql } from '../gql';
import { NotFoundPage } from './NotFoundPage';

const ClinicFaqs = graphql(`
  query ClinicFaqs($brand: String!, $slug: String!) {
    clinic(brand: $brand, slug: $slug, preview: true) {
      id
      itemId
      slug
      name
      timezone
      viewerCan {
        edit {
          allowed
          reason
        }
        publish {
          allowed
          reason
        }
      }
      treatments {
        id
        itemId
        name
      }
      region {
        id
        name
      }
      hiddenFaqs {
        faq {
          id
          itemId
          question
        }
        hiddenBy
        viewerCan {
          show {
            allowed
            reason
          }
        }
      }
      faqs {
        id
        itemId
        scope
        question
        editable {
          id
          version
          values
          viewerCan {
            edit {
              allowed
              reason
            }
          }
        }
      }
    }
  }
`);

const FaqOverrides = graphql(`
  query FaqOverrides($clinicId: ID!) {
    overrides(clinicId: $clinicId, entityType: FAQ) {
      id
      version
      values
    }
  }
`);

const HideFaq = graphql(`
  mutation HideFaq($input: HideFaqInput!) {
    hideFaq(input: $input) {
      outcome
    }
  }
`);

const ShowFaq = graphql(`
  mutation ShowFaq($input: ShowFaqInput!) {
    showFaq(input: $input) {
      outcome
    }
  }
`);

const ReorderFaqs = graphql(`
  mutation ReorderFaqs($input: ReorderFaqsInput!) {
    reorderFaqs(input: $input) {
      faqId
      position
    }
  }
`);

interface Row {
  itemId: string;
  scope: 'BRAND' | 'CLINIC';
  question: string;
  /** Its place in the clinic's list (the clinic's override, else its own). */
  position: number;
  /** The version a reorder sends: the FAQ's (own FAQ) or the position override's (brand FAQ). */
  version: number | undefined;
  editable: {
    id: string;
    version: number;
    values: Record<string, unknown>;
    viewerCan: { edit: { allowed: boolean; reason?: string | null } };
  } | null;
}

/** The FAQ list as a clinic shows it: hide and show brand FAQs, add and edit its own, reorder. */
export default function FaqsPage(props: { brand: string; slug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ClinicFaqs,
    variables: props,
    requestPolicy: 'cache-and-network',
  });
  const clinic = data?.clinic;
  const [overrides, refetchOverrides] = useQuery({
    query: FaqOverrides,
    variables: { clinicId: clinic?.itemId ?? '' },
    pause: !clinic,
    requestPolicy: 'network-only',
  });
  const [hiding, hideFaq] = useMutation(HideFaq);
  const [showing, showFaq] = useMutation(ShowFaq);
  const [reordering, reorderFaqs] = useMutation(ReorderFaqs);
  // The FAQ being edited (its id), 'new' for a new one, or none.
  const [editing, setEditing] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [moved, setMoved] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reload = () => {
    setRevision((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
    refetchOverrides({ requestPolicy: 'network-only' });
  };

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the FAQs" />;
  if (!clinic || !clinic.viewerCan.edit.allowed) return <NotFoundPage what="This clinic’s FAQs" />;

  const placeOverrides = overrides.data?.overrides ?? [];
  const overrideOf = (faqId: string, field: string) =>
    placeOverrides.find((o) => o.values.entityId === faqId && o.values.field === field);
  const rows: Row[] = clinic.faqs.map((faq) => {
    const positionOverride = overrideOf(faq.itemId, 'position');
    const own = faq.editable?.values.position;
    return {
      itemId: faq.itemId,
      scope: faq.scope,
      question: faq.question,
      position:
        typeof positionOverride?.values.value === 'number'
          ? positionOverride.values.value
          : typeof own === 'number'
            ? own
            : 0,
      version: faq.scope === 'CLINIC' ? faq.editable?.version : positionOverride?.version,
      editable: faq.editable ?? null,
    };
  });
  // The API says which brand FAQs the list leaves out and who hid each.
  const hidden = clinic.hiddenFaqs ?? [];
  const regionName = clinic.region ? `the ${clinic.region.name} region` : 'the region';
  const canEdit = clinic.viewerCan.edit;
  const busy = hiding.fetching || showing.fetching || reordering.fetching || !overrides.data;
  const actionError = hiding.error ?? showing.error ?? reordering.error;

  async function hide(faqId: string) {
    const existing = overrideOf(faqId, 'hidden');
    const result = await hideFaq({
      input: {
        faqId,
        scope: 'CLINIC',
        clinicId: clinic!.itemId,
        ...(existing ? { version: existing.version } : {}),
      },
    });
    if (!result.error) reload();
  }

  async function show(faqId: string) {
    const existing = overrideOf(faqId, 'hidden');
    const result = await showFaq({
      input: {
        faqId,
        scope: 'CLINIC',
        clinicId: clinic!.itemId,
        ...(existing ? { version: existing.version } : {}),
      },
    });
    if (!result.error) reload();
  }

  async function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((row) => row.itemId === active.id);
    const to = rows.findIndex((row) => row.itemId === over.id);
    const ordered = arrayMove(rows, from, to);
    const changes = positionsAfterMove(
      ordered.map((row) => ({ id: row.itemId, position: row.position })),
      String(active.id),
    );
    const versionOf = (id: string) => rows.find((row) => row.itemId === id)?.version;
    const result = await reorderFaqs({
      input: {
        clinicId: clinic!.itemId,
        items: changes.map((change) => ({
          ...change,
          ...(versionOf(change.id) === undefined ? {} : { version: versionOf(change.id) }),
        })),
      },
    });
    if (!result.error) {
      setMoved(rows[from].question);
      reload();
    }
  }

  const edited = rows.find((row) => row.itemId === editing)?.editable ?? null;
  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href={`/clinics/${clinic.slug}`} size="sm">
        ← {clinic.name}
      </Anchor>
      <Title order={1}>FAQs at {clinic.name}</Title>
      <Text>
        The list as this clinic shows it, in order. Brand FAQs can be hidden here; this clinic’s own
        FAQs can be edited. Drag a row by its handle to move it, or focus the handle and press
        Space, the arrow keys, then Space again.
      </Text>
      {!canEdit.allowed && <Text size="sm">{canEdit.reason}</Text>}
      {actionError && (
        <Alert color="red" role="alert">
          {describeError(actionError)}
        </Alert>
      )}
      {moved && (
        <Alert color="blue" role="status">
          Moved “{moved}” (a draft until published).
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: {
            draggable:
              'To move this FAQ, press Space, then the up and down arrow keys; Space again puts it there, Escape cancels.',
          },
          announcements: announcementsFor(rows),
        }}
      >
        <SortableContext
          items={rows.map((row) => row.itemId)}
          strategy={verticalListSortingStrategy}
        >
          <ol aria-label="FAQs in the order shown" className="console-faq-list">
            {rows.map((row) => (
              <SortableFaq
                key={row.itemId}
                row={row}
                clinicSlug={clinic.slug}
                canEdit={canEdit.allowed && !busy}
                onHide={() => hide(row.itemId)}
                onEdit={() => mayLeave() && setEditing(row.itemId)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <Group>
        <Button
          variant="default"
          disabled={!canEdit.allowed}
          onClick={() => mayLeave() && setEditing('new')}
        >
          Add a FAQ
        </Button>
      </Group>
      {editing && (
        <FaqForm
          key={editing}
          clinicId={clinic.itemId}
          treatments={clinic.treatments}
          faq={editing === 'new' ? null : edited}
          onSaved={reload}
          onClose={() => setEditing(null)}
        />
      )}
      <Stack component="section" aria-labelledby="hidden-faqs-title" gap="xs">
        <Title order={2} id="hidden-faqs-title" size="h3">
          Brand FAQs hidden here
        </Title>
        {hidden.length === 0 && <Text size="sm">None.</Text>}
        <ul aria-label="Brand FAQs hidden here" className="console-plain-list">
          {hidden.map(({ faq, hiddenBy, viewerCan }) => (
            <li key={faq.itemId} data-hidden-faq={faq.question}>
              <Stack gap={4}>
                <Group gap="sm">
                  <Text size="sm" fw={600}>
                    {faq.question}
                  </Text>
                  <Badge variant="outline" color={hiddenBy === 'REGION' ? 'grape.9' : 'gray.8'}>
                    {hiddenBy === 'REGION' ? 'Hidden by the region' : 'Hidden by this clinic'}
                  </Badge>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!viewerCan.show.allowed || busy}
                    title={viewerCan.show.reason ?? undefined}
                    onClick={() => show(faq.itemId)}
                  >
                    Show “{faq.question}” here again
                  </Button>
                </Group>
                <Text size="sm">
                  {hiddenBy === 'REGION'
                    ? `Hidden for every clinic of ${regionName}. ` +
                      (viewerCan.show.allowed
                        ? 'Showing it here overrides the region for this clinic only.'
                        : `You may not show it here: ${viewerCan.show.reason ?? 'the API refuses it'}.`)
                    : viewerCan.show.allowed
                      ? 'Hidden here by this clinic.'
                      : `Hidden here by this clinic. You may not show it again: ${viewerCan.show.reason ?? 'the API refuses it'}.`}
                </Text>
              </Stack>
            </li>
          ))}
        </ul>
      </Stack>
      <ChangesPanel
        clinicId={clinic.itemId}
        timezones={[clinic.timezone]}
        revision={revision}
        onPublished={reload}
      />
    </Stack>
  );
}

/** What a screen reader hears while a FAQ moves: its question and its place, in words. */
function announcementsFor(rows: Row[]): Announcements {
  const question = (id: UniqueIdentifier) =>
    rows.find((row) => row.itemId === id)?.question ?? 'The FAQ';
  const place = (id: UniqueIdentifier | undefined) =>
    `place ${rows.findIndex((row) => row.itemId === id) + 1} of ${rows.length}`;
  return {
    onDragStart: ({ active }) => `Picked up “${question(active.id)}” at ${place(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `“${question(active.id)}” is now at ${place(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `“${question(active.id)}” put at ${place(over.id)}.` : undefined,
    onDragCancel: ({ active }) => `Moving “${question(active.id)}” was cancelled.`,
  };
}

function SortableFaq(props: {
  row: Row;
  clinicSlug: string;
  canEdit: boolean;
  onHide: () => void;
  onEdit: () => void;
}) {
  const { row } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    useSortable({ id: row.itemId, disabled: !props.canEdit });
  // Set through the DOM (CSSOM), which the console's CSP allows.
  const style = { transform: CSS.Transform.toString(transform), transition };
  const own = row.scope === 'CLINIC';
  return (
    <li ref={setNodeRef} style={style} className="console-faq-row" data-faq={row.question}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="console-drag-handle"
          aria-label={`Move “${row.question}”`}
          disabled={!props.canEdit}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <Stack gap={4} className="console-grow">
          <Text fw={600}>{row.question}</Text>
          <Group gap="xs">
            <Badge variant={own ? 'filled' : 'outline'} color={own ? 'teal.9' : 'gray.8'}>
              {own ? 'This clinic' : 'Brand'}
            </Badge>
            {own ? (
              <Button
                size="compact-xs"
                variant="default"
                disabled={!row.editable?.viewerCan.edit.allowed}
                title={row.editable?.viewerCan.edit.reason ?? undefined}
                onClick={props.onEdit}
              >
                Edit “{row.question}”
              </Button>
            ) : (
              <Button
                size="compact-xs"
                variant="default"
                disabled={!props.canEdit}
                onClick={props.onHide}
              >
                Hide “{row.question}” here
              </Button>
            )}
            {row.editable && (
              <HistoryLink
                clinic={props.clinicSlug}
                type="FAQ"
                id={row.itemId}
                what={row.question}
              />
            )}
          </Group>
        </Stack>
      </Group>
    </li>
  );
}
