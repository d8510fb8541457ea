// An in-memory content root for checker tests: valid topics, intl pack and pack manifest.
import type { ContentFile } from '../content/files';
import type { Activity } from '../types/activity';

/** A copy of `json` with every text id replaced by `<prefix>.t<n>`, in document order. */
export function reId<T>(json: T, prefix: string): T {
  let n = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x);
    if (typeof o.id === 'string' && typeof o.text === 'string') out.id = `${prefix}.t${n++}`;
    return out;
  };
  return walk(json) as T;
}

const t = (id: string, text: string) => ({ id, text });

/** `topics.json` with topics `scams` and `contact`. */
export const TOPICS = {
  topics: [
    {
      id: 'scams',
      title: t('topic.scams.title', 'Scams'),
      summary: t('topic.scams.summary', 'Spot tricks.'),
      risks: ['contract'],
      skills: [
        { id: 'spot-phishing-links', title: t('topic.scams.skill.links', 'spotting fake links') },
        { id: 'spot-pressure-tricks', title: t('topic.scams.skill.rush', 'noticing a rush') },
      ],
    },
    {
      id: 'contact',
      title: t('topic.contact.title', 'Contact'),
      summary: t('topic.contact.summary', 'Safe contact.'),
      risks: ['contact'],
      skills: [
        { id: 'block-and-report', title: t('topic.contact.skill.block', 'blocking and reporting') },
      ],
    },
  ],
};

/** `countries/intl.json` with one verifiable helpline entry. */
export const INTL = {
  code: 'intl',
  name: t('country.intl.name', 'International'),
  helplines: [
    {
      id: 'chi',
      kind: 'helpline',
      name: t('country.intl.chi', 'Child Helpline International'),
      url: 'https://childhelplineinternational.org/helplines/',
      source: 'https://childhelplineinternational.org/helplines/',
      verifiedOn: '2026-11-28',
    },
  ],
  names: { friend1: t('country.intl.name.friend1', 'Amara') },
  apps: { chat: t('country.intl.app.chat', 'Chirpy') },
  currency: { name: t('country.intl.currency', 'coins') },
  money: {
    small: t('country.intl.money.small', '2 coins'),
    medium: t('country.intl.money.medium', '20 coins'),
    large: t('country.intl.money.large', '1,000 coins'),
  },
  consentAge: null,
};

/** `packs/core/pack.json`. */
export const PACK = {
  id: 'core',
  title: t('pack.core.title', 'Core'),
  description: t('pack.core.description', 'Core pack.'),
};

/** A JSON file of the root. */
export function file(path: string, json: unknown): ContentFile {
  return { path, text: JSON.stringify(json) };
}

/** A valid content root holding `activities` (their text ids are rewritten to fit). */
export function contentRoot(
  activities: readonly Activity[],
  extra: readonly ContentFile[] = [],
): ContentFile[] {
  return [
    file('topics.json', TOPICS),
    file('countries/intl.json', INTL),
    file('packs/core/pack.json', PACK),
    ...activities.map((a) => file(`packs/core/activities/${a.id}.json`, reId(a, a.id))),
    ...extra,
  ];
}
