import { inspect } from 'node:util';
import { describeStartupError } from '../startup-error';
import { UsageError } from './cli-args';
import type { CliIo } from './cli-io';
import { backup } from './backup.command';
import { createKey } from './create-key.command';
import { createAdmin, createUser } from './create-user.command';
import { Cancelled } from './read-password';
import { restore } from './restore.command';
import { seed } from './seed.command';
import {
  disableUser,
  enableUser,
  resetPassword,
  revokeSessions,
  setRole,
} from './user-account.commands';
import { USAGE } from './usage';

type Command = (args: string[], io: CliIo) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  'create-admin': createAdmin,
  'create-user': createUser,
  'create-key': createKey,
  'disable-user': disableUser,
  'enable-user': enableUser,
  'revoke-sessions': revokeSessions,
  'set-role': setRole,
  'reset-password': resetPassword,
  seed,
  backup,
  restore,
};

const HELP = new Set(['help', '--help', '-h']);

/**
 * Runs one command and answers its exit code: 0 done, 1 failed, 2 wrong
 * arguments, 130 cancelled. A failure is one line on stderr, never a stack
 * trace (LOG_LEVEL=debug adds the underlying error).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (HELP.has(name) || args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Error: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    await command(args, io);
    return 0;
  } catch (error) {
    io.err(`Error: ${describeStartupError(error, { databaseUrl: io.env.DATABASE_URL })}`);
    if (/^(debug|trace)$/.test(io.env.LOG_LEVEL ?? '')) io.err(inspect(error));
    if (error instanceof UsageError) return 2;
    return error instanceof Cancelled ? 130 : 1;
  }
}
