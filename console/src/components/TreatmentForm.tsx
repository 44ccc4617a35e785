import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { describeError, problemsOf } from '../api/errors';
import { FormActions } from '../forms/FormActions';
import { loadLatest, sameValue, type Values } from '../forms/conflict';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
import type { UpdateTreatmentInput } from '../gql/graphql';
import { MarkdownField } from './MarkdownField';

const UpdateTreatment = graphql(`
  mutation UpdateBrandTreatment($input: UpdateTreatmentInput!) {
    updateTreatment(input: $input) {
      id
      version
    }
  }
`);

interface Range {
  min: number | null;
  max: number | null;
}
interface Section {
  key: string;
  heading: string;
  body: string;
}

/** The key figures of a treatment, with the words an editor reads. */
const FACTS = [
  { key: 'durationMinutes', label: 'Session length (minutes)' },
  { key: 'recoveryDays', label: 'Downtime (days)' },
  { key: 'sessions', label: 'Sessions usually needed' },
  { key: 'sessionIntervalWeeks', label: 'Weeks between sessions' },
  { key: 'maintenancePerYear', label: 'Maintenance sessions per year' },
] as const;
type FactKey = (typeof FACTS)[number]['key'];

interface TreatmentValues extends Values {
  name: string;
  aliases: string[];
  summary: string;
  sections: Section[];
  facts: Record<FactKey, Range | null>;
  aftercare: string[];
  contraindications: string[];
  combinesWith: string[];
  disclaimer: string;
}

const FIELDS: { key: keyof TreatmentValues & string; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'aliases', label: 'Other names' },
  { key: 'summary', label: 'Summary' },
  { key: 'sections', label: 'Sections' },
  { key: 'facts', label: 'Key figures' },
  { key: 'aftercare', label: 'Aftercare' },
  { key: 'contraindications', label: 'Contraindications' },
  { key: 'combinesWith', label: 'Combines well with' },
  { key: 'disclaimer', label: 'Disclaimer' },
];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const range = (value: unknown): Range | null =>
  value && typeof value === 'object' && 'min' in value && 'max' in value
    ? { min: Number(value.min), max: Number(value.max) }
    : null;

/** The treatment's working copy (`EditableItem.values`) as the form holds it. */
function asValues(values: Record<string, unknown>): TreatmentValues {
  const facts = (values.facts ?? {}) as Record<string, unknown>;
  return {
    name: text(values.name),
    aliases: list(values.aliases),
    summary: text(values.summary),
    sections: Array.isArray(values.sections)
      ? (values.sections as Record<string, unknown>[]).map((section) => ({
          key: text(section.key),
          heading: text(section.heading),
          body: text(section.body),
        }))
      : [],
    facts: Object.fromEntries(FACTS.map(({ key }) => [key, range(facts[key])])) as Record<
      FactKey,
      Range | null
    >,
    aftercare: list(values.aftercare),
    contraindications: list(values.contraindications),
    combinesWith: list(values.combinesWith),
    disclaimer: text(values.disclaimer),
  };
}

const lines = (values: string[]) => values.map((line) => line.trim()).filter(Boolean);

/** A key figure half filled in: said before anything is sent. */
function factProblem(value: Range | null): string | null {
  if (!value || (value.min === null && value.max === null)) return null;
  if (value.min === null || value.max === null) return 'Give both the lowest and the highest.';
  if (value.min > value.max) return 'The lowest must not be above the highest.';
  return null;
}

/**
 * Only the fields the editor changed (fields left out keep their value), so
 * "Save mine on top of theirs" re-applies the editor's changes and nothing
 * else. Lists drop blank lines; a key figure left empty is cleared.
 */
function changesOf(values: TreatmentValues, base: TreatmentValues) {
  const input: Omit<UpdateTreatmentInput, 'id' | 'version'> = {};
  const changed = (key: keyof TreatmentValues) => !sameValue(values[key], base[key]);
  if (changed('name')) input.name = values.name;
  if (changed('aliases')) input.aliases = lines(values.aliases);
  if (changed('summary')) input.summary = values.summary;
  if (changed('sections')) input.sections = values.sections;
  if (changed('facts')) {
    input.facts = Object.fromEntries(
      FACTS.map(({ key }) => {
        const fact = values.facts[key];
        return [
          key,
          fact && fact.min !== null && fact.max !== null ? { min: fact.min, max: fact.max } : null,
        ];
      }),
    );
  }
  if (changed('aftercare')) input.aftercare = lines(values.aftercare);
  if (changed('contraindications')) input.contraindications = lines(values.contraindications);
  if (changed('combinesWith')) input.combinesWith = values.combinesWith;
  // Markdown; an empty disclaimer clears it.
  if (changed('disclaimer')) input.disclaimer = values.disclaimer || null;
  return input;
}

