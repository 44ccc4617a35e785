import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearStalePostmasterPid } from './embedded-postgres';

describe('clearStalePostmasterPid', () => {
  let dir: string;
  const pidFile = () => join(dir, 'postmaster.pid');
  const writePid = (pid: number) => writeFile(pidFile(), `${pid}\n${dir}\n`);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cca-pid-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('does nothing without a pid file', async () => {
    await expect(clearStalePostmasterPid(dir)).resolves.toBeUndefined();
  });

  it('removes a pid file whose process is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => child.on('exit', done));
    await writePid(child.pid!);
    await clearStalePostmasterPid(dir);
    expect(existsSync(pidFile())).toBe(false);
  });

  it('removes a pid file whose PID now belongs to another program', async () => {
    await writePid(process.pid);
    await clearStalePostmasterPid(dir);
    expect(existsSync(pidFile())).toBe(false);
  });
});
