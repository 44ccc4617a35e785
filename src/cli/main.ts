import { Logger, type LoggerService } from '@nestjs/common';
import { runCli } from './run-cli';

// Nest's logger (migrations report through it) writes plain lines to
// stderr here, so stdout carries only the results.
const toStderr = (message: unknown) => process.stderr.write(`${String(message)}\n`);
const stderrLogger: LoggerService = { log: toStderr, warn: toStderr, error: toStderr };
Logger.overrideLogger(stderrLogger);

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
