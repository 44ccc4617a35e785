/**
 * JSON whose text is ASCII: every non-ASCII character of a string value is
 * written as a `\uXXXX` escape, which JSON parsers read back as the same
 * character. V8 builds the text of a value holding any character beyond
 * Latin-1 (a price label's em dash) as a two-byte string, so stringifying
 * it, copying it into UTF-8 and the client's decoding of it into a string
 * again each take longer than for one-byte text of the same values.
 */

declare global {
  interface JSON {
    /** A value JSON.stringify writes as the given JSON text (Node 21+; not in TypeScript's lib yet). */
    rawJSON(text: string): unknown;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;
const EACH_NON_ASCII = /[\u0080-\uffff]/g;

/** A UTF-16 code unit as a JSON escape (a character beyond the BMP is two: its surrogate pair). */
const escapeUnit = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `value` with each string that holds a non-ASCII character (in objects and
 * arrays, deeply) replaced by a raw JSON value that JSON.stringify writes
 * with those characters escaped: its text is then ASCII and parses to the
 * same values. Only for a value about to be stringified: anything else
 * would see raw JSON objects where the strings were. Copies an object or
 * array only where something in it changed (a result may hold values it
 * shares with others, such as a JSON scalar's), and returns `value` itself
 * when nothing did.
 */
export function withAsciiStrings<T>(value: T): T {
  if (typeof value === 'string') {
    return (NON_ASCII.test(value) ? asciiJson(value) : value) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const escaped = withAsciiStrings(item);
      if (escaped !== item) (copy ??= [...value])[i] = escaped;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // Object.keys and an indexed loop: about twice as fast as for…in here.
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]];
    const escaped = withAsciiStrings(item);
    if (escaped !== item) (copy ??= { ...record })[keys[i]] = escaped;
  }
  return (copy ?? value) as T;
}

/**
 * Raw JSON values of short strings escaped lately, kept for the strings
 * that come back: the labels of a page of prices repeat a few names (500
 * labels, tens of distinct ones). Emptied when full; a raw JSON value is
 * frozen, so answers may share it.
 */
const escapedLately = new Map<string, unknown>();
const MEMO_ENTRIES = 500;
const MEMO_MAX_LENGTH = 200;

function asciiJson(text: string): unknown {
  let raw = escapedLately.get(text);
  if (raw === undefined) {
    raw = JSON.rawJSON(JSON.stringify(text).replace(EACH_NON_ASCII, escapeUnit));
    if (text.length <= MEMO_MAX_LENGTH) {
      if (escapedLately.size >= MEMO_ENTRIES) escapedLately.clear();
      escapedLately.set(text, raw);
    }
  }
  return raw;
}
