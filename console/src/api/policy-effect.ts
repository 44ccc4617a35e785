import type { FieldPolicy, PolicyImpactQuery } from '../gql/graphql';

export const POLICY_NAMES: Record<FieldPolicy, string> = {
  INHERITABLE: 'Inheritable',
  CLINIC_REQUIRED: 'Clinic-required',
  LOCKED: 'Locked',
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Overrides by place, in words: "14 clinic overrides and 2 region overrides". */
function overrides(clinics: number, regions: number): string {
  return `${count(clinics, 'clinic override')} and ${count(regions, 'region override')}`;
}

type Impact = PolicyImpactQuery['fieldPolicyImpact'];

/**
 * The API's counts of what a policy change does (fieldPolicyImpact), said
 * as sentences; `severe` when it hides overrides or leaves values missing.
 */
export function policyEffect(field: string, impact: Impact): { lines: string[]; severe: boolean } {
  const lines: string[] = [];
  const verb = {
    LOCKED: `Locking ${field}`,
    CLINIC_REQUIRED: `Making ${field} clinic-required`,
    INHERITABLE: `Making ${field} inheritable`,
  }[impact.proposedPolicy];
  if (impact.proposedPolicy === impact.currentPolicy) {
    return { lines: [`${field} is already ${POLICY_NAMES[impact.currentPolicy]}.`], severe: false };
  }
  const hidden = impact.hiddenClinicOverrides + impact.hiddenRegionOverrides;
  if (impact.proposedPolicy === 'LOCKED') {
    lines.push(
      hidden
        ? `${verb} hides ${overrides(impact.hiddenClinicOverrides, impact.hiddenRegionOverrides)}: every clinic shows the brand’s value.`
        : `${verb} hides no overrides: no clinic or region has its own value.`,
    );
  }
  const revealed = impact.revealedClinicOverrides + impact.revealedRegionOverrides;
  if (revealed) {
    lines.push(
      `${verb} shows ${overrides(impact.revealedClinicOverrides, impact.revealedRegionOverrides)} again.`,
    );
  }
  const missing = impact.clinicsMissingValue ?? 0;
  if (impact.proposedPolicy === 'CLINIC_REQUIRED') {
    lines.push(
      missing
        ? `${verb} leaves ${count(missing, 'clinic')} missing a value (${count(impact.pagesMissingValue ?? 0, 'treatment page')}).`
        : `${verb} leaves no clinic missing a value.`,
    );
  }
  if (impact.clinicsNoLongerMissing) {
    lines.push(
      `${count(impact.clinicsNoLongerMissing, 'clinic')} missing a value today will no longer be reported.`,
    );
  }
  if (lines.length === 0) lines.push(`${verb} changes no existing override.`);
  return { lines, severe: hidden > 0 || missing > 0 };
}
