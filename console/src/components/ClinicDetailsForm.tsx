import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { describeError, problemsOf } from '../api/errors';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
import type { ClinicStatus, Weekday } from '../gql/graphql';

const ClinicItem = graphql(`
  query ClinicItem($id: ID!) {
    item(type: CLINIC, id: $id) {
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
`);

const UpdateClinic = graphql(`
  mutation UpdateClinicDetails($input: UpdateClinicInput!) {
    updateClinic(input: $input) {
      id
      version
    }
  }
`);

export const DAYS: { value: Weekday; label: string }[] = [
  { value: 'MONDAY', label: 'Monday' },
  { value: 'TUESDAY', label: 'Tuesday' },
  { value: 'WEDNESDAY', label: 'Wednesday' },
  { value: 'THURSDAY', label: 'Thursday' },
  { value: 'FRIDAY', label: 'Friday' },
  { value: 'SATURDAY', label: 'Saturday' },
  { value: 'SUNDAY', label: 'Sunday' },
];

const STATUSES: { value: ClinicStatus; label: string }[] = [
  { value: 'OPEN', label: 'Open' },
  { value: 'COMING_SOON', label: 'Coming soon' },
  { value: 'TEMPORARILY_CLOSED', label: 'Temporarily closed' },
  { value: 'PERMANENTLY_CLOSED', label: 'Permanently closed' },
];

/** The fields of a clinic its own editors may change (not slug, region or currency). */
const TEXT_FIELDS = [
  ['name', 'Name'],
  ['addressLine1', 'Street and number'],
  ['addressLine2', 'Address line 2'],
  ['city', 'City'],
  ['addressRegion', 'State or province'],
  ['postalCode', 'Postal code'],
  ['country', 'Country (two letters, e.g. US)'],
  ['phone', 'Phone'],
  ['email', 'E-mail'],
] as const;

interface Interval {
  day: Weekday;
  opens: string;
  closes: string;
}

type DetailsValues = Record<(typeof TEXT_FIELDS)[number][0], string> & {
  timezone: string;
  operatingStatus: ClinicStatus;
  openingHours: Interval[];
};

const asValues = (values: Record<string, unknown>): DetailsValues => {
  const text = (key: string) => (typeof values[key] === 'string' ? String(values[key]) : '');
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map(([key]) => [key, text(key)])) as Record<
      (typeof TEXT_FIELDS)[number][0],
      string
    >),
    timezone: text('timezone'),
    operatingStatus: (text('operatingStatus') || 'OPEN') as ClinicStatus,
    openingHours: Array.isArray(values.openingHours) ? (values.openingHours as Interval[]) : [],
  };
};

const ZONES: string[] = Intl.supportedValuesOf('timeZone');

/** Loads the clinic at its current version, then opens the form on it. */
export default function ClinicDetailsForm(props: {
  clinicId: string;
  onSaved: () => void;
  onClose: () => void;
}) {
  const [{ data, error }] = useQuery({
    query: ClinicItem,
    variables: { id: props.clinicId },
    requestPolicy: 'network-only',
  });
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (!data) return <Loader size="sm" aria-label="Loading the clinic’s details" />;
  if (!data.item.viewerCan.edit.allowed) {
    return <Text size="sm">{data.item.viewerCan.edit.reason}</Text>;
  }
  return (
    <DetailsFields {...props} version={data.item.version} values={asValues(data.item.values)} />
  );
}

