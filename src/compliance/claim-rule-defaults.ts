/** A rule of the claims linter, as stored (claim_rules) and as the linter reads it. */
export interface ClaimRuleSpec {
  /** Matched as whole words, in any case; exactly one of phrase and pattern is set. */
  phrase: string | null;
  /** RE2 syntax (linear time, no backreferences), matched in any case. */
  pattern: string | null;
  severity: 'BLOCK' | 'WARN';
  /** What the editor reads next to the hit: why the wording is a problem. */
  reason: string;
  /** Only content shown in this region (its clinics), or in this US state. */
  regionId: string | null;
  state: string | null;
}

const FTC =
  'FTC Health Products Compliance Guidance (2022): health claims need competent and reliable scientific evidence';

const rule = (
  match: { phrase: string } | { pattern: string },
  severity: 'BLOCK' | 'WARN',
  reason: string,
): ClaimRuleSpec => ({
  phrase: 'phrase' in match ? match.phrase : null,
  pattern: 'pattern' in match ? match.pattern : null,
  severity,
  reason,
  regionId: null,
  state: null,
});

/**
 * The set a brand starts with (the seed installs it; brand editors change it
 * afterwards). The reasons paraphrase the FTC's guidance on health claims:
 * an advertiser needs competent and reliable scientific evidence for every
 * objective health claim it makes or implies, the more so the more absolute
 * the claim, and must not misstate a product's regulatory status. Patterns
 * are written so the seeded micro-needling article lints clean of BLOCK hits
 * (docs/compliance.md lists its WARN hits and why they stand).
 */
export const DEFAULT_CLAIM_RULES: readonly ClaimRuleSpec[] = [
  rule(
    { phrase: 'painless' },
    'BLOCK',
    `An absolute claim about sensation: most patients feel some discomfort, so "painless" is not substantiated (${FTC}). Describe what patients usually feel instead, e.g. "most people describe light pressure".`,
  ),
  rule(
    {
      pattern:
        '\\bpermanent(ly)?\\s+(result|results|fix|fixes|solution|solutions|cure|removal|reduction|improvement)\\b',
    },
    'BLOCK',
    `A claim that results last forever: collagen declines with age and results need maintenance, so permanence cannot be substantiated (${FTC}). Say how long results usually last and what maintains them.`,
  ),
  rule(
    { pattern: '\\bguarantee(d|s)?\\b' },
    'BLOCK',
    `A guaranteed outcome is an absolute claim no clinical evidence supports, since results vary by patient (${FTC}). Describe typical results and what they depend on.`,
  ),
  rule(
    { pattern: '\\bcure(s|d)?\\b' },
    'BLOCK',
    `"Cure" claims a disease or condition goes away for good: a disease claim that needs rigorous clinical substantiation, which aesthetic treatments rarely have (${FTC}). Say "improves" or "reduces the appearance of".`,
  ),
  rule(
    { pattern: '\\bFDA[-\\s]+approved\\b' },
    'BLOCK',
    'Misstates regulatory status: micro-needling devices are FDA-cleared (510(k)) or unregulated, not "approved", and the FTC treats a false or misleading regulatory claim as deceptive. Say "performed with an FDA-cleared device" only when that is true of the device used.',
  ),
  rule(
    { pattern: '\\b(no|zero)\\s+downtime\\b' },
    'BLOCK',
    `Contradicts the treatment's own facts (redness and swelling for one to two days); an implied claim must be true too (${FTC}). Say "minimal downtime" and give the usual recovery time.`,
  ),
  rule(
    {
      pattern:
        '\\b(100\\s*%|completely|totally|perfectly|entirely)\\s+safe\\b|\\brisk[-\\s]free\\b|\\bno\\s+side[-\\s]effects\\b',
    },
    'BLOCK',
    `No medical procedure is free of risk; an absolute safety claim is deceptive unless it is true for every patient (${FTC}). Name the common side effects and who should not be treated.`,
  ),
  rule(
    { pattern: '\\bclinically\\s+(proven|tested)\\b' },
    'WARN',
    `"Clinically proven" claims a level of evidence: keep it only where well-controlled studies of this treatment show the stated effect, and cite them (${FTC}).`,
  ),
  rule(
    { pattern: '\\bscience[-\\s]+(backed|based|driven)\\b' },
    'WARN',
    `Implies scientific proof: the FTC reads an appeal to science as a claim of substantiation, so keep it only where the evidence supports the specific effects named nearby (${FTC}).`,
  ),
  rule(
    { pattern: '\\b(instant|immediate)\\s+results?\\b' },
    'WARN',
    `Collagen builds over weeks: "instant results" overstates what patients see after one session (${FTC}). Say when results usually appear.`,
  ),
];
