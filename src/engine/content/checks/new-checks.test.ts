import { describe, expect, it } from 'vitest';
import type { ActivityId } from '../../ids';
import { activity, choiceScene, text } from '../../testing/builders';
import type { Activity } from '../../types/activity';
import { IssueSink } from '../issues';
import { checkIntlTerms } from './intl-terms';
import {
  checkNearDuplicates,
  contentWords,
  SCENE_SIMILARITY,
  sceneSimilarity,
} from './near-duplicates';

/** A one-scene choice activity with this scene text and these options. */
function dilemma(id: string, body: string, options: string[]): Activity {
  const base = choiceScene('s1', 'end');
  const args = { options: options.map((o, i) => ({ id: `o${i}`, text: text(`${id}.o${i}`, o) })) };
  return activity(
    {
      s1: {
        ...base,
        body: text(`${id}.body`, body),
        interaction: { ...base.interaction, args } as typeof base.interaction,
      },
    },
    { id: id as ActivityId },
  );
}

const words = (a: Activity) => {
  const s = a.scenes.s1;
  return {
    body: contentWords([s?.body.text ?? '']),
    answers: contentWords(
      s?.interaction.type === 'choice' ? s.interaction.args.options.map((o) => o.text.text) : [],
    ),
  };
};

// The two apology scenes issue 11 found copied between kindness 11–13 and 14–16 (before the fix).
const regret = dilemma(
  'kindness-11-13-evaluate',
  "Last month you posted a meme about {name:classmate2}'s accent. You thought it was funny. Now {name:friend1} says it really hurt {name:classmate2}. What's the best move?",
  [
    'Delete it, and message {name:classmate2} to say sorry, with no excuses',
    'Post “sorry if anyone was offended”',
    'Delete it and say nothing',
  ],
);
const apology = dilemma(
  'kindness-14-16-evaluate',
  "A different week. You find out a joke you posted about {name:friend4}'s accent really hurt them. What's the best move?",
  [
    "Delete it, and message {name:friend4}: “I'm sorry. That was out of line, and I won't do it again.”",
    'Post “sorry if anyone was offended”',
    'Delete it and say nothing',
  ],
);
// A different dilemma on the same topic and band.
const pileOn = dilemma(
  'kindness-14-16-comprehend',
  '{name:friend2} made a video mocking a teacher. It has 300 shares and your friends want you to add a comment. What do you do?',
  [
    'Add a laughing comment',
    'Scroll past and say nothing',
    'Tell {name:friend2} privately it has gone too far',
  ],
);

describe('near-duplicate', () => {
  it('scores the copied apology scenes at the threshold, and a different dilemma well below', () => {
    expect(sceneSimilarity(words(regret), words(apology))).toBeGreaterThanOrEqual(SCENE_SIMILARITY);
    expect(sceneSimilarity(words(apology), words(pileOn))).toBeLessThan(SCENE_SIMILARITY / 2);
  });

  it('reports the later activity of a copied pair, and nothing for different scenes', () => {
    const sink = new IssueSink();
    checkNearDuplicates(
      [regret, apology, pileOn].map((a) => ({ activity: a, file: `${a.id}.json`, pack: 'core' })),
      sink,
    );
    expect(sink.issues.map((i) => [i.check, i.file, i.path])).toEqual([
      ['near-duplicate', 'kindness-14-16-evaluate.json', 'scenes.s1'],
    ]);
  });

  it('compares a pack only with itself', () => {
    const sink = new IssueSink();
    checkNearDuplicates(
      [
        { activity: regret, file: 'a.json', pack: 'core' },
        { activity: apology, file: 'b.json', pack: 'kh' },
      ],
      sink,
    );
    expect(sink.issues).toEqual([]);
  });

  it('catches a long card copied word for word', () => {
    const card = 'Making an account that pretends to be a classmate';
    const a = dilemma('a', 'Sort these.', [card, 'Something else entirely here']);
    const b = dilemma('b', 'Which of these is unkind?', [card, 'Another option']);
    const sink = new IssueSink();
    checkNearDuplicates(
      [a, b].map((x) => ({ activity: x, file: `${x.id}.json`, pack: 'core' })),
      sink,
    );
    expect(sink.issues.map((i) => i.path)).toEqual(['scenes.s1.interaction.args.options[0].text']);
  });

  it('does not count the alt text of a picture used again as a copy', () => {
    const alt = 'A child shows a tablet to a grown-up on the sofa at home.';
    const pictured = (id: string, body: string, first: string): Activity => {
      const a = dilemma(id, body, [first, 'Keep it to myself']);
      const s = a.scenes.s1 as (typeof a.scenes)[string];
      if (s.interaction.type !== 'choice') throw new Error('choice expected');
      const options = s.interaction.args.options.map((o) => ({
        ...o,
        media: { src: 'art/answers/show-grown-up.svg', alt: text(`${id}.${o.id}.alt`, alt) },
      }));
      const interaction = { ...s.interaction, args: { options } };
      return { ...a, scenes: { s1: { ...s, interaction } } };
    };
    const sink = new IssueSink();
    checkNearDuplicates(
      [
        pictured('a', 'A robot asks where you live.', 'Show a grown-up'),
        pictured('b', 'A pop-up wants your secret word.', 'Tell a grown-up'),
      ].map((x) => ({
        activity: x,
        file: `${x.id}.json`,
        pack: 'core',
      })),
      sink,
    );
    expect(sink.issues).toEqual([]);
  });
});

describe('intl-term', () => {
  const check = (t: string) => {
    const sink = new IssueSink();
    checkIntlTerms('f.json', [{ path: 'x', id: 'a.b', text: t }], sink);
    return sink.issues.map((i) => i.message);
  };

  it('flags UK- and US-only school words and services outside placeholders', () => {
    expect(check('Your Year 10 group chat')).toHaveLength(1);
    expect(check('Tell the designated safeguarding lead.')).toHaveLength(1);
    expect(check('Report it to NCMEC or call 911.')).toHaveLength(2);
    expect(check('Use Take It Down.')).toHaveLength(1);
  });

  it('accepts neutral words, placeholders and everyday phrases', () => {
    expect(check('Tell {term:safeguarding-lead}, or report to {hotline}.')).toEqual([]);
    expect(check('Ask them to take it down. Take a break from the screen.')).toEqual([]);
  });
});
