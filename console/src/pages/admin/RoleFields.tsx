import { Checkbox, Group, NativeSelect, Stack } from '@mantine/core';
import type { EditorRole } from '../../gql/graphql';

/** Each role in words, in the order the select offers them. */
export const ROLE_LABELS: Record<EditorRole, string> = {
  CLINIC_EDITOR: 'Clinic editor',
  REGION_EDITOR: 'Region editor',
  BRAND_EDITOR: 'Brand editor',
  MEDICAL_REVIEWER: 'Medical reviewer',
  BRAND_ADMIN: 'Brand admin',
};

const ROLE_HINTS: Record<EditorRole, string> = {
  CLINIC_EDITOR: 'Edits only the clinics you tick below.',
  REGION_EDITOR: 'Edits every clinic of the regions you tick below.',
  BRAND_EDITOR: 'Edits the brand’s own content and every clinic, and publishes.',
  MEDICAL_REVIEWER:
    'Approves clinical changes: in the regions you tick below, or in the whole brand if none.',
  BRAND_ADMIN: 'Everything, including people and API keys.',
};

export interface RoleValues {
  role: EditorRole;
  regionIds: string[];
  clinicIds: string[];
}

export interface Places {
  regions: { itemId: string; name: string }[];
  clinics: { itemId: string; name: string }[];
}

/**
 * The role and the places it covers, as inviteUser and updateUserRole take
 * them. Only the places the role uses are offered; the API checks the rest
 * (and its refusal is shown beside the field it names).
 */
export function RoleFields(props: {
  value: RoleValues;
  onChange: (next: RoleValues) => void;
  places: Places;
  problem: (field: string) => string | undefined;
}) {
  const { value, onChange, places } = props;
  const usesRegions = value.role === 'REGION_EDITOR' || value.role === 'MEDICAL_REVIEWER';
  const usesClinics = value.role === 'CLINIC_EDITOR';
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Role"
        description={ROLE_HINTS[value.role]}
        value={value.role}
        data={Object.entries(ROLE_LABELS).map(([role, label]) => ({ value: role, label }))}
        // A new role starts with no places: the old ones may not fit it.
        onChange={(e) =>
          onChange({ role: e.currentTarget.value as EditorRole, regionIds: [], clinicIds: [] })
        }
        error={props.problem('role')}
      />
      {usesRegions && (
        <Checkbox.Group
          label="Regions"
          value={value.regionIds}
          onChange={(regionIds) => onChange({ ...value, regionIds })}
          error={props.problem('regionIds')}
        >
          <Group mt="xs">
            {places.regions.map((region) => (
              <Checkbox key={region.itemId} value={region.itemId} label={region.name} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {usesClinics && (
        <Checkbox.Group
          label="Clinics"
          value={value.clinicIds}
          onChange={(clinicIds) => onChange({ ...value, clinicIds })}
          error={props.problem('clinicIds')}
        >
          <Group mt="xs">
            {places.clinics.map((clinic) => (
              <Checkbox key={clinic.itemId} value={clinic.itemId} label={clinic.name} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
    </Stack>
  );
}

/** The role's fields as the mutations take them (only the places the role uses). */
export const roleInput = (value: RoleValues) => ({
  role: value.role,
  regionIds:
    value.role === 'REGION_EDITOR' || value.role === 'MEDICAL_REVIEWER' ? value.regionIds : [],
  clinicIds: value.role === 'CLINIC_EDITOR' ? value.clinicIds : [],
});
