import { describe, expect, it } from 'vitest';
import { NoPrimaryError, isFailoverError } from './failover-errors';
import { DatabaseUnavailableError, retryOnFailover } from './retry';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isFailoverError: which errors mean the primary is gone or is not the primary', () => {
  it.each([
    ['read_only_sql_transaction (a standby asked to write)', pgError('25006')],
    ['admin_shutdown', pgError('57P01')],
    ['crash_shutdown', pgError('57P02')],
    ['cannot_connect_now', pgError('57P03')],
    ['connection_failure', pgError('08006')],
    ['a refused connection', pgError('ECONNREFUSED')],
    ['a reset connection', pgError('ECONNRESET')],
    ['a connection node-postgres lost', new Error('Connection terminated unexpectedly')],
    ['a connection not made in time', new Error('Connection terminated due to connection timeout')],
    ['no primary among the hosts', new NoPrimaryError('No primary')],
  ])('%s is one', (_name, e) => {
    expect(isFailoverError(e)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a serialization failure', pgError('40001')],
    ['an error of ours', new Error('The learner was erased')],
    // Every pooled connection busy for the whole wait: a saturated pool, not a lost primary.
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    ['not an error', 'ECONNRESET'],
    ['nothing', undefined],
  ])('%s is not', (_name, e) => {
    expect(isFailoverError(e)).toBe(false);
  });
});

/** A clock that moves only when the retry sleeps. */
function fakeTime() {
  const t = { now: 0, pauses: [] as number[] };
  return {
    t,
    policy: {
      now: () => t.now,
      sleep: async (ms: number) => {
        t.pauses.push(ms);
        t.now += ms;
      },
      jitter: () => 1,
    },
  };
}

describe('retryOnFailover', () => {
  it('sends the work again after failover errors, with growing pauses, until it succeeds', async () => {
    const { t, policy } = fakeTime();
    const errors = [pgError('ECONNREFUSED'), new NoPrimaryError('none'), pgError('25006')];
    let calls = 0;
    const result = await retryOnFailover(
      async () => {
        calls++;
        const e = errors.shift();
        if (e) throw e;
        return 'stored';
      },
      { ...policy, windowMs: 30_000 },
    );
    expect(result).toBe('stored');
    expect(calls).toBe(4);
    expect(t.pauses).toEqual([50, 100, 200]);
  });

  it('caps the pause and gives up with DatabaseUnavailableError when the window has passed', async () => {
    const { t, policy } = fakeTime();
    let calls = 0;
    const run = retryOnFailover(
      async () => {
        calls++;
        throw pgError('57P01', 'terminating connection due to administrator command');
      },
      { ...policy, windowMs: 5_000 },
    );
    await expect(run).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(run).rejects.toThrow(/administrator command/);
    expect(Math.max(...t.pauses)).toBe(1000);
    expect(t.now).toBe(5_000);
    expect(calls).toBe(t.pauses.length + 1);
  });

  it('throws any other error at once, without sending the work again', async () => {
    const { t, policy } = fakeTime();
    let calls = 0;
    const run = retryOnFailover(
      async () => {
        calls++;
        throw pgError('23505', 'duplicate key');
      },
      { ...policy, windowMs: 30_000 },
    );
    await expect(run).rejects.toThrow('duplicate key');
    expect(calls).toBe(1);
    expect(t.pauses).toEqual([]);
  });

  it('tries once with a window of 0', async () => {
    const { policy } = fakeTime();
    let calls = 0;
    const run = retryOnFailover(
      async () => {
        calls++;
        throw pgError('ECONNRESET');
      },
      { ...policy, windowMs: 0 },
    );
    await expect(run).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(calls).toBe(1);
  });

  it('pauses between half and all of each step (jitter)', async () => {
    const { t, policy } = fakeTime();
    let calls = 0;
    await retryOnFailover(
      async () => {
        if (calls++ < 2) throw pgError('ECONNRESET');
        return 1;
      },
      { ...policy, jitter: () => 0, windowMs: 30_000 },
    );
    expect(t.pauses).toEqual([25, 50]);
  });
});
