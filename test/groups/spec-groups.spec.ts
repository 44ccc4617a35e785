import { groupFiles, integrationSpecs, partitionSpecs, SPEC_SECONDS } from './spec-groups';

describe('the groups a whole run loads the integration specs in', () => {
  const specs = integrationSpecs();
  const groups = partitionSpecs(specs, groupFiles().length);

  it('has one group per group file, none empty', () => {
    expect(groups).toHaveLength(groupFiles().length);
    expect(groups.filter((group) => group.length === 0)).toEqual([]);
  });

  it('runs every integration spec exactly once, this one included', () => {
    expect(groups.flat().sort()).toEqual(specs);
    expect(specs).toContain('test/groups/spec-groups.spec.ts');
    expect(specs).toContain('test/security/logs.spec.ts');
  });

  it('gives a spec that mocks modules a group of its own', () => {
    expect(groups).toContainEqual(['test/docs-examples.spec.ts']);
  });

  it('balances the groups by the recorded seconds', () => {
    const seconds = (group: string[]) =>
      group.reduce((sum, spec) => sum + (SPEC_SECONDS[spec] ?? 0), 0);
    const total = seconds(specs);
    const heaviestSpec = Math.max(...specs.map((spec) => SPEC_SECONDS[spec] ?? 0));
    for (const group of groups) {
      expect(seconds(group)).toBeLessThanOrEqual(total / groups.length + heaviestSpec);
    }
  });
});
