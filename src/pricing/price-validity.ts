import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';

/** What decides whether two price items of one offering clash. */
export interface PriceTerms {
  id: string;
  label: string;
  kind: string;
  sessions?: number | null;
  /** "YYYY-MM-DD", inclusive; null = open (since ever / for ever). */
  validFrom: string | null;
  validUntil: string | null;
  /** ISO 4217; checked against the clinic's currency when both are known. */
  currency?: string;
}

export interface PriceProblem {
  path: string;
  rule: string;
}

/** Do two validity ranges share a day? Ends are inclusive, a missing end is open. */
export function validityOverlaps(
  a: Pick<PriceTerms, 'validFrom' | 'validUntil'>,
  b: Pick<PriceTerms, 'validFrom' | 'validUntil'>,
): boolean {
  // ISO dates order like the days they name.
  const startsBeforeEnd = (x: typeof a, y: typeof b) =>
    x.validFrom === null || y.validUntil === null || x.validFrom <= y.validUntil;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();
const span = (terms: PriceTerms) => `${terms.validFrom ?? 'open'} to ${terms.validUntil ?? 'open'}`;

/**
 * The rules a price item keeps with its offering's other items: it is in
 * its clinic's currency (a page shows one currency, and the clinic's locale
 * formats it), a PACKAGE says how many sessions it holds, its validity does
 * not end before it starts, and no other item with the same label (ignoring
 * case and spacing) and kind is valid on any of the same days, so a clinic
 * page never shows two prices for one offer. Pure; `others` are the other
 * items' working copies.
 */
export function priceItemProblems(
  item: PriceTerms,
  others: PriceTerms[],
  clinicCurrency?: string,
): PriceProblem[] {
  const problems: PriceProblem[] = [];
  if (clinicCurrency && item.currency && item.currency.toUpperCase() !== clinicCurrency) {
    problems.push({ path: 'currency', rule: `must be the clinic’s currency (${clinicCurrency})` });
  }
  if (item.kind === 'PACKAGE' && item.sessions == null) {
    problems.push({ path: 'sessions', rule: 'is required for a PACKAGE' });
  }
  if (item.validFrom && item.validUntil && item.validUntil < item.validFrom) {
    problems.push({ path: 'validUntil', rule: `must not be before validFrom (${item.validFrom})` });
    return problems;
  }
  const clash = others.find(
    (other) =>
      other.id !== item.id &&
      other.kind === item.kind &&
      labelKey(other.label) === labelKey(item.label) &&
      validityOverlaps(item, other),
  );
  if (clash) {
    problems.push({
      path: 'validFrom',
      rule: `validity ${span(item)} overlaps price item ${clash.id} ("${clash.label}", ${clash.kind}, valid ${span(clash)}); items of one offering with the same label and kind may not be valid on the same day`,
    });
  }
  return problems;
}

/**
 * The PRICE_ITEM content type's validate hook: checks the item's working
 * copy against the working copies of its offering's other items (drafts
 * included; an item staged for deletion still counts until the deletion is
 * published). The offering row is locked first and stays locked until the
 * write commits, so two saves that would overlap each other serialize and
 * the second sees the first. FOR NO KEY UPDATE does not block the key-share
 * lock a concurrent insert's foreign key check takes, so two creates wait
 * for each other here instead of deadlocking.
 */
export async function validatePriceItem(
  tx: EntityManager,
  id: string,
  working: Record<string, unknown>,
): Promise<void> {
  const [{ clinicCurrency }]: { clinicCurrency: string }[] = await tx.query(
    `SELECT CASE WHEN c.draft ? 'currency' THEN c.draft->>'currency' ELSE c.currency END
              AS "clinicCurrency"
       FROM clinic_treatments ct
       JOIN price_items p ON p.clinic_treatment_id = ct.id
       JOIN clinics c ON c.id = ct.clinic_id
      WHERE p.id = $1 FOR NO KEY UPDATE OF ct`,
    [id],
  );
  const others: PriceTerms[] = await tx.query(
    `SELECT p.id,
            CASE WHEN p.draft ? 'label' THEN p.draft->>'label' ELSE p.label END AS label,
            CASE WHEN p.draft ? 'kind' THEN p.draft->>'kind' ELSE p.kind END AS kind,
            CASE WHEN p.draft ? 'validFrom' THEN p.draft->>'validFrom'
                 ELSE to_char(p.valid_from, 'YYYY-MM-DD') END AS "validFrom",
            CASE WHEN p.draft ? 'validUntil' THEN p.draft->>'validUntil'
                 ELSE to_char(p.valid_until, 'YYYY-MM-DD') END AS "validUntil"
       FROM price_items p
      WHERE p.clinic_treatment_id = (SELECT clinic_treatment_id FROM price_items WHERE id = $1)
        AND p.id <> $1`,
    [id],
  );
  const problems = priceItemProblems(
    {
      id,
      label: working.label as string,
      kind: working.kind as string,
      sessions: (working.sessions as number | null | undefined) ?? null,
      validFrom: (working.validFrom as string | null | undefined) ?? null,
      validUntil: (working.validUntil as string | null | undefined) ?? null,
      currency: working.currency as string,
    },
    others,
    clinicCurrency,
  );
  if (problems.length) {
    throw new DomainError(
      'BAD_USER_INPUT',
      problems.map((problem) => `${problem.path}: ${problem.rule}`).join('; '),
      { argument: problems[0].path, problems },
    );
  }
}
