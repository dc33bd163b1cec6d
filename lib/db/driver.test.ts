import { describe, expect, it } from 'vitest';
import { openDriver } from './driver';

describe('openDriver on PostgreSQL', () => {
  it("hears the pool's report of a lost idle connection instead of throwing it", async () => {
    // The pool connects on first use: nothing listens on this port and nothing is dialled.
    const driver = openDriver({ url: 'postgresql://nobody@127.0.0.1:9/none' });
    if (driver.kind !== 'postgres') throw new Error('expected a PostgreSQL driver');
    try {
      // What pg-pool does when an idle client's backend ends: an 'error' on the pool (the client
      // logged it). Emitted with no listener it is thrown, and in a server that is an uncaught
      // exception. The real connections are tested in tests/integration/driver.int.test.ts.
      const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      expect(() => driver.pool.emit('error', lost)).not.toThrow();
    } finally {
      await driver.close();
    }
  });
});

describe('openDriver on the embedded database', () => {
  it('says at once, naming the holder, that another live process holds the directory', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'h5-lock-')), 'pglite');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${dir}.lock`, String(holder.pid));
      expect(() => openDriver({ pgliteDir: dir })).toThrow(new RegExp(`in use by process ${holder.pid}.*DATABASE_URL`));
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    // A dead holder's lock is taken over, and given back on close.
    const driver = openDriver({ pgliteDir: dir });
    await driver.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 60_000);
});
