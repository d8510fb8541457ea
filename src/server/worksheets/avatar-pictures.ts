// The twelve avatar pictures (`content/art/avatars/<id>.svg`) for printing, with their names
// as the app shows them (`avatar.<id>` in `content/ui/<lang>.json`), so a card and the sign-in
// screen call a picture the same. Read once; the document model then carries the SVG text, so
// the PDF worker never reads files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usableMessages } from '../../engine';
import { PrintTextsError } from './print-texts';

export interface AvatarPicture {
  readonly id: string;
  readonly svg: string;
  /** The picture's name in the language asked for (English when that has none). */
  readonly name: string;
}

export interface AvatarPictures {
  readonly ids: readonly string[];
  /** The avatar `id` named in `lang`, or undefined for an id that is not an avatar. */
  get(id: string, lang: string): AvatarPicture | undefined;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new PrintTextsError(`${file}: ${(e as Error).message}`);
  }
}

/** Reads the avatars and their names; every avatar must have an English name. */
export function loadAvatarPictures(contentDir = 'content'): AvatarPictures {
  const dir = join(contentDir, 'art', 'avatars');
  const ids = readdirSync(dir)
    .filter((n) => n.endsWith('.svg'))
    .map((n) => n.slice(0, -4))
    .sort();
  const svgs = new Map(ids.map((id) => [id, readFileSync(join(dir, `${id}.svg`), 'utf8')]));
  const uiDir = join(contentDir, 'ui');
  const english = readJson(join(uiDir, 'en.json'));
  const englishStrings = Object.fromEntries(
    Object.entries(english).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  // English is flat (key → text); a translation is a locale file whose entries count only when
  // made from the current English (as in the app: a stale name prints in English).
  const names = new Map<string, Record<string, unknown>>([['en', english]]);
  for (const file of readdirSync(uiDir).filter((n) => n.endsWith('.json') && n !== 'en.json')) {
    names.set(file.slice(0, -5), usableMessages(englishStrings, readJson(join(uiDir, file))));
  }
  const nameIn = (lang: string | undefined, id: string): string | undefined => {
    const value = lang === undefined ? undefined : names.get(lang)?.[`avatar.${id}`];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  for (const id of ids) {
    if (!nameIn('en', id)) {
      throw new PrintTextsError(`${join(uiDir, 'en.json')}: avatar.${id}: missing`);
    }
  }
  return {
    ids,
    get(id, lang) {
      const svg = svgs.get(id);
      if (svg === undefined) return undefined;
      const name = nameIn(lang, id) ?? nameIn(lang.split('-')[0], id) ?? nameIn('en', id)!;
      return { id, svg, name };
    },
  };
}
