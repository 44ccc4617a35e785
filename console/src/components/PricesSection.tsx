import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { describeError, problemsOf } from '../api/errors';
import { itemIdOf } from '../api/ids';
import { majorToMinor, minorToMajor } from '../api/money';
import { graphql } from '../gql';
import type { PriceKind, PriceValidity } from '../gql/graphql';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { mayLeave } from '../forms/unsaved-guard';
import { useVersionedForm } from '../forms/use-versioned-form';
import { HistoryLink } from './HistoryLink';
import { TableScroll } from './TableScroll';

const PriceItem = graphql(`
  query PriceItem($id: ID!) {
    item(type: PRICE_ITEM, id: $id) {
      id
      version
      values
    }
  }
`);

const UpdatePrice = graphql(`
  mutation UpdatePrice($input: UpdatePriceItemInput!) {
    updatePriceItem(input: $input) {
      id
      version
      hasDraft
    }
  }
`);

const CreatePrice = graphql(`
  mutation CreatePrice($input: CreatePriceItemInput!) {
    createPriceItem(input: $input) {
      id
      version
    }
  }
`);

const DeletePrice = graphql(`
  mutation DeletePrice($input: DeleteItemInput!) {
    deleteItem(input: $input) {
      id
    }
  }
`);

const KIND_NAMES: Record<PriceKind, string> = {
  SINGLE_SESSION: 'One session',
  PACKAGE: 'Package of sessions',
  CONSULTATION: 'Consultation',
  ADD_ON: 'Add-on',
};

/** Where a price stands today at the clinic, in the editor's words (the API decides which). */
const VALIDITY: Record<PriceValidity, { name: string; color: string }> = {
  // Dark shades: the text stays readable (axe's contrast check).
  CURRENT: { name: 'Current', color: 'teal.9' },
  UPCOMING: { name: 'Upcoming', color: 'blue.9' },
  ENDED: { name: 'Ended', color: 'gray.8' },
};

export interface PriceRow {
  id: string;
  itemId: string;
  label: string;
  kind: PriceKind;
  sessions?: number | null;
  isFromPrice: boolean;
  validFrom?: string | null;
  validUntil?: string | null;
  validity: PriceValidity;
  amount: { amountMinor: number; currency: string; formatted: string };
  /** Its version and the caller's rights (null when the caller may not read drafts). */
  editable?: {
    id: string;
    version: number;
    viewerCan: { delete: { allowed: boolean; reason?: string | null } };
  } | null;
}

type Permission = { allowed: boolean; reason?: string | null };

interface Props {
  /** The clinic's slug (for links to a price's history). */
  clinic: string;
  prices: PriceRow[];
  /** The clinic's offering of the treatment: new prices belong to it, its rights say who may add them. */
  offering: { id: string; viewerCan: { edit: Permission } } | null;
  /** The clinic's currency: what amounts are typed in. */
  currency: string;
  timezone: string;
  canEdit: Permission;
  onSaved: () => void;
}

