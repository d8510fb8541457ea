// Shared fixtures for the measurement tests: a small bank for band 8-10 and events.
import type { ContentId, DeviceId, EventId, LearnerId, TopicId } from '../ids';
import type { MeasureEvent } from '../measurement/events';
import type { Construct, MeasureBank, MeasureItem, MeasureUse } from '../types/measurement';
import type { Band } from '../types/text';

const tx = (id: string) => ({ id: id as ContentId, text: id });

/** A scored three-option choice (`a` best, `b` acceptable, `c` wrong, `ns` "not sure"). */
export function choiceItem(id: string, use: MeasureUse, p = 0.6, context = 'chat'): MeasureItem {
  return {
    id,
    bands: ['8-10'],
    construct: 'knowledge',
    digcomp: '4.2',
    use: [use],
    context,
    difficulty: { p, estimate: true },
    prompt: tx(`m.${id}.prompt`),
    interaction: {
      type: 'choice',
      args: { options: ['a', 'b', 'c', 'ns'].map((o) => ({ id: o, text: tx(`m.${id}.${o}`) })) },
    },
    notSure: 'ns',
    key: { type: 'choice', best: ['a'], acceptable: ['b'] },
  };
}

/** A scam-or-real sort: cards 1 and 2 are scams (the signal), 3 and 4 are real. */
export function sortItem(id: string, use: MeasureUse, construct: Construct = 'skill'): MeasureItem {
  return {
    id,
    bands: ['8-10'],
    construct,
    digcomp: '4.2',
    use: [use],
    context: 'inbox',
    difficulty: { p: 0.6, estimate: true },
    prompt: tx(`m.${id}.prompt`),
    interaction: {
      type: 'sort',
      args: {
        bins: [
          { id: 'scam', label: tx(`m.${id}.scam`) },
          { id: 'real', label: tx(`m.${id}.real`) },
        ],
        items: ['c1', 'c2', 'c3', 'c4'].map((c) => ({ id: c, text: tx(`m.${id}.${c}`) })),
      },
    },
    key: {
      type: 'sort',
      placement: { c1: 'scam', c2: 'scam', c3: 'real', c4: 'real' },
      signal: 'scam',
    },
  };
}

/** A five-point scale of `construct`, asked in pre and post. */
export function scaleItem(id: string, construct: Construct = 'self-efficacy'): MeasureItem {
  return {
    id,
    bands: ['8-10'],
    construct,
    digcomp: '4.2',
    use: ['pre', 'post'],
    context: 'self',
    prompt: tx(`m.${id}.prompt`),
    interaction: {
      type: 'choice',
      args: { options: [1, 2, 3, 4, 5].map((n) => ({ id: `p${n}`, text: tx(`m.${id}.p${n}`) })) },
    },
  };
}

/** The bank: pre p1–p3, post q1–q3, transfer t1, a self-efficacy and an intention scale. */
export const BANK: MeasureBank = {
  id: 'scams',
  topic: 'scams' as TopicId,
  version: 2,
  items: [
    choiceItem('p1', 'pre'),
    choiceItem('p2', 'pre'),
    sortItem('p3', 'pre'),
    choiceItem('q1', 'post'),
    choiceItem('q2', 'post'),
    sortItem('q3', 'post'),
    choiceItem('t1', 'transfer', 0.5, 'game-lobby'),
    scaleItem('se'),
    scaleItem('int', 'intention'),
  ],
};

let n = 0;
/** A measurement event of learner l1 on device d1 for topic `scams`, band 8-10. */
export function measureEvent<K extends MeasureEvent['kind']>(
  kind: K,
  over: Omit<
    Extract<MeasureEvent, { kind: K }>,
    'id' | 'learner' | 'device' | 'seq' | 'topic' | 'band' | 'kind'
  > &
    Partial<{ band: Band; topic: TopicId }>,
): MeasureEvent {
  n += 1;
  return {
    id: `m${n}` as EventId,
    learner: 'l1' as LearnerId,
    device: 'd1' as DeviceId,
    seq: n,
    topic: 'scams' as TopicId,
    band: '8-10',
    kind,
    ...over,
  } as unknown as MeasureEvent;
}
