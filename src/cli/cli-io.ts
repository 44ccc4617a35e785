/** Where a command writes and what it reads; the process's own in main.ts. */
export interface CliIo {
  /** Results, for people and scripts (create-key's key is the last line). */
  out(text: string): void;
  /** Progress and errors. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}
