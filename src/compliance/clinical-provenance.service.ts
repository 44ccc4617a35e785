import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CONTENT_TYPE_DEFS, type ContentType } from '../content-types/registry';
import { EditorReadsService } from '../editing/editor-reads.service';
import type { ItemView } from '../editing/item-view';
import { settingsOf } from './compliance-settings';

export interface SourceRow {
  field: string;
  document: string;
  line: number;
  quote: string;
}

/** One change of a clinical value that went live, and who answers for it. */
export interface ClinicalChangeRow {
  version: number;
  publishedAt: Date;
  publishedBy: string;
  /** Who wrote the change (the draft's editors). */
  editors: string[];
  /** The medical reviewer whose approval covered it; null when none did. */
  approvedBy: string | null;
  approvedAt: Date | null;
}

export interface FieldProvenanceRow {
  field: string;
  source: SourceRow | null;
  changes: ClinicalChangeRow[];
}

interface RevisionRow {
  action: string;
  source: string;
  actorLabel: string;
  changedFields: string[];
  createdAt: Date;
  version: number;
}

interface ApprovalRow {
  fields: string[];
  reviewerLabel: string;
  createdAt: Date;
}

/** How much history one provenance answer reads, and how many changes (newest) it lists. */
const MAX_REVISIONS = 1000;
const MAX_CHANGES = 50;
const MAX_EDITORS = 10;

/**
 * Where an item's clinical values come from: the source paragraph a seeded
 * value was taken from, then every change of it that went live, with the
 * editors who wrote it, who published it and the reviewer who approved it.
 */
@Injectable()
export class ClinicalProvenanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: EditorReadsService,
  ) {}

  async of(actor: Actor, type: ContentType, id: string): Promise<FieldProvenanceRow[]> {
    // Editors of the brand (and its preview keys) only, as drafts are.
    const item = await this.reads.get({ actor, source: 'API' }, type, id);
    const [settings] = await settingsOf(this.db.manager, [item.brandId]);
    const properties = clinicalProperties(item, settings.regulatedFields);
    if (properties.length === 0) return [];
    const [sources, revisions, approvals] = await Promise.all([
      this.db.query(
        `SELECT field, document, line, quote FROM clinical_sources
          WHERE entity_type = $1 AND entity_id = $2 ORDER BY field`,
        [type, id],
      ) as Promise<SourceRow[]>,
      this.db.query(
        `SELECT action, source, actor_label AS "actorLabel", changed_fields AS "changedFields",
                created_at AS "createdAt", version
           FROM revisions WHERE entity_type = $1 AND entity_id = $2 ORDER BY id LIMIT ${MAX_REVISIONS}`,
        [type, id],
      ) as Promise<RevisionRow[]>,
      this.db.query(
        `SELECT fields, reviewer_label AS "reviewerLabel", created_at AS "createdAt"
           FROM medical_reviews WHERE entity_type = $1 AND entity_id = $2 AND decision = 'APPROVED'
          ORDER BY created_at`,
        [type, id],
      ) as Promise<ApprovalRow[]>,
    ]);
    return properties.flatMap(({ property, qualified }): FieldProvenanceRow[] => {
      const changes = changesOf(property, qualified, revisions, approvals);
      const own = sources.filter(
        (source) => source.field === property || source.field.startsWith(`${property}.`),
      );
      return own.length
        ? own.map((source) => ({ field: source.field, source, changes }))
        : [{ field: property, source: null, changes }];
    });
  }
}

/** The item's properties that hold regulated values, with their "TYPE.field" names. */
function clinicalProperties(
  item: ItemView,
  regulated: readonly string[],
): { property: string; qualified: string }[] {
  if (item.type === 'OVERRIDE') {
    const qualified = `${String(item.values.entityType)}.${String(item.values.field)}`;
    return regulated.includes(qualified) ? [{ property: 'value', qualified }] : [];
  }
  const def = CONTENT_TYPE_DEFS[item.type];
  return [...Object.keys(def.columns), ...Object.keys(def.links ?? {})]
    .map((property) => ({ property, qualified: `${item.type}.${property}` }))
    .filter(({ qualified }) => regulated.includes(qualified));
}

/** Every publish that changed the property, with its editors and covering approval. */
function changesOf(
  property: string,
  qualified: string,
  revisions: RevisionRow[],
  approvals: ApprovalRow[],
): ClinicalChangeRow[] {
  const changes: ClinicalChangeRow[] = [];
  let editors = new Set<string>();
  // An approval counts for the publish that ends the draft it was given on.
  let since = new Date(0);
  for (const revision of revisions) {
    // Seeded content went in live, from its source (clinical_sources): nobody's draft.
    if (revision.source === 'SEED') {
      since = new Date(revision.createdAt);
      continue;
    }
    const touches = revision.changedFields.includes(property);
    if (['CREATE', 'UPDATE', 'RESTORE'].includes(revision.action) && touches) {
      editors.add(revision.actorLabel);
    }
    if (revision.action !== 'PUBLISH') continue;
    if (touches) {
      const approval = [...approvals]
        .reverse()
        .find(
          (candidate) =>
            candidate.fields.includes(qualified) &&
            new Date(candidate.createdAt) >= since &&
            new Date(candidate.createdAt) <= new Date(revision.createdAt),
        );
      changes.push({
        version: revision.version,
        publishedAt: revision.createdAt,
        publishedBy: revision.actorLabel,
        editors: [...editors].sort().slice(0, MAX_EDITORS),
        approvedBy: approval?.reviewerLabel ?? null,
        approvedAt: approval?.createdAt ?? null,
      });
    }
    editors = new Set();
    since = new Date(revision.createdAt);
  }
  return changes.reverse().slice(0, MAX_CHANGES);
}
