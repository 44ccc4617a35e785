/** A wrong command line. Its message names the argument; the CLI exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec<R extends string, O extends string> {
  required: readonly R[];
  optional?: readonly O[];
}

/**
 * Reads `--flag value` and `--flag=value` options. Anything else (a
 * positional word, an unknown or repeated flag, a flag without its value)
 * is a UsageError, so a typo never silently changes what is created.
 */
export function parseFlags<R extends string, O extends string = never>(
  command: string,
  args: readonly string[],
  spec: FlagSpec<R, O>,
): Record<R, string> & Partial<Record<O, string>> {
  const known = new Set<string>([...spec.required, ...(spec.optional ?? [])]);
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z][a-z-]*)(?:=([\s\S]*))?$/.exec(args[i]);
    if (!match) {
      throw new UsageError(`unexpected argument "${args[i]}": options look like --name <value>`);
    }
    const [, name, inline] = match;
    if (name === 'password') {
      throw new UsageError(
        '--password: a password is never an argument (shell history would keep it); set CLI_PASSWORD, type it at the prompt or pipe it on stdin',
      );
    }
    if (!known.has(name)) throw new UsageError(`--${name}: is not an option of ${command}`);
    if (name in values) throw new UsageError(`--${name}: is given twice`);
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name}: needs a value`);
    }
    if (inline === undefined) i++;
    values[name] = value;
  }
  const missing = spec.required.find((name) => values[name] === undefined);
  if (missing) throw new UsageError(`--${missing}: is required`);
  return values as Record<R, string> & Partial<Record<O, string>>;
}

/** "a, b,c" → ["a", "b", "c"]; undefined when the option is absent. */
export function listOf(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
