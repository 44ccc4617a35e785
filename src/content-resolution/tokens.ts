/**
 * `{{clinic.name}}`-style tokens in brand copy, rendered per clinic at
 * delivery. Invariant: rendered text never contains a raw `{{` or `}}`.
 */

export const KNOWN_TOKENS = [
  'clinic.name',
  'clinic.city',
  'clinic.phone',
  'clinic.email',
  'clinic.address',
  'clinic.region',
  'brand.name',
] as const;
export type KnownToken = (typeof KNOWN_TOKENS)[number];

export interface TokenContext {
  brand: { name: string };
  /** null = brand-only rendering (no clinic selected). */
  clinic: {
    name: string;
    city: string;
    phone: string | null;
    email: string | null;
    addressLine1: string;
    addressRegion: string | null;
    postalCode: string | null;
  } | null;
}

/** `{{ name }}` on one line; the name is checked against KNOWN_TOKENS after. */
const TOKEN = /\{\{[ \t]*([^{}\r\n]*?)[ \t]*\}\}/g;
const STRAY = /\{\{|\}\}/g;
/** Marks where a token or stray brace rendered to nothing, so only those spots are tidied (Markdown relies on whitespace elsewhere). A private-use character, stripped from the input first. */
const GAP = '\uE000';
const GAP_RUN = /[ \t]*\uE000(?:[ \t]*\uE000)*[ \t]*/g;

const isKnown = (name: string): name is KnownToken =>
  (KNOWN_TOKENS as readonly string[]).includes(name);

function tokenValue(name: KnownToken, { brand, clinic }: TokenContext): string {
  if (name === 'brand.name') return brand.name;
  // Why: "our clinic"-style copy still reads well when the brand stands in.
  if (!clinic) return name === 'clinic.name' ? brand.name : '';
  switch (name) {
    case 'clinic.name':
      return clinic.name;
    case 'clinic.city':
      return clinic.city;
    case 'clinic.phone':
      return clinic.phone ?? '';
    case 'clinic.email':
      return clinic.email ?? '';
    case 'clinic.region':
      return clinic.addressRegion ?? '';
    case 'clinic.address': {
      const regionLine = [clinic.addressRegion, clinic.postalCode]
        .filter((p) => p?.trim())
        .join(' ');
      return [clinic.addressLine1, clinic.city, regionLine].filter((p) => p?.trim()).join(', ');
    }
  }
}

/** Renders known tokens; unknown tokens and stray braces disappear. */
export function renderTokens(text: string, context: TokenContext): string {
  // Most text has no token at all: nothing below would change it.
  if (!text.includes('{{') && !text.includes('}}') && !text.includes(GAP)) return text;
  const rendered = text
    .replaceAll(GAP, '')
    .replace(TOKEN, (_m, name: string) => {
      const value = isKnown(name) ? tokenValue(name, context) : '';
      return value === '' ? GAP : value;
    })
    .replace(STRAY, GAP);
  let out = rendered.replace(GAP_RUN, tidyGap);
  // Removing gaps can join `{` + `{` again (e.g. "{{{x}}{"): strip until none.
  while (out.includes('{{') || out.includes('}}')) {
    out = out.replace(STRAY, '');
  }
  return out;
}

/** Closes the hole a removed token leaves without touching other whitespace. */
function tidyGap(run: string, offset: number, whole: string): string {
  const prev = whole[offset - 1];
  const next = whole[offset + run.length];
  // Before punctuation or a line end: "at {{clinic.phone}}." → "at."
  if (next === undefined || /[\r\n.,;:!?)\]]/.test(next)) return '';
  // At a line start keep the indentation (Markdown lists, code blocks).
  if (prev === undefined || prev === '\n' || prev === '\r') {
    return run.slice(0, run.length - run.trimStart().length);
  }
  if (prev === '(' || prev === '[') return '';
  return /[ \t]/.test(run) ? ' ' : '';
}

/** Every string inside arrays and plain objects rendered; keys untouched. */
export function renderTokensDeep<T>(value: T, context: TokenContext): T {
  if (typeof value === 'string') return renderTokens(value, context) as T;
  if (Array.isArray(value)) {
    return value.map((v: unknown) => renderTokensDeep(v, context)) as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderTokensDeep(v, context)]),
    ) as T;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * For save-time validation: unknown token names (e.g. "clinic.fax") and
 * malformed fragments (e.g. "{{clinic.name}" or "{{ }}"), in order, once each.
 */
export function findUnknownTokens(text: string): string[] {
  const found: string[] = [];
  const rest = text.replace(TOKEN, (whole, name: string) => {
    if (!isKnown(name)) found.push(name === '' ? whole : name);
    return ' ';
  });
  for (const m of rest.matchAll(/\{\{[^\s{}]*|[^\s{}]*\}\}/g)) {
    found.push(m[0]);
  }
  return [...new Set(found)];
}