/** How a value reads on the conflict screen. */
function show(key: string, value: unknown): string {
  if (key === 'sections' && Array.isArray(value)) {
    return (value as Section[])
      .map((section) => `${section.heading}\n${section.body}`)
      .join('\n\n');
  }
  if (key === 'facts' && value && typeof value === 'object') {
    const facts = value as Record<string, Range | null>;
    return FACTS.map(({ key: fact, label }) => {
      const r = facts[fact];
      return `${label}: ${r && r.min !== null ? `${r.min}–${r.max}` : '—'}`;
    }).join('\n');
  }
  if (Array.isArray(value)) return value.length ? value.join('\n') : '(empty)';
  if (typeof value === 'string') return value || '(empty)';
  return value === null || value === undefined ? '(empty)' : JSON.stringify(value);
}

interface Props {
  treatment: { id: string; version: number; values: Record<string, unknown> };
  /** The brand's other treatments, which this one may combine with (by slug). */
  others: { slug: string; name: string }[];
  onSaved: () => void;
  onClose: () => void;
}

/**
 * The brand's own treatment page, every field of `updateTreatment`: name,
 * other names, summary, ordered sections (Markdown with the live preview),
 * key figures, aftercare, contraindications, combinations and disclaimer.
 * A save is a draft on the version the editor opened (conflict screen on
 * CONFLICT).
 */
