import { useState } from 'react';
import type { CombinedError } from 'urql';
import { isConflict, type Latest, sameValue, type Values } from './conflict';
import { useUnsavedGuard } from './unsaved-guard';

/** What a save answers: the item's new version, or the API's refusal. */
export type SaveOutcome = { version: number | null } | { error: CombinedError };

export interface VersionedForm<V extends Values> {
  /** The editor's values (what the inputs show). */
  values: V;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** What the editor started from: the item's values and version when opened. */
  base: { version: number | null; values: V };
  dirty: boolean;
  saving: boolean;
  /** The last refusal other than a conflict (the form says it in words). */
  error: CombinedError | null;
  /** Set when a save met CONFLICT: the item as it is now. */
  conflict: Latest | null;
  /** Saves the values on the version the editor started from. */
  submit: () => Promise<boolean>;
  /** Saves the editor's values again, on top of the current version. */
  reapply: () => Promise<boolean>;
  /** Drops the editor's values for the current ones. */
  takeTheirs: () => void;
}

/**
 * A form over one versioned item: every save carries the version the editor
 * started from, so a save after someone else's is refused (CONFLICT) rather
 * than overwriting it; the form then holds the editor's values, the current
 * ones and the base, until the editor chooses. While it has unsaved changes
 * the unsaved-changes guard asks before leaving.
 */
export function useVersionedForm<V extends Values>(options: {
  version: number | null;
  values: V;
  save: (values: V, version: number | null) => Promise<SaveOutcome>;
  loadLatest: () => Promise<Latest>;
}): VersionedForm<V> {
  const [base, setBase] = useState({ version: options.version, values: options.values });
  const [values, setValues] = useState(options.values);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [conflict, setConflict] = useState<Latest | null>(null);
  const dirty = Object.keys(values).some((key) => !sameValue(values[key], base.values[key]));
  useUnsavedGuard(dirty);

  async function saveOn(version: number | null): Promise<boolean> {
    setSaving(true);
    setError(null);
    try {
      const outcome = await options.save(values, version);
      if ('version' in outcome) {
        setBase({ version: outcome.version, values });
        setConflict(null);
        return true;
      }
      if (isConflict(outcome.error)) {
        setConflict(await options.loadLatest());
      } else {
        setError(outcome.error);
      }
      return false;
    } finally {
      setSaving(false);
    }
  }

  return {
    values,
    set: (key, value) => setValues((current) => ({ ...current, [key]: value })),
    base,
    dirty,
    saving,
    error,
    conflict,
    submit: () => saveOn(base.version),
    reapply: () => saveOn(conflict?.version ?? null),
    takeTheirs() {
      if (!conflict) return;
      const theirs = Object.fromEntries(
        Object.keys(values).map((key) => [key, conflict.values[key] ?? null]),
      ) as V;
      setBase({ version: conflict.version, values: theirs });
      setValues(theirs);
      setConflict(null);
    },
  };
}
