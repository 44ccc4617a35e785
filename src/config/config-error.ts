import { StartupError } from '../startup-error';

/** A missing or malformed setting; the message names the variable and the fix. */
export class ConfigError extends StartupError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
