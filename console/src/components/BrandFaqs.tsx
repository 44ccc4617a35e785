import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { mayLeave } from '../forms/unsaved-guard';
import { FaqForm } from './FaqForm';

export interface BrandFaq {
  itemId: string;
  question: string;
  editable: {
    id: string;
    version: number;
    values: Record<string, unknown>;
    hasDraft: boolean;
    viewerCan: { edit: { allowed: boolean; reason?: string | null } };
  } | null;
}

interface Props {
  treatment: { itemId: string; name: string };
  /** The brand's FAQs about the treatment (its working copy), in list order. */
  faqs: BrandFaq[];
  /** The brand's treatments a FAQ may be about. */
  treatments: { itemId: string; name: string }[];
  /** May the caller add brand FAQs (Brand.viewerCanEditContent). */
  mayAdd: { allowed: boolean; reason?: string | null };
  onSaved: () => void;
}

/**
 * The brand's FAQs about one treatment, shown at every clinic that offers
 * it (unless a region or clinic hides or rewrites one): edit one, or add a
 * brand FAQ (`createFaq` without a clinic), each a draft.
 */
export function BrandFaqs({ treatment, faqs, treatments, mayAdd, onSaved }: Props) {
  // The FAQ being edited: its itemId, 'new', or none.
  const [editing, setEditing] = useState<string | null>(null);
  const open = (id: string) => mayLeave() && setEditing(id);
  const edited = faqs.find((faq) => faq.itemId === editing);
  return (
    <Stack component="section" aria-labelledby="brand-faqs-title" className="console-panel">
      <Title order={2} id="brand-faqs-title">
        Brand FAQs about {treatment.name}
      </Title>
      {faqs.length === 0 && <Text size="sm">No brand FAQ is about this treatment yet.</Text>}
      <ul aria-label="Brand FAQs" className="console-plain-list">
        {faqs.map((faq) => (
          <li key={faq.itemId}>
            <Group gap="sm" justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text size="sm">{faq.question}</Text>
                {faq.editable?.hasDraft && (
                  <Badge color="blue" variant="light">
                    Draft
                  </Badge>
                )}
              </Group>
              <Button
                size="xs"
                variant="default"
                disabled={!faq.editable?.viewerCan.edit.allowed}
                title={faq.editable?.viewerCan.edit.reason ?? undefined}
                onClick={() => open(faq.itemId)}
              >
                Edit “{faq.question}”
              </Button>
            </Group>
          </li>
        ))}
      </ul>
      <Button
        variant="default"
        maw={240}
        disabled={!mayAdd.allowed}
        title={mayAdd.reason ?? undefined}
        onClick={() => open('new')}
      >
        Add a brand FAQ
      </Button>
      {editing && (
        <FaqForm
          key={editing}
          clinicId={null}
          treatments={treatments}
          initialTreatmentIds={[treatment.itemId]}
          faq={edited?.editable ?? null}
          onSaved={onSaved}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
