import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { sameValue } from '../content-resolution/resolve-fields';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import type { ItemView } from '../editing/item-view';
import { gateRulesOf } from './compliance-settings';
import { latestReviewsOfContent } from './medical-reviews';
import { contentHash, regulatedChanges } from './regulated-fields';
import { itemTexts, placesKey, textPlacesBatch } from './item-claims';
import { lintTexts } from './lint-claims';

/** Why one field of one item in a changeset may not go live. */
export interface ComplianceProblem {
  type: string;
  id: string;
  field: string;
  kind: 'CLAIM_BLOCKED' | 'REVIEW_REQUIRED';
  /** The words a BLOCK rule matched. */
  phrase?: string;
  ruleId?: string;
  reason: string;
}

/** Each brand's settings and BLOCK rules, by brand id. */
type BrandRules = Map<string, Awaited<ReturnType<typeof gateRulesOf>>[number]>;

/**
 * The compliance checks of publishing, run by the publisher on every
 * changeset (an editor's publish and a schedule's, at run time) after its
 * items are locked and before any is applied: the whole changeset is
 * refused, naming each item and field at fault, or it goes on.
 */
@Injectable()
export class CompliancePublishGate {
  async check(tx: EntityManager, items: readonly ItemView[]): Promise<void> {
    // What goes live changed: a deletion publishes no content.
    const changing = items.filter((item) => item.hasDraft && !item.pendingDelete);
    if (changing.length === 0) return;
    const brandIds = [...new Set(changing.map((item) => item.brandId))];
    const rules: BrandRules = new Map(
      (await gateRulesOf(tx, brandIds)).map((row, i) => [brandIds[i], row] as const),
    );
    const problems = [
      ...(await this.unapprovedChanges(tx, changing, rules)),
      ...(await this.blockedClaims(tx, changing, rules)),
    ];
    if (problems.length === 0) return;
    const list = problems
      .map((p) => `${p.type} ${p.id} ${p.field}: ${p.phrase ? `"${p.phrase}" ` : ''}(${p.reason})`)
      .join('; ');
    throw new DomainError('COMPLIANCE_BLOCKED', `Publishing refused: ${list}`, { problems });
  }

  /**
   * Regulated changes without an approval of the exact content being
   * published, in brands that require medical review.
   */
  private async unapprovedChanges(
    tx: EntityManager,
    changing: readonly ItemView[],
    rules: BrandRules,
  ): Promise<ComplianceProblem[]> {
    const needing = changing
      .map((item) => {
        const brand = rules.get(item.brandId)!;
        const fields = brand.medicalReviewRequired
          ? regulatedChanges(item, brand.regulatedFields)
          : [];
        return { item, fields, hash: contentHash(item) };
      })
      .filter((entry) => entry.fields.length > 0);
    const reviews = await latestReviewsOfContent(
      tx,
      needing.map(({ item, hash }) => ({ type: item.type, id: item.id, hash })),
    );
    return needing.flatMap(({ item, fields }, i) => {
      const review = reviews[i];
      if (review?.decision === 'APPROVED') return [];
      const reason =
        review?.decision === 'CHANGES_REQUESTED'
          ? `a medical reviewer requested changes${review.comment ? `: ${review.comment}` : ''}`
          : 'needs a medical reviewer’s approval of this exact draft (a later edit voids one)';
      return fields.map((field): ComplianceProblem => ({
        type: item.type,
        id: item.id,
        field,
        kind: 'REVIEW_REQUIRED',
        reason,
      }));
    });
  }

  /** BLOCK hits in what the changeset changes (everything of an item not live yet). */
  private async blockedClaims(
    tx: EntityManager,
    changing: readonly ItemView[],
    rules: BrandRules,
  ): Promise<ComplianceProblem[]> {
    if ([...rules.values()].every((brand) => brand.blockRules.length === 0)) return [];
    const places = await textPlacesBatch(
      tx,
      changing.map((item) => placesKey(item.placement)),
    );
    return changing.flatMap((item, i) => {
      const def = CONTENT_TYPE_DEFS[item.type];
      const changed = Object.fromEntries(
        Object.entries(item.values).filter(
          ([property, value]) =>
            item.status !== 'PUBLISHED' || !sameValue(value, item.publishedValues[property]),
        ),
      );
      const texts = itemTexts(def, { ...changed, field: item.values.field });
      return lintTexts(texts, rules.get(item.brandId)?.blockRules ?? [], places[i]).map(
        (hit): ComplianceProblem => ({
          type: item.type,
          id: item.id,
          field: hit.field,
          kind: 'CLAIM_BLOCKED',
          phrase: hit.phrase,
          ruleId: hit.ruleId,
          reason: hit.reason,
        }),
      );
    });
  }
}
