import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ClaimSeverity {
  BLOCK = 'BLOCK',
  WARN = 'WARN',
}
registerEnumType(ClaimSeverity, {
  name: 'ClaimSeverity',
  description: 'What a claim rule does when it matches.',
  valuesMap: {
    BLOCK: { description: 'Warned on save; a changeset that adds it is refused at publish.' },
    WARN: { description: 'Warned on save only.' },
  },
});

@ObjectType({ description: 'A rule of the brand’s claims linter (docs/compliance.md).' })
export class ClaimRule {
  @Field(() => ID, { description: 'The rule’s id.' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Words matched as whole words in any case; null when the rule is a pattern.',
  })
  phrase: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An RE2 regular expression matched in any case; null when the rule is a phrase.',
  })
  pattern: string | null;

  @Field(() => ClaimSeverity, { description: 'BLOCK refuses publish; WARN only warns.' })
  severity: ClaimSeverity;

  @Field({ description: 'Why the wording is a problem, shown to editors beside each hit.' })
  reason: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only content shown in this region; null for every region.',
  })
  regionId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only content shown at clinics in this state (two letters, e.g. "TX"); null for every state.',
  })
  state: string | null;
}

@ObjectType({ description: 'Words in an item that a claim rule matches.' })
export class ClaimWarning {
  @Field({
    description:
      'Where: the field, with list positions and keys below it (e.g. "disclaimer", "sections.2.body").',
  })
  field: string;

  @Field({ description: 'The matched words, as written.' })
  phrase: string;

  @Field(() => ID, { description: 'The rule that matched.' })
  ruleId: string;

  @Field(() => ClaimSeverity, { description: 'BLOCK: publishing this is refused.' })
  severity: ClaimSeverity;

  @Field({ description: 'Why the wording is a problem, from the rule.' })
  reason: string;
}
