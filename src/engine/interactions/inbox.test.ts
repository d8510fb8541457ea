import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { inbox } from './inbox';
import type { InboxArgs, InboxRule } from './inbox';

const message = (id: string) => ({
  id,
  from: text(`${id}.from`),
  address: text(`${id}.address`),
  subject: text(`${id}.subject`),
  body: text(`${id}.body`),
});
const args: InboxArgs = { messages: ['m1', 'm2', 'm3', 'm4'].map(message) };
const flag = (...flagged: string[]) => ({ type: 'inbox' as const, flagged });

describe('inbox', () => {
  it('accepts distinct existing message ids, including none', () => {
    expect(inbox.isValidAnswer(args, flag())).toBe(true);
    expect(inbox.isValidAnswer(args, flag('m2', 'm4'))).toBe(true);
    expect(inbox.isValidAnswer(args, flag('m2', 'm2'))).toBe(false);
    expect(inbox.isValidAnswer(args, flag('m9'))).toBe(false);
  });

  it.each<[InboxRule['rule'], string[], boolean]>([
    ['Flagged', ['m2', 'm4'], true],
    ['Flagged', ['m2', 'm4', 'm1'], true],
    ['Flagged', ['m2'], false],
    ['FlaggedExactly', ['m2', 'm4'], true],
    ['FlaggedExactly', ['m4', 'm2'], true],
    ['FlaggedExactly', ['m2', 'm4', 'm1'], false],
    ['FlaggedAny', ['m4'], true],
    ['FlaggedAny', ['m1'], false],
    ['UnflaggedAny', ['m2'], true],
    ['UnflaggedAny', ['m2', 'm4'], false],
  ])('%s [m2, m4] with flagged %j → %s', (rule, flagged, expected) => {
    expect(inbox.matches({ rule, messages: ['m2', 'm4'] }, flag(...flagged), args)).toBe(expected);
  });

  it('gives samples that satisfy each rule', () => {
    for (const rule of ['Flagged', 'FlaggedExactly', 'FlaggedAny', 'UnflaggedAny'] as const) {
      const r: InboxRule = { rule, messages: ['m2', 'm4'] };
      const samples = inbox.samples(r, args);
      expect(samples.length).toBeGreaterThan(0);
      for (const s of samples) {
        expect(inbox.isValidAnswer(args, s)).toBe(true);
        expect(inbox.matches(r, s, args)).toBe(true);
      }
    }
  });

  it('reports unknown and repeated message ids in rules', () => {
    expect(inbox.checkRule({ rule: 'Flagged', messages: ['m9'] }, args)).toEqual([
      { path: 'messages[0]', message: 'message "m9" does not exist' },
    ]);
    expect(inbox.checkRule({ rule: 'Flagged', messages: ['m1', 'm1'] }, args)[0]?.message).toMatch(
      /twice/,
    );
    expect(inbox.checkArgs({ messages: [message('a'), message('a')] })[0]?.path).toBe(
      'messages[1].id',
    );
  });
});
