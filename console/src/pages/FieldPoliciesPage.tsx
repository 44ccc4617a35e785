import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { policyEffect, POLICY_NAMES } from '../api/policy-effect';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { FieldPolicy, PolicySettingsQuery } from '../gql/graphql';

const PolicySettings = graphql(`
  query PolicySettings {
    fieldPolicySettings(entityType: TREATMENT) {
      field
      policy
      item {
        type
        id
        version
        status
        hasDraft
        values
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
      }
    }
  }
`);

const PolicyImpact = graphql(`
  query PolicyImpact($field: String!, $policy: FieldPolicy!) {
    fieldPolicyImpact(entityType: TREATMENT, field: $field, policy: $policy) {
      currentPolicy
      proposedPolicy
      hiddenClinicOverrides
      hiddenRegionOverrides
      revealedClinicOverrides
      revealedRegionOverrides
      clinicsMissingValue
      pagesMissingValue
      clinicsNoLongerMissing
    }
  }
`);

const SetPolicy = graphql(`
  mutation SetPolicy($input: SetFieldPolicyInput!) {
    setFieldPolicy(input: $input) {
      id
      version
    }
  }
`);

const PublishPolicy = graphql(`
  mutation PublishPolicy($input: PublishInput!) {
    publish(input: $input) {
      id
    }
  }
`);

const POLICIES: FieldPolicy[] = ['INHERITABLE', 'CLINIC_REQUIRED', 'LOCKED'];

const POLICY_HELP: Record<FieldPolicy, string> = {
  INHERITABLE:
    'Regions and clinics may write their own value; the brand’s shows where they do not.',
  CLINIC_REQUIRED:
    'Every clinic (or its region) must write its own value; one without is reported missing.',
  LOCKED: 'Only the brand’s value is shown; overrides are refused and existing ones are hidden.',
};

type Setting = PolicySettingsQuery['fieldPolicySettings'][number];

/**
 * The policy the field's draft would set, when it differs from the one in
 * force: a published policy's draft, or a policy never published yet.
 */
function draftPolicy(setting: Setting): FieldPolicy | null {
  const item = setting.item;
  const value = item && (item.hasDraft || item.status !== 'PUBLISHED') ? item.values.policy : null;
  return typeof value === 'string' && value !== setting.policy ? (value as FieldPolicy) : null;
}

/**
 * The brand's policy for each treatment field, and what changing one does
 * to existing overrides and required values, shown before it is saved.
 */
export default function FieldPoliciesPage() {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: PolicySettings,
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [publishing, publish] = useMutation(PublishPolicy);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function publishDraft(setting: Setting) {
    if (!setting.item) return;
    const { type, id, version } = setting.item;
    const result = await publish({ input: { items: [{ type, id, version }] } });
    if (result.error) return;
    setDone(`The ${setting.field} policy is published: delivery applies it now.`);
    reload();
  }

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the field policies" />;
  const settings = data?.fieldPolicySettings ?? [];
  const open = settings.find((setting) => setting.field === editing);
  return (
    <Stack component="section" maw={1100}>
      <Title order={1}>Field policies</Title>
      <Text>
        For each treatment field, whether regions and clinics may write their own value. A change is
        a draft until it is published; what it would do to existing overrides is shown before you
        save it.
      </Text>
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
      <TableScroll label="Field policies (scrolls sideways)">
        <Table aria-label="Treatment field policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>In force</Table.Th>
              <Table.Th>Draft</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.map((setting) => {
              const draft = draftPolicy(setting);
              const rights = setting.item?.viewerCan;
              return (
                <Table.Tr key={setting.field} data-field={setting.field}>
                  <Table.Th scope="row">{setting.field}</Table.Th>
                  <Table.Td>{POLICY_NAMES[setting.policy]}</Table.Td>
                  <Table.Td>
                    {draft ? (
                      <Badge color="yellow" variant="filled" c="black">
                        {POLICY_NAMES[draft]} (not published)
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        disabled={rights ? !rights.edit.allowed : false}
                        title={rights?.edit.reason ?? undefined}
                        onClick={() => {
                          setDone(null);
                          setEditing(setting.field);
                        }}
                      >
                        Change {setting.field}
                      </Button>
                      {draft && rights && (
                        <Button
                          size="xs"
                          loading={publishing.fetching}
                          disabled={!rights.publish.allowed}
                          title={rights.publish.reason ?? undefined}
                          onClick={() => publishDraft(setting)}
                        >
                          Publish {setting.field} policy
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {open && (
        <PolicyForm
          key={open.field}
          setting={open}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setDone(message);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

/** Choose a policy for one field; its effect is asked of the API before saving. */
function PolicyForm(props: {
  setting: Setting;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { setting } = props;
  const [policy, setPolicy] = useState<FieldPolicy>(draftPolicy(setting) ?? setting.policy);
  const [impact] = useQuery({
    query: PolicyImpact,
    variables: { field: setting.field, policy },
    requestPolicy: 'network-only',
  });
  const [saving, save] = useMutation(SetPolicy);

  async function submit() {
    const result = await save({
      input: {
        entityType: 'TREATMENT',
        field: setting.field,
        policy,
        // No version: the field has no policy item yet (it is created).
        ...(setting.item ? { version: setting.item.version } : {}),
      },
    });
    if (result.error) return;
    props.onSaved(
      `Saved as a draft: ${setting.field} becomes ${POLICY_NAMES[policy]} when you publish it.`,
    );
  }

  const effect = impact.data ? policyEffect(setting.field, impact.data.fieldPolicyImpact) : null;
  return (
    <Stack component="section" aria-labelledby="policy-form-title" className="console-panel">
      <Title order={2} id="policy-form-title">
        Policy for {setting.field}
      </Title>
      <Radio.Group
        label={`How regions and clinics may treat ${setting.field}`}
        value={policy}
        onChange={(value) => setPolicy(value as FieldPolicy)}
      >
        <Stack gap="xs" mt="xs">
          {POLICIES.map((option) => (
            <Radio
              key={option}
              value={option}
              label={POLICY_NAMES[option]}
              description={POLICY_HELP[option]}
            />
          ))}
        </Stack>
      </Radio.Group>
      <div aria-live="polite">
        {impact.fetching && <Loader size="sm" aria-label="Counting what this changes" />}
        {impact.error && (
          <Alert color="red" role="alert">
            {describeError(impact.error)}
          </Alert>
        )}
        {effect && !impact.fetching && (
          <Alert color={effect.severe ? 'red' : 'blue'} title="What this changes">
            <Stack gap={4}>
              {effect.lines.map((line) => (
                <Text size="sm" key={line}>
                  {line}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </div>
      {saving.error && (
        <Alert color="red" role="alert">
          {describeError(saving.error)}
        </Alert>
      )}
      <Group>
        <Button
          onClick={submit}
          loading={saving.fetching}
          disabled={policy === (draftPolicy(setting) ?? setting.policy)}
        >
          Save draft
        </Button>
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
