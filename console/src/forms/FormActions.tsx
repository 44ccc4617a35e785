import { Button, Group } from '@mantine/core';
import { type ConflictField, ConflictPanel } from './ConflictPanel';
import type { Values } from './conflict';
import { mayClose } from './unsaved-guard';
import type { VersionedForm } from './use-versioned-form';

interface Props<V extends Values> {
  form: VersionedForm<V>;
  /** The fields the conflict screen compares, with their labels. */
  fields: ConflictField[];
  onClose: () => void;
  /** The submit button's words (default "Save draft"). */
  submitLabel?: string;
  /** After "re-apply mine": by default the form closes once it is saved. */
  onReapplied?: (saved: boolean) => void;
  /** How a value reads on the conflict screen (default: as text). */
  show?: (key: string, value: unknown) => string;
}

/**
 * The foot of every versioned form: Save and Close (Close asks first when
 * there are unsaved changes), or, once a save met CONFLICT, the conflict
 * screen in their place.
 */
export function FormActions<V extends Values>(props: Props<V>) {
  const { form, onClose } = props;
  if (form.conflict) {
    const onReapplied = props.onReapplied ?? ((saved: boolean) => saved && onClose());
    return (
      <ConflictPanel
        fields={props.fields}
        base={form.base.values}
        mine={form.values}
        latest={form.conflict}
        busy={form.saving}
        onReapply={async () => onReapplied(await form.reapply())}
        onTakeTheirs={form.takeTheirs}
        show={props.show}
      />
    );
  }
  return (
    <Group>
      <Button type="submit" loading={form.saving}>
        {props.submitLabel ?? 'Save draft'}
      </Button>
      <Button variant="subtle" onClick={() => mayClose(form.dirty) && onClose()}>
        Close
      </Button>
    </Group>
  );
}
