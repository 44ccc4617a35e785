import { createInterface } from 'node:readline';
import { UsageError } from './cli-args';

/** Ctrl-C at the password prompt. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * The new account's password, never from the command line (shell history
 * and `ps` would show it): CLI_PASSWORD when set, else typed twice at a
 * prompt that does not echo, else the first line of stdin (a pipe).
 */
export async function readPassword(env: NodeJS.ProcessEnv, prompt: string): Promise<string> {
  if (env.CLI_PASSWORD !== undefined) return env.CLI_PASSWORD;
  if (process.stdin.isTTY) {
    const first = await promptHidden(prompt);
    const second = await promptHidden('Type it again: ');
    if (first !== second) throw new UsageError('password: the two entries differ');
    return first;
  }
  return firstLineOfStdin();
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) return line;
  return '';
}

/** Reads a line in raw mode, echoing nothing; the prompt goes to stderr. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Raw before the prompt shows, so nothing typed after it is echoed.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      settle();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          return finish(() => resolve(typed.join('')));
        }
        if (char === '\u0003') return finish(() => reject(new Cancelled()));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    stdin.on('data', onData);
  });
}
