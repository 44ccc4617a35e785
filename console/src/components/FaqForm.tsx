import { Alert, Checkbox, Group, Stack, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { describeError, problemsOf } from '../api/errors';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
import { MarkdownField } from './MarkdownField';

const CreateFaq = graphql(`
  mutation CreateClinicFaq($input: CreateFaqInput!) {
    createFaq(input: $input) {
      id
      version
    }
  }
`);

const UpdateFaq = graphql(`
  mutation UpdateClinicFaq($input: UpdateFaqInput!) {
    updateFaq(input: $input) {
      id
      version
    }
  }
`);

interface FaqValues extends Record<string, unknown> {
  question: string;
  answer: string;
  treatmentIds: string[];
}

interface Props {
  /** A clinic's own FAQ; null for a brand FAQ (shown at every clinic). */
  clinicId: string | null;
  /** The treatments a FAQ may be about (the clinic's; the brand's). */
  treatments: { itemId: string; name: string }[];
  /** The treatments a new FAQ is about at first (default: all of `treatments`). */
  initialTreatmentIds?: string[];
  /** The FAQ to edit (its editable twin), or none for a new one. */
  faq: { id: string; version: number; values: Record<string, unknown> } | null;
  onSaved: () => void;
  onClose: () => void;
}

const asValues = (values: Record<string, unknown>): FaqValues => ({
  question: typeof values.question === 'string' ? values.question : '',
  answer: typeof values.answer === 'string' ? values.answer : '',
  treatmentIds: Array.isArray(values.treatmentIds) ? values.treatmentIds.map(String) : [],
});

/**
 * A clinic's own FAQ or a brand FAQ, new or edited: the question, the answer in Markdown
 * with the live preview, and the treatments it is about. An edit carries the
 * version the editor opened (conflict screen on CONFLICT).
 */
export function FaqForm(props: Props) {
  const { clinicId, treatments, faq, onSaved, onClose } = props;
  const client = useClient();
  const [, createFaq] = useMutation(CreateFaq);
  const [, updateFaq] = useMutation(UpdateFaq);
  const form = useVersionedForm<FaqValues>({
    version: faq?.version ?? null,
    values: faq
      ? asValues(faq.values)
      : {
          question: '',
          answer: '',
          treatmentIds: props.initialTreatmentIds ?? treatments.map((t) => t.itemId),
        },
    async save(values, version) {
      if (!faq) {
        // No clinicId: a brand-wide FAQ.
        const result = await createFaq({ input: { ...(clinicId ? { clinicId } : {}), ...values } });
        if (result.error) return { error: result.error };
        onSaved();
        return { version: result.data!.createFaq.version };
      }
      const result = await updateFaq({ input: { id: faq.id, version: version ?? 0, ...values } });
      if (result.error) return { error: result.error };
      onSaved();
      return { version: result.data!.updateFaq.version };
    },
    async loadLatest() {
      const latest = await loadLatest(client, 'FAQ', faq!.id);
      return { ...latest, values: asValues(latest.values) };
    },
  });
  const problems = form.error ? problemsOf(form.error) : [];
  const problem = (field: string) => problems.find((p) => p.path === field)?.message;
  const title = faq
    ? `Edit FAQ “${asValues(faq.values).question}”`
    : clinicId
      ? 'New FAQ at this clinic'
      : 'New brand FAQ';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.submit()) onClose();
  }

  return (
    <Stack component="form" onSubmit={submit} aria-label={title} className="console-panel">
      <Title order={2}>{title}</Title>
      <TextInput
        label="Question"
        value={form.values.question}
        onChange={(e) => form.set('question', e.currentTarget.value)}
        error={problem('question')}
        required
      />
      <MarkdownField
        label="Answer (Markdown)"
        clinicId={clinicId}
        value={form.values.answer}
        onChange={(text) => form.set('answer', text)}
        error={problem('answer')}
      />
      <Checkbox.Group
        label="About these treatments"
        value={form.values.treatmentIds}
        onChange={(ids) => form.set('treatmentIds', ids)}
        error={problem('treatmentIds')}
      >
        <Group mt="xs">
          {treatments.map((treatment) => (
            <Checkbox key={treatment.itemId} value={treatment.itemId} label={treatment.name} />
          ))}
        </Group>
      </Checkbox.Group>
      {form.error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {describeError(form.error)}
        </Alert>
      )}
      <FormActions
        form={form}
        fields={[
          { key: 'question', label: 'Question' },
          { key: 'answer', label: 'Answer' },
          { key: 'treatmentIds', label: 'Treatments' },
        ]}
        onClose={onClose}
        submitLabel={faq ? 'Save draft' : 'Add FAQ (draft)'}
      />
    </Stack>
  );
}
