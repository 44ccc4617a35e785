import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const LAUNCHER = join(__dirname, 'start-api.sh');

interface Settings {
  heapLimitMb: number;
  execArgv: string[];
  arenas?: string;
  mmapThreshold?: string;
  trimThreshold?: string;
}

/** What node, started by the launcher with `env`, reports about its memory settings. */
function settingsUnder(env: Record<string, string>): Settings {
  const run = spawnSync(
    LAUNCHER,
    [
      '-e',
      `console.log(JSON.stringify({
        heapLimitMb: require('node:v8').getHeapStatistics().heap_size_limit / 1048576,
        execArgv: process.execArgv,
        arenas: process.env.MALLOC_ARENA_MAX,
        mmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_,
        trimThreshold: process.env.MALLOC_TRIM_THRESHOLD_,
      }))`,
    ],
    { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('scripts/start-api.sh', () => {
  it('runs node with the heap capped and the malloc settings', () => {
    const unset = settingsUnder({});
    // Old space 160 MB plus the young generation (three semi-spaces).
    expect(unset.heapLimitMb).toBe(160 + 3 * 16);
    expect(unset.execArgv).toContain('--heap-growing-percent=100');
    expect(unset.arenas).toBe('2');
    expect(unset.mmapThreshold).toBe(String(2 * 1024 * 1024));
    expect(unset.trimThreshold).toBe(String(2 * 1024 * 1024));
  });

  it("lets the caller's NODE_OPTIONS and MALLOC_ARENA_MAX win", () => {
    const chosen = settingsUnder({
      NODE_OPTIONS: '--max-old-space-size=512',
      MALLOC_ARENA_MAX: '4',
    });
    expect(chosen.heapLimitMb).toBe(512 + 3 * 16);
    expect(chosen.arenas).toBe('4');
  });
});
