import { bootstrap } from './bootstrap';

bootstrap().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) {
    console.error((error as { cause?: unknown }).cause ?? error);
  }
  process.exit(1);
});
