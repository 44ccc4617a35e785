/**
 * The fields of an update input that the caller set: GraphQL leaves unset
 * optional fields undefined, while an explicit null clears a field.
 */
export function setFields<T extends object>(
  input: T,
  omit: (keyof T)[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(
      ([key, value]) => value !== undefined && !(omit as string[]).includes(key),
    ),
  );
}

/** Plain data from validated input classes (nested class instances → objects). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
