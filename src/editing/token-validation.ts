import { badInput } from '../common/domain-error';
import { findUnknownTokens, KNOWN_TOKENS } from '../content-resolution/tokens';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Refuses text with tokens delivery cannot render, naming the field, so a
 * typo like {{clinic.nmae}} is caught at save time, never on a live page.
 */
export function assertKnownTokens(values: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(values)) {
    const unknown = strings(value).flatMap(findUnknownTokens);
    if (unknown.length) {
      throw badInput(
        field,
        `unknown or malformed token ${unknown.map((t) => `"${t}"`).join(', ')}; known tokens: ${KNOWN_TOKENS.map((t) => `{{${t}}}`).join(', ')}`,
      );
    }
  }
}
