import { parseArgs } from 'node:util';

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
 * Reads `--flag value` and `--flag=value` options (node:util parseArgs).
 * Anything else (a positional word, a short, unknown or repeated flag, a
 * flag without its value) is a UsageError, so a typo never silently changes
 * what is created.
 */
export function parseFlags<R extends string, O extends string = never>(
  command: string,
  args: readonly string[],
  spec: FlagSpec<R, O>,
): Record<R, string> & Partial<Record<O, string>> {
  const names: string[] = [...spec.required, ...(spec.optional ?? [])];
  // Not strict: every token comes back, so each mistake gets its own message.
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string> = {};
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.rawName.startsWith('--')) {
      const argument = token.kind === 'option' ? token.rawName : args[token.index];
      throw new UsageError(`unexpected argument "${argument}": options look like --name <value>`);
    }
    const { name, value, inlineValue } = token;
    if (name === 'password') {
      throw new UsageError(
        '--password: a password is never an argument (shell history would keep it); set CLI_PASSWORD, type it at the prompt or pipe it on stdin',
      );
    }
    if (!names.includes(name)) throw new UsageError(`--${name}: is not an option of ${command}`);
    if (name in values) throw new UsageError(`--${name}: is given twice`);
    // parseArgs takes the next argument as the value even when it is the next flag.
    if (value === undefined || (!inlineValue && value.startsWith('--'))) {
      throw new UsageError(`--${name}: needs a value`);
    }
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
