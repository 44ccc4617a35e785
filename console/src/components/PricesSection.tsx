import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type CombinedError, useClient, useMutation } from 'urql';
import { describeError, problemsOf } from '../api/errors';
import { itemIdOf } from '../api/ids';
import { majorToMinor, minorToMajor } from '../api/money';
import { graphql } from '../gql';
import type { PriceKind } from '../gql/graphql';
import { TableScroll } from './TableScroll';

const PriceVersion = graphql(`
  query PriceVersion($id: ID!) {
    item(type: PRICE_ITEM, id: $id) {
      id
      version
      hasDraft
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

const KIND_NAMES: Record<PriceKind, string> = {
  SINGLE_SESSION: 'One session',
  PACKAGE: 'Package of sessions',
  CONSULTATION: 'Consultation',
  ADD_ON: 'Add-on',
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
  amount: { amountMinor: number; currency: string; formatted: string };
}

interface Props {
  prices: PriceRow[];
  timezone: string;
  canEdit: { allowed: boolean; reason?: string | null };
  onSaved: () => void;
}

/** The offering's prices at this clinic, each editable in the clinic's currency. */
export function PricesSection({ prices, timezone, canEdit, onSaved }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack component="section" aria-labelledby="prices-title">
      <Title order={2} id="prices-title">
        Prices
      </Title>
      <Text size="sm">
        Amounts in the clinic’s currency; validity dates are days in the clinic’s time zone (
        {timezone}).
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
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!canEdit.allowed}
                    title={canEdit.allowed ? undefined : (canEdit.reason ?? undefined)}
                    onClick={() => setEditing(price.itemId)}
                  >
                    Edit price {price.label}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
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

function PriceForm(props: { price: PriceRow; onClose: () => void; onSaved: Props['onSaved'] }) {
  const { price } = props;
  const currency = price.amount.currency;
  const client = useClient();
  const [amount, setAmount] = useState(minorToMajor(price.amount.amountMinor, currency));
  const [label, setLabel] = useState(price.label);
  const [kind, setKind] = useState<PriceKind>(price.kind);
  const [sessions, setSessions] = useState<number | string>(price.sessions ?? '');
  const [isFromPrice, setIsFromPrice] = useState(price.isFromPrice);
  const [validFrom, setValidFrom] = useState(price.validFrom ?? '');
  const [validUntil, setValidUntil] = useState(price.validUntil ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, updatePrice] = useMutation(UpdatePrice);

  function showError(error: CombinedError) {
    const problems = problemsOf(error);
    if (problems.length) {
      const errors: FieldErrors = {};
      for (const problem of problems) {
        const field = problem.path === 'amountMinor' ? 'amount' : problem.path;
        errors[field as keyof FieldErrors] = problem.message;
      }
      setFieldErrors(errors);
    } else {
      setFormError(describeError(error));
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setFieldErrors({});
    setFormError(null);
    setSaved(false);
    const money = majorToMinor(amount, currency);
    if ('problem' in money) {
      setFieldErrors({ amount: money.problem });
      return;
    }
    const current = await client
      .query(PriceVersion, { id: itemIdOf(price) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (current.error || !current.data) {
      if (current.error) showError(current.error);
      return;
    }
    const result = await updatePrice({
      input: {
        id: itemIdOf(price),
        version: current.data.item.version,
        amountMinor: money.amountMinor,
        label,
        kind,
        isFromPrice,
        sessions: kind === 'PACKAGE' && sessions !== '' ? Number(sessions) : null,
        validFrom: validFrom || null,
        validUntil: validUntil || null,
      },
    });
    if (result.error) return showError(result.error);
    setSaved(true);
    props.onSaved();
  }

  return (
    <Stack
      component="form"
      onSubmit={save}
      aria-label={`Edit price ${price.label}`}
      maw={560}
      className="console-panel"
    >
      <Title order={3}>Edit price “{price.label}”</Title>
      <TextInput
        label={`Amount (${currency})`}
        description={`In ${currency}, not in cents, e.g. 349.00`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={fieldErrors.amount}
        required
      />
      <TextInput
        label="Label"
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={fieldErrors.label}
        required
      />
      <Select
        label="Kind"
        data={Object.entries(KIND_NAMES).map(([value, name]) => ({ value, label: name }))}
        value={kind}
        onChange={(value) => value && setKind(value as PriceKind)}
        error={fieldErrors.kind}
        allowDeselect={false}
      />
      {kind === 'PACKAGE' && (
        <NumberInput
          label="Sessions in the package"
          min={1}
          value={sessions}
          onChange={setSessions}
          error={fieldErrors.sessions}
        />
      )}
      <Checkbox
        label="Starting price (shown as “from …”)"
        checked={isFromPrice}
        onChange={(e) => setIsFromPrice(e.currentTarget.checked)}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Valid from"
          description="Empty: always"
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          error={fieldErrors.validFrom}
        />
        <TextInput
          type="date"
          label="Valid until"
          description="Empty: open"
          value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
          error={fieldErrors.validUntil}
        />
      </Group>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      {saved && (
        <Alert color="blue" role="status">
          Saved as a draft: the public page changes when it is published.
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving.fetching}>
          Save draft
        </Button>
        <Button variant="subtle" onClick={props.onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
