import { describe, expect, it } from 'vitest';
import { activity, interaction, outcome, scene, text } from '../../testing/builders';
import type { Activity } from '../../types/activity';
import type { OrderQuestion } from '../../types/worksheet';
import { IssueSink } from '../issues';
import { acceptedOrders, checkWorksheet } from './worksheet';

const step = (id: string) => ({ id, text: text(`s.${id}`, id) });

/** A sequence scene that accepts the given orders, and a worksheet with one order question. */
function sheet(accepts: string[][], q: Partial<OrderQuestion>): Activity {
  const steps = ['stop', 'save', 'block', 'tell'].map(step);
  const seq = interaction(
    'sequence',
    { steps },
    [
      {
        rules: accepts.map((order) => ({ rule: 'Ordering' as const, order })),
        outcome: outcome('end'),
      },
    ],
    outcome('s1', false),
  );
  const question: OrderQuestion = {
    id: 'q1',
    kind: 'order',
    prompt: text('q1'),
    items: steps,
    correct: ['stop', 'save', 'block', 'tell'],
    ...q,
  };
  return activity({ s1: scene(seq) }, { worksheet: { questions: [question] } });
}

const issues = (a: Activity) => {
  const sink = new IssueSink();
  checkWorksheet({ activity: a, file: 'a.json', sink });
  return sink.issues.map((e) => `${e.path}: ${e.message}`);
};

describe('worksheet order keys', () => {
  const both = [
    ['stop', 'save', 'block', 'tell'],
    ['tell', 'stop', 'save', 'block'],
  ];

  it('lists the orders the game accepts, reduced to the question’s items', () => {
    const a = sheet(both, {});
    const q = a.worksheet.questions[0] as OrderQuestion;
    expect(acceptedOrders(a, q)).toEqual(both);
    const fewer = { ...q, items: q.items.filter((i) => i.id !== 'save') };
    expect(acceptedOrders(a, fewer)).toEqual([
      ['stop', 'block', 'tell'],
      ['tell', 'stop', 'block'],
    ]);
  });

  it('asks for guidance when the game accepts another order, and accepts it with guidance', () => {
    expect(issues(sheet(both, {}))).toEqual([
      'worksheet.questions[0].guidance: the game also accepts tell, stop, save, block: say in "guidance" which other orders are right',
    ]);
    expect(issues(sheet(both, { guidance: text('g', 'Telling can come first.') }))).toEqual([]);
    expect(issues(sheet([both[0]!], {}))).toEqual([]);
  });

  it('refuses a key whose order the game marks wrong', () => {
    expect(issues(sheet([both[1]!], {}))).toEqual([
      'worksheet.questions[0].correct: the game does not accept this order as correct',
    ]);
  });
});

describe('worksheet texts', () => {
  it('refuses a text that sends the reader to the app, and accepts an app in the story', () => {
    const withAnswer = (answer: string) =>
      activity(
        {},
        {
          worksheet: {
            questions: [
              { id: 'q1', kind: 'short', prompt: text('q1'), lines: 2, answer: text('a', answer) },
            ],
          },
        },
      );
    expect(issues(withAnswer('A trusted adult, or the helpline shown in the app.'))).toEqual([
      'worksheet.questions[0].answer: "A trusted adult, or the helpline shown in the app." points to the app, which a printed sheet does not have: name the person or helpline instead',
    ]);
    expect(issues(withAnswer('Report it in the app where it happened.'))).toEqual([]);
  });
});
