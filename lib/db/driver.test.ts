import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDriver } from './driver';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('openDriver on PostgreSQL', () => {
  it('logs an idle connection that was lost instead of throwing it', async () => {
    // The pool connects on first use: nothing listens on this port and nothing is dialled.
    const driver = openDriver({ url: 'postgresql://nobody@127.0.0.1:9/none' });
    if (driver.kind !== 'postgres') throw new Error('expected a PostgreSQL driver');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // What pg-pool does when an idle client's backend ends: an 'error' on the pool. Emitted
      // with no listener it is thrown, and in a server that is an uncaught exception.
      const closed = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      expect(() => driver.pool.emit('error', closed)).not.toThrow();
      expect(logged).toHaveBeenCalledWith('[db] an idle PostgreSQL connection was lost: terminating connection due to administrator command');
    } finally {
      await driver.close();
    }
  });
});