function DetailsFields(props: {
  clinicId: string;
  version: number;
  values: DetailsValues;
  onSaved: () => void;
  onClose: () => void;
}) {
  const client = useClient();
  const [, updateClinic] = useMutation(UpdateClinic);
  const form = useVersionedForm<DetailsValues>({
    version: props.version,
    values: props.values,
    async save(values, version) {
      const orNull = (text: string) => (text.trim() === '' ? null : text);
      const result = await updateClinic({
        input: {
          id: props.clinicId,
          version: version ?? 0,
          name: values.name,
          addressLine1: values.addressLine1,
          addressLine2: orNull(values.addressLine2),
          city: values.city,
          addressRegion: orNull(values.addressRegion),
          postalCode: orNull(values.postalCode),
          country: values.country.toUpperCase(),
          phone: orNull(values.phone),
          email: orNull(values.email),
          timezone: values.timezone,
          operatingStatus: values.operatingStatus,
          openingHours: values.openingHours,
        },
      });
      if (result.error) return { error: result.error };
      props.onSaved();
      return { version: result.data!.updateClinic.version };
    },
    async loadLatest() {
      const latest = await loadLatest(client, 'CLINIC', props.clinicId);
      return { ...latest, values: asValues(latest.values) };
    },
  });
  const problems = form.error ? problemsOf(form.error) : [];
  const problem = (path: string) => problems.find((p) => p.path === path)?.message;
  const hours = form.values.openingHours;
  const setHours = (next: Interval[]) => form.set('openingHours', next);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.submit()) props.onClose();
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label="Edit details and hours"
      className="console-panel"
    >
      <Title order={2} size="h3">
        Edit details and hours
      </Title>
      <div className="console-two-columns">
        {TEXT_FIELDS.map(([key, label]) => (
          <TextInput
            key={key}
            label={label}
            value={form.values[key]}
            onChange={(e) => form.set(key, e.currentTarget.value)}
            error={problem(key)}
            required={['name', 'addressLine1', 'city', 'country'].includes(key)}
          />
        ))}
        <Select
          label="Time zone"
          description="Opening hours, validity days and schedules are on this clock"
          searchable
          data={ZONES}
          value={form.values.timezone}
          onChange={(zone) => zone && form.set('timezone', zone)}
          error={problem('timezone')}
          allowDeselect={false}
        />
        <NativeSelect
          label="Status"
          data={STATUSES}
          value={form.values.operatingStatus}
          onChange={(e) => form.set('operatingStatus', e.currentTarget.value as ClinicStatus)}
        />
      </div>
      <Stack component="fieldset" gap="xs" className="console-fieldset">
        <legend>Opening hours ({form.values.timezone})</legend>
        {hours.length === 0 && <Text size="sm">Closed every day.</Text>}
        {hours.map((interval, index) => (
          <Group
            key={index}
            align="flex-end"
            gap="xs"
            role="group"
            aria-label={`Interval ${index + 1}`}
          >
            <NativeSelect
              label="Day"
              data={DAYS}
              value={interval.day}
              onChange={(e) =>
                setHours(
                  hours.map((h, i) =>
                    i === index ? { ...h, day: e.currentTarget.value as Weekday } : h,
                  ),
                )
              }
            />
            <TextInput
              type="time"
              label="Opens"
              value={interval.opens}
              error={problem(`openingHours.${index}.opens`)}
              onChange={(e) =>
                setHours(
                  hours.map((h, i) => (i === index ? { ...h, opens: e.currentTarget.value } : h)),
                )
              }
            />
            <TextInput
              type="time"
              label="Closes"
              value={interval.closes}
              error={problem(`openingHours.${index}.closes`)}
              onChange={(e) =>
                setHours(
                  hours.map((h, i) => (i === index ? { ...h, closes: e.currentTarget.value } : h)),
                )
              }
            />
            <Button
              variant="default"
              onClick={() => setHours(hours.filter((_, i) => i !== index))}
              aria-label={`Remove interval ${index + 1}`}
            >
              Remove
            </Button>
            {problem(`openingHours.${index}`) && (
              <Text size="sm" c="red.9" role="alert">
                {problem(`openingHours.${index}`)}
              </Text>
            )}
          </Group>
        ))}
        <Button
          variant="default"
          maw={220}
          onClick={() => setHours([...hours, { day: 'SATURDAY', opens: '10:00', closes: '14:00' }])}
        >
          Add opening interval
        </Button>
      </Stack>
      {form.error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {describeError(form.error)}
        </Alert>
      )}
      {problems.some((p) => p.path === 'openingHours') && (
        <Alert color="red" role="alert">
          {problem('openingHours')}
        </Alert>
      )}
      <FormActions
        form={form}
        fields={[
          ...TEXT_FIELDS.map(([key, label]) => ({ key, label })),
          { key: 'timezone', label: 'Time zone' },
          { key: 'operatingStatus', label: 'Status' },
          { key: 'openingHours', label: 'Opening hours' },
        ]}
        onClose={props.onClose}
        show={(key, value) =>
          key === 'openingHours' && Array.isArray(value)
            ? (value as Interval[])
                .map((h) => `${DAYS.find((d) => d.value === h.day)?.label} ${h.opens}–${h.closes}`)
                .join('; ') || '(closed)'
            : value === null || value === undefined || value === ''
              ? '(empty)'
              : String(value as string)
        }
      />
    </Stack>
  );
}
