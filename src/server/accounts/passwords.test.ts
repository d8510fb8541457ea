import { describe, expect, it } from 'vitest';
import { JUDGED_LENGTH, PASSWORD_MAX, passwordProblem } from './passwords';

describe('password strength', () => {
  it('judges the first characters only, so a long password costs what a short one does', async () => {
    const strongTail = 'violet kettle harbour drums on a quiet tuesday'.repeat(4);
    // A weak start stays weak, whatever follows it past the judged length.
    const weakStart = 'password'.repeat(JUDGED_LENGTH / 8);
    expect(await passwordProblem(`${weakStart}${strongTail}`.slice(0, PASSWORD_MAX))).toBe(
      'too_weak',
    );
    // The same tail inside the judged length makes it strong.
    expect(await passwordProblem(`password${strongTail}`.slice(0, PASSWORD_MAX))).toBeNull();
  });
});
