import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { OneBuildAtATime } from './build-guard';

describe('one release build at a time', () => {
  it('refuses a build asked for while another runs, and takes the next once it is done', async () => {
    const guard = new OneBuildAtATime();
    let finish!: (v: string) => void;
    const first = guard.run('2026-t1', () => new Promise<string>((r) => (finish = r)));
    const second = guard.run('2026-t2', async () => 'built');
    await expect(second).rejects.toMatchObject({
      status: 409,
      code: 'build_in_progress',
      message: 'The release of 2026-t1 is being built; build another when it is done',
    });
    finish('done');
    expect(await first).toBe('done');
    expect(await guard.run('2026-t2', async () => 'built')).toBe('built');
  });

  it('lets go when a build fails', async () => {
    const guard = new OneBuildAtATime();
    const boom = new HttpError(422, 'term_not_ended', 'not yet');
    await expect(guard.run('t', () => Promise.reject(boom))).rejects.toBe(boom);
    expect(await guard.run('t', async () => 1)).toBe(1);
  });
});
