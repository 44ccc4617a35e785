import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(__dirname, '../..');
// A first run of the embedded server initialises its cluster: slow on a loaded machine.
const TIMEOUT_MS = 170_000;

/**
 * Runs `npm run -s <script> -- <args>` in a child process, as an operator
 * would, with `env` on top of this process's environment (CLI_PASSWORD
 * removed unless given; a variable given as undefined is removed) and
 * `input` on stdin (else stdin is closed at once).
 */
export function runNpmScript(
  script: 'cli' | 'seed' | 'db:backup' | 'db:restore',
  args: string[] = [],
  { env = {}, input }: { env?: Record<string, string | undefined>; input?: string } = {},
): Promise<ScriptResult> {
  const childEnv = { ...process.env };
  delete childEnv.CLI_PASSWORD;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: ROOT,
    env: childEnv,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`npm run ${script} ${args.join(' ')} took over ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** The non-empty lines of an output. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter(Boolean);
}
