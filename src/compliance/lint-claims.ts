import { RE2JS } from 're2js';
import type { ClaimRuleSpec } from './claim-rule-defaults';

/** A rule as the linter runs it: its id and where it applies. */
export interface ClaimRule extends ClaimRuleSpec {
  id: string;
}

/** One place where a text matches a rule. */
export interface ClaimHit {
  /** Where in the item, e.g. "disclaimer", "sections.2.body", "aftercare.0". */
  field: string;
  /** The words matched, as written. */
  phrase: string;
  ruleId: string;
  severity: 'BLOCK' | 'WARN';
  reason: string;
}

/** The places an item's text is shown: every place for brand content. */
export interface TextPlaces {
  everywhere: boolean;
  regionIds: string[];
  states: string[];
}

/** A text of an item, with the path of the field it sits in. */
export interface FieldText {
  field: string;
  text: string;
}

/** Hits of one text are capped: a page pasted twenty times warns once per rule and field. */
const MAX_HITS_PER_RULE_AND_FIELD = 3;

/**
 * The RE2 program of a rule (linear-time matching, so an editor's pattern
 * can never stall a save). A phrase matches as whole words: "cure" does not
 * match "secure". Throws on a pattern RE2 refuses.
 */
export function compileRule(rule: Pick<ClaimRuleSpec, 'phrase' | 'pattern'>): RE2JS {
  const flags = RE2JS.CASE_INSENSITIVE;
  if (rule.pattern !== null) return RE2JS.compile(rule.pattern, flags);
  const phrase = rule.phrase!.trim();
  const edge = (ch: string) => (/[\p{L}\p{N}_]/u.test(ch) ? '\\b' : '');
  const words = phrase
    .split(/\s+/)
    .map((word) => RE2JS.quote(word))
    .join('\\s+');
  return RE2JS.compile(`${edge(phrase[0])}${words}${edge(phrase[phrase.length - 1])}`, flags);
}

/** Whether a rule applies to text shown at these places. */
export function appliesAt(rule: ClaimRuleSpec, places: TextPlaces): boolean {
  if (rule.regionId === null && rule.state === null) return true;
  if (places.everywhere) return true;
  if (rule.regionId !== null) return places.regionIds.includes(rule.regionId);
  return places.states.includes(rule.state!);
}

/** Every hit of the rules that apply at `places`, in text order per field. */
export function lintTexts(
  texts: readonly FieldText[],
  rules: readonly ClaimRule[],
  places: TextPlaces,
): ClaimHit[] {
  const hits: ClaimHit[] = [];
  const programs = rules
    .filter((rule) => appliesAt(rule, places))
    .map((rule) => ({ rule, program: compileRule(rule) }));
  for (const { field, text } of texts) {
    for (const { rule, program } of programs) {
      const matcher = program.matcher(text);
      for (let n = 0; n < MAX_HITS_PER_RULE_AND_FIELD && matcher.find(); n++) {
        hits.push({
          field,
          phrase: matcher.group() ?? '',
          ruleId: rule.id,
          severity: rule.severity,
          reason: rule.reason,
        });
      }
    }
  }
  return hits;
}

/**
 * The texts of the given properties of an item's values, with their paths:
 * strings as they are, lists and objects (sections) walked down.
 * `rename` names the property in the paths (an override's `value` is
 * reported under the field it overrides).
 */
export function textsOf(
  values: Record<string, unknown>,
  properties: readonly string[],
  rename: (property: string) => string = (property) => property,
): FieldText[] {
  const texts: FieldText[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.trim()) texts.push({ field: path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    }
  };
  for (const property of properties) walk(values[property], rename(property));
  return texts;
}