/** The offering's prices at this clinic, each editable in the clinic's currency. */
export function PricesSection(props: Props) {
  const { clinic, prices, timezone, canEdit, onSaved, offering } = props;
  // The price being edited (its id), 'new' for a new one, or none.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, deletePrice] = useMutation(DeletePrice);
  const [deleted, setDeleted] = useState<string | null>(null);
  const canAdd: Permission = offering?.viewerCan.edit ?? {
    allowed: false,
    reason: 'This clinic does not offer this treatment yet.',
  };

  async function remove(price: PriceRow) {
    if (!price.editable || !mayLeave()) return;
    if (!window.confirm(`Delete the price “${price.label}”?`)) return;
    setDeleted(null);
    const result = await deletePrice({
      input: {
        item: { type: 'PRICE_ITEM', id: itemIdOf(price), version: price.editable.version },
      },
    });
    if (result.error) return;
    setEditing(null);
    setDeleted(price.label);
    onSaved();
  }

  return (
    <Stack component="section" aria-labelledby="prices-title">
      <Title order={2} id="prices-title">
        Prices
      </Title>
      <Text size="sm">
        Amounts in the clinic’s currency ({props.currency}); validity dates are days in the clinic’s
        time zone ({timezone}). Upcoming and ended prices are listed too: only current ones are on
        the public page.
      </Text>
      {!canEdit.allowed && <Text size="sm">{canEdit.reason}</Text>}
      <TableScroll label="Prices (scrolls sideways)">
        <Table aria-label="Prices of this treatment">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Valid</Table.Th>
              <Table.Th>Today</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prices.map((price) => (
              <Table.Tr key={price.itemId} data-price={price.label}>
                <Table.Th scope="row">{price.label}</Table.Th>
                <Table.Td>
                  {price.isFromPrice ? 'from ' : ''}
                  {price.amount.formatted}
                </Table.Td>
                <Table.Td>{KIND_NAMES[price.kind]}</Table.Td>
                <Table.Td>
                  {price.validFrom ?? 'always'} – {price.validUntil ?? 'open'}
                </Table.Td>
                <Table.Td>
                  <Text component="span" size="sm" fw={700} c={VALIDITY[price.validity].color}>
                    {VALIDITY[price.validity].name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!canEdit.allowed}
                    title={canEdit.allowed ? undefined : (canEdit.reason ?? undefined)}
                    onClick={() => mayLeave() && setEditing(price.itemId)}
                  >
                    Edit price {price.label}
                  </Button>{' '}
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    disabled={!price.editable?.viewerCan.delete.allowed || deleting.fetching}
                    title={price.editable?.viewerCan.delete.reason ?? undefined}
                    onClick={() => void remove(price)}
                  >
                    Delete price {price.label}
                  </Button>{' '}
                  <HistoryLink
                    clinic={clinic}
                    type="PRICE_ITEM"
                    id={itemIdOf(price)}
                    what={price.label}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {deleting.error && (
        <Alert color="red" role="alert">
          {describeError(deleting.error)}
        </Alert>
      )}
      {deleted && (
        <Alert color="blue" role="status">
          Deleted the price “{deleted}” (a published price goes when the deletion is published).
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          disabled={!canAdd.allowed}
          title={canAdd.allowed ? undefined : (canAdd.reason ?? undefined)}
          onClick={() => mayLeave() && setEditing('new')}
        >
          Add a price
        </Button>
        {!canAdd.allowed && canAdd.reason && <Text size="sm">{canAdd.reason}</Text>}
      </Group>
      {editing === 'new' && offering && (
        <PriceFormFields
          key="new"
          offeringId={offering.id}
          currency={props.currency}
          version={null}
          values={NEW_PRICE}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
      {prices
        .filter((price) => price.itemId === editing)
        .map((price) => (
          <PriceForm
            key={price.itemId}
            price={price}
            onClose={() => setEditing(null)}
            onSaved={onSaved}
          />
        ))}
    </Stack>
  );
}

type FieldErrors = Partial<
  Record<'amount' | 'label' | 'kind' | 'sessions' | 'validFrom' | 'validUntil', string>
>;

/** A price as the form holds it: the amount in major units, as typed. */
interface PriceValues extends Record<string, unknown> {
  amount: string;
  label: string;
  kind: PriceKind;
  sessions: number | string;
  isFromPrice: boolean;
  validFrom: string;
  validUntil: string;
}

/** The API's values of a price item (minor units), as the form holds them. */
function formValues(values: Record<string, unknown>, currency: string): PriceValues {
  return {
    amount: minorToMajor(Number(values.amountMinor), currency),
    label: typeof values.label === 'string' ? values.label : '',
    kind: values.kind as PriceKind,
    sessions: typeof values.sessions === 'number' ? values.sessions : '',
    isFromPrice: values.isFromPrice === true,
    validFrom: typeof values.validFrom === 'string' ? values.validFrom : '',
    validUntil: typeof values.validUntil === 'string' ? values.validUntil : '',
  };
}

/** What a new price's form starts from. */
const NEW_PRICE: PriceValues = {
  amount: '',
  label: '',
  kind: 'SINGLE_SESSION',
  sessions: '',
  isFromPrice: false,
  validFrom: '',
  validUntil: '',
};

/** Opens a price for editing at its current version (what a later save is based on). */
function PriceForm(props: { price: PriceRow; onClose: () => void; onSaved: Props['onSaved'] }) {
  const [{ data, error }] = useQuery({
    query: PriceItem,
    variables: { id: itemIdOf(props.price) },
    requestPolicy: 'network-only',
  });
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (!data) return <Loader size="sm" aria-label="Loading the price" />;
  return (
    <PriceFormFields
      {...props}
      currency={props.price.amount.currency}
      version={data.item.version}
      values={formValues(data.item.values, props.price.amount.currency)}
    />
  );
}

/** The form of one price: an existing one (`price`) or a new one of the offering. */
function PriceFormFields(props: {
  price?: PriceRow;
  offeringId?: string;
  currency: string;
  version: number | null;
  values: PriceValues;
  onClose: () => void;
  onSaved: Props['onSaved'];
}) {
  const { price, currency } = props;
  const client = useClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [, updatePrice] = useMutation(UpdatePrice);
  const [, createPrice] = useMutation(CreatePrice);
  const form = useVersionedForm<PriceValues>({
    version: props.version,
    values: props.values,
    async save(values, version) {
      const money = majorToMinor(values.amount, currency);
      if ('problem' in money) throw new AmountProblem(money.problem);
      const fields = {
        amountMinor: money.amountMinor,
        label: values.label,
        kind: values.kind,
        isFromPrice: values.isFromPrice,
        sessions:
          values.kind === 'PACKAGE' && values.sessions !== '' ? Number(values.sessions) : null,
        validFrom: values.validFrom || null,
        validUntil: values.validUntil || null,
      };
      if (!price) {
        const result = await createPrice({
          input: { ...fields, clinicTreatmentId: props.offeringId!, currency },
        });
        if (result.error) return { error: result.error };
        props.onSaved();
        return { version: result.data!.createPriceItem.version };
      }
      const result = await updatePrice({
        input: { ...fields, id: itemIdOf(price), version: version ?? 0 },
      });
      if (result.error) return { error: result.error };
      props.onSaved();
      return { version: result.data!.updatePriceItem.version };
    },
    async loadLatest() {
      // Only a save of an existing price can meet a conflict.
      const latest = await loadLatest(client, 'PRICE_ITEM', price ? itemIdOf(price) : '');
      return { ...latest, values: formValues(latest.values, currency) };
    },
  });
  const { values } = form;

  const problems = form.error ? problemsOf(form.error) : [];
  const errors: FieldErrors = { ...fieldErrors };
  for (const problem of problems) {
    const field = problem.path === 'amountMinor' ? 'amount' : problem.path;
    errors[field as keyof FieldErrors] = problem.message;
  }
  const formError = form.error && problems.length === 0 ? describeError(form.error) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setFieldErrors({});
    setSaved(false);
    try {
      const ok = await form.submit();
      // A new price, once saved, is a row of the table: its form closes.
      if (ok && !price) props.onClose();
      else setSaved(ok);
    } catch (error) {
      if (error instanceof AmountProblem) setFieldErrors({ amount: error.message });
      else throw error;
    }
  }

  return (
    <Stack
      component="form"
      onSubmit={save}
      aria-label={price ? `Edit price ${price.label}` : 'New price'}
      maw={640}
      className="console-panel"
    >
      <Title order={3}>{price ? `Edit price “${price.label}”` : 'New price'}</Title>
      <TextInput
        label={`Amount (${currency})`}
        description={`In ${currency}, not in cents, e.g. 349.00`}
        inputMode="decimal"
        value={values.amount}
        onChange={(e) => form.set('amount', e.currentTarget.value)}
        error={errors.amount}
        required
      />
      <TextInput
        label="Label"
        value={values.label}
        onChange={(e) => form.set('label', e.currentTarget.value)}
        error={errors.label}
        required
      />
      <Select
        label="Kind"
        data={Object.entries(KIND_NAMES).map(([value, name]) => ({ value, label: name }))}
        value={values.kind}
        onChange={(value) => value && form.set('kind', value as PriceKind)}
        error={errors.kind}
        allowDeselect={false}
      />
      {values.kind === 'PACKAGE' && (
        <NumberInput
          label="Sessions in the package"
          min={1}
          value={values.sessions}
          onChange={(value) => form.set('sessions', value)}
          error={errors.sessions}
        />
      )}
      <Checkbox
        label="Starting price (shown as “from …”)"
        checked={values.isFromPrice}
        onChange={(e) => form.set('isFromPrice', e.currentTarget.checked)}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Valid from"
          description="Empty: always"
          value={values.validFrom}
          onChange={(e) => form.set('validFrom', e.currentTarget.value)}
          error={errors.validFrom}
        />
        <TextInput
          type="date"
          label="Valid until"
          description="Empty: open"
          value={values.validUntil}
          onChange={(e) => form.set('validUntil', e.currentTarget.value)}
          error={errors.validUntil}
        />
      </Group>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      {saved && !form.dirty && (
        <Alert color="blue" role="status">
          Saved as a draft: the public page changes when it is published.
        </Alert>
      )}
      <FormActions
        form={form}
        fields={PRICE_FIELDS}
        onClose={props.onClose}
        submitLabel={price ? 'Save draft' : 'Add price (draft)'}
        onReapplied={setSaved}
      />
    </Stack>
  );
}

const PRICE_FIELDS = [
  { key: 'amount', label: 'Amount' },
  { key: 'label', label: 'Label' },
  { key: 'kind', label: 'Kind' },
  { key: 'sessions', label: 'Sessions in the package' },
  { key: 'isFromPrice', label: 'Starting price' },
  { key: 'validFrom', label: 'Valid from' },
  { key: 'validUntil', label: 'Valid until' },
];

/** An amount the console refuses before sending anything (said beside the field). */
class AmountProblem extends Error {}
