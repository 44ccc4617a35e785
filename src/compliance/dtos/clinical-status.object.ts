import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ContentTypeName } from '../../editing/dtos/editable-item.object';
import type { ApprovedValueRow } from '../reviews-due';

export enum ReviewDueStatus {
  CURRENT = 'CURRENT',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(ReviewDueStatus, {
  name: 'ReviewDueStatus',
  description: 'Where an approved clinical value stands against its re-review date.',
  valuesMap: {
    CURRENT: { description: 'Not due within 30 days.' },
    DUE_SOON: { description: 'Due within 30 days (or within the window asked for).' },
    OVERDUE: { description: 'Past its re-review date.' },
  },
});

/** Days before its due date that a value counts as due soon on an item. */
export const DUE_SOON_DAYS = 30;

@ObjectType({ description: 'An approved clinical value that is live, and its re-review date.' })
export class FieldApproval {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id.' })
  itemId: string;

  @Field({ description: 'The regulated field, as "TYPE.field".' })
  field: string;

  @Field({ description: 'When a medical reviewer approved the value.' })
  approvedAt: Date;

  @Field({ description: 'Who approved it.' })
  approvedBy: string;

  @Field({ description: 'When it is due for re-review (the brand’s interval after approval).' })
  reviewDueAt: Date;

  @Field(() => ReviewDueStatus, { description: 'Current, due soon or overdue.' })
  status: ReviewDueStatus;

  @Field(() => [ID], {
    description: 'The regions the item is placed in (empty for brand content).',
  })
  regionIds: string[];

  @Field(() => [ID], {
    description: 'The clinics the item is placed at (empty for brand content).',
  })
  clinicIds: string[];
}

@ArgsType()
export class ReviewsDueArgs {
  @Field(() => Int, {
    defaultValue: 30,
    description: 'Include values due within this many days (0 to 365); overdue ones always.',
  })
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays: number;

  @Field(() => ID, { nullable: true, description: 'Only values placed in this region.' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only values placed at this clinic.' })
  @IsOptional()
  @IsUUID()
  clinicId?: string | null;
}

@ObjectType({ description: 'The paragraph of a source document a clinical value was taken from.' })
export class ClinicalSource {
  @Field({ description: 'The document, e.g. "micro-needling-article.txt".' })
  document: string;

  @Field(() => Int, {
    description: 'Its 1-based line: one paragraph, heading or list item per line.',
  })
  line: number;

  @Field({ description: 'The words of the source the value rests on.' })
  quote: string;
}

@ObjectType({ description: 'A change of a clinical value that went live, and who answers for it.' })
export class ClinicalChange {
  @Field(() => Int, { description: 'The item version the publish made.' })
  version: number;

  @Field({ description: 'When it went live.' })
  publishedAt: Date;

  @Field({ description: 'Who published it.' })
  publishedBy: string;

  @Field(() => [String], { description: 'Who wrote the change (the draft’s editors).' })
  editors: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The medical reviewer whose approval covered it; null when none did.',
  })
  approvedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  approvedAt: Date | null;
}

@ObjectType({
  description: 'Where one clinical value of an item comes from, and its changes since.',
})
export class FieldProvenance {
  @Field({
    description:
      'The field, down to the fact or section where the source is that precise (e.g. "facts.sessions", "sections.benefits"; an override’s is "value").',
  })
  field: string;

  @Field(() => ClinicalSource, {
    nullable: true,
    description: 'The source paragraph of a seeded value; null when it was written in the CMS.',
  })
  source: ClinicalSource | null;

  @Field(() => [ClinicalChange], {
    description: 'The changes of it that went live, newest first (the last 50).',
  })
  changes: ClinicalChange[];
}

const DAY = 24 * 3600 * 1000;

/** An approved value as editors read it, with where it stands against its due date. */
export function toFieldApproval(
  row: ApprovedValueRow,
  soonDays = DUE_SOON_DAYS,
  now = Date.now(),
): FieldApproval {
  const due = new Date(row.reviewDueAt).getTime();
  const status =
    due <= now
      ? ReviewDueStatus.OVERDUE
      : due <= now + soonDays * DAY
        ? ReviewDueStatus.DUE_SOON
        : ReviewDueStatus.CURRENT;
  return {
    type: row.entityType as ContentTypeName,
    itemId: row.entityId,
    field: row.field,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy,
    reviewDueAt: row.reviewDueAt,
    status,
    regionIds: row.regionIds,
    clinicIds: row.clinicIds,
  };
}