export function TreatmentForm({ treatment, others, onSaved, onClose }: Props) {
  const client = useClient();
  const [, updateTreatment] = useMutation(UpdateTreatment);
  const [localProblem, setLocalProblem] = useState<Record<string, string>>({});
  const form = useVersionedForm<TreatmentValues>({
    version: treatment.version,
    values: asValues(treatment.values),
    async save(values, version) {
      const result = await updateTreatment({
        input: { id: treatment.id, version: version ?? 0, ...changesOf(values, form.base.values) },
      });
      if (result.error) return { error: result.error };
      onSaved();
      return { version: result.data!.updateTreatment.version };
    },
    async loadLatest() {
      const latest = await loadLatest(client, 'TREATMENT', treatment.id);
      return { ...latest, values: asValues(latest.values) };
    },
  });
  const problems = form.error ? problemsOf(form.error) : [];
  const problem = (path: string) =>
    localProblem[path] ??
    problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
  const { values } = form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = Object.fromEntries(
      FACTS.map(({ key }) => [`facts.${key}`, factProblem(values.facts[key])]).filter(
        ([, message]) => message,
      ),
    ) as Record<string, string>;
    setLocalProblem(refused);
    if (Object.keys(refused).length > 0) return;
    if (await form.submit()) onClose();
  }

  const setSections = (sections: Section[]) => form.set('sections', sections);
  const setSection = (index: number, change: Partial<Section>) =>
    setSections(values.sections.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const moveSection = (index: number, by: -1 | 1) => {
    const next = [...values.sections];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setSections(next);
  };
  const setFact = (key: FactKey, end: 'min' | 'max', raw: string) => {
    const current = values.facts[key] ?? { min: null, max: null };
    const number = raw === '' ? null : Number(raw);
    form.set('facts', { ...values.facts, [key]: { ...current, [end]: number } });
  };

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label={`Edit the brand’s ${text(treatment.values.name)}`}
      className="console-panel"
    >
      <Title order={2}>The brand’s page</Title>
      <TextInput
        label="Name"
        value={values.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={problem('name')}
        required
      />
      <LinesField
        label="Other names people search for (one a line)"
        minRows={2}
        value={values.aliases}
        onChange={(next) => form.set('aliases', next)}
        error={problem('aliases')}
      />
      <MarkdownField
        label="Summary (Markdown)"
        clinicId={null}
        value={values.summary}
        onChange={(next) => form.set('summary', next)}
        error={problem('summary')}
      />

      <Fieldset legend="Sections, in page order">
        <Stack>
          {values.sections.map((section, index) => (
            // Index keys: a section's own key is editable, so it cannot name the row.
            // oxlint-disable-next-line react/no-array-index-key
            <Stack key={index} gap="xs" className="console-panel">
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={`Section ${index + 1} heading`}
                  value={section.heading}
                  onChange={(e) => setSection(index, { heading: e.currentTarget.value })}
                  error={problem(`sections.${index}.heading`)}
                  required
                />
                <TextInput
                  label={`Section ${index + 1} key`}
                  description="Stable, e.g. how-it-works"
                  value={section.key}
                  onChange={(e) => setSection(index, { key: e.currentTarget.value })}
                  error={problem(`sections.${index}.key`)}
                  required
                />
              </Group>
              <MarkdownField
                label={`Section ${index + 1} body (Markdown)`}
                clinicId={null}
                value={section.body}
                onChange={(body) => setSection(index, { body })}
                error={problem(`sections.${index}.body`)}
              />
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  disabled={index === 0}
                  onClick={() => moveSection(index, -1)}
                >
                  Move “{section.heading || `section ${index + 1}`}” up
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={index === values.sections.length - 1}
                  onClick={() => moveSection(index, 1)}
                >
                  Move “{section.heading || `section ${index + 1}`}” down
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  onClick={() => setSections(values.sections.filter((_, i) => i !== index))}
                >
                  Remove “{section.heading || `section ${index + 1}`}”
                </Button>
              </Group>
            </Stack>
          ))}
          {problem('sections') && !values.sections.length && (
            <Text size="sm" c="red.8">
              {problem('sections')}
            </Text>
          )}
          <Button
            variant="default"
            maw={240}
            onClick={() => setSections([...values.sections, { key: '', heading: '', body: '' }])}
          >
            Add a section
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend="Key figures (lowest and highest; leave both empty for none)">
        <Stack gap="xs">
          {FACTS.map(({ key, label }) => (
            <Group key={key} align="flex-start" wrap="wrap">
              <TextInput
                type="number"
                min={0}
                label={`${label}: lowest`}
                value={values.facts[key]?.min ?? ''}
                onChange={(e) => setFact(key, 'min', e.currentTarget.value)}
                error={problem(`facts.${key}`)}
              />
              <TextInput
                type="number"
                min={0}
                label={`${label}: highest`}
                value={values.facts[key]?.max ?? ''}
                onChange={(e) => setFact(key, 'max', e.currentTarget.value)}
              />
            </Group>
          ))}
        </Stack>
      </Fieldset>

      <LinesField
        label="Aftercare (one instruction a line)"
        minRows={3}
        value={values.aftercare}
        onChange={(next) => form.set('aftercare', next)}
        error={problem('aftercare')}
      />
      <LinesField
        label="Contraindications (one a line)"
        minRows={3}
        value={values.contraindications}
        onChange={(next) => form.set('contraindications', next)}
        error={problem('contraindications')}
      />
      <Checkbox.Group
        label="Combines well with"
        value={values.combinesWith}
        onChange={(slugs) => form.set('combinesWith', slugs)}
        error={problem('combinesWith')}
      >
        <Group mt="xs">
          {others.length === 0 && <Text size="sm">The brand has no other treatment.</Text>}
          {others.map((other) => (
            <Checkbox key={other.slug} value={other.slug} label={other.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <MarkdownField
        label="Disclaimer (Markdown)"
        clinicId={null}
        value={values.disclaimer}
        onChange={(next) => form.set('disclaimer', next)}
        error={problem('disclaimer')}
      />

      {form.error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {describeError(form.error)}
        </Alert>
      )}
      <FormActions form={form} fields={FIELDS} onClose={onClose} show={show} />
    </Stack>
  );
}

/** A list of short texts edited one a line (blank lines are dropped when saved). */
function LinesField(props: {
  label: string;
  minRows: number;
  value: string[];
  onChange: (lines: string[]) => void;
  error?: string;
}) {
  return (
    <Textarea
      label={props.label}
      autosize
      minRows={props.minRows}
      value={props.value.join('\n')}
      onChange={(e) => props.onChange(e.currentTarget.value.split('\n'))}
      error={props.error}
    />
  );
}
