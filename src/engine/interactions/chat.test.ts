import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { chat } from './chat';
import type { ChatArgs, ChatRule } from './chat';

const args: ChatArgs = {
  participants: [{ id: 'jay', name: text('jay') }],
  messages: [
    { from: 'jay', text: text('m1') },
    { from: 'me', text: text('m2') },
  ],
  replies: ['yes', 'no', 'block'].map((id) => ({ id, text: text(id) })),
};
const reply = (r: string) => ({ type: 'chat' as const, reply: r });

describe('chat', () => {
  it('accepts only existing replies', () => {
    expect(chat.isValidAnswer(args, reply('no'))).toBe(true);
    expect(chat.isValidAnswer(args, reply('maybe'))).toBe(false);
  });

  it('Reply and ReplyOneOf match the chosen reply', () => {
    expect(chat.matches({ rule: 'Reply', reply: 'no' }, reply('no'), args)).toBe(true);
    expect(chat.matches({ rule: 'Reply', reply: 'no' }, reply('yes'), args)).toBe(false);
    expect(
      chat.matches({ rule: 'ReplyOneOf', replies: ['no', 'block'] }, reply('block'), args),
    ).toBe(true);
    expect(chat.matches({ rule: 'ReplyOneOf', replies: ['no', 'block'] }, reply('yes'), args)).toBe(
      false,
    );
  });

  it('gives samples that satisfy their rule', () => {
    const rules: ChatRule[] = [
      { rule: 'Reply', reply: 'yes' },
      { rule: 'ReplyOneOf', replies: ['no', 'block'] },
    ];
    for (const rule of rules) {
      for (const s of chat.samples(rule, args)) expect(chat.matches(rule, s, args)).toBe(true);
    }
  });

  it('reports unknown replies, unknown senders and the reserved "me"', () => {
    expect(chat.checkRule({ rule: 'Reply', reply: 'x' }, args)[0]?.path).toBe('reply');
    expect(chat.checkRule({ rule: 'ReplyOneOf', replies: ['no', 'x'] }, args)[0]?.path).toBe(
      'replies[1]',
    );
    const bad: ChatArgs = {
      ...args,
      participants: [{ id: 'me', name: text('me') }],
      messages: [{ from: 'ghost', text: text('g') }],
    };
    expect(chat.checkArgs(bad).map((i) => i.path)).toEqual([
      'participants[0].id',
      'messages[0].from',
    ]);
  });
});
