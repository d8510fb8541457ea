// Loading the class documents' words (content/print/) and the avatar pictures: the real content
// loads; a broken copy is refused with its file and key; a language without a file prints in
// English.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAvatarPictures } from './avatar-pictures';
import { sourceHash } from '../../engine';
import { fill, loadPrintTexts, PrintTextsError } from './print-texts';

let root: string;

/** A copy of the parts of content/ the class documents read. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kite-print-texts-'));
  for (const part of ['print', 'ui', 'art/avatars']) {
    cpSync(join('content', part), join(root, part), { recursive: true });
  }
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const english = () =>
  JSON.parse(readFileSync(join(root, 'print', 'en.json'), 'utf8')) as {
    cards: Record<string, string>;
    letter: { sections: { heading: string }[]; period: Record<string, string> };
  };
const write = (lang: string, value: unknown) =>
  writeFileSync(join(root, 'print', `${lang}.json`), JSON.stringify(value));

describe('print texts', () => {
  it('loads the English texts and gives them to languages without a file', () => {
    const texts = loadPrintTexts(root);
    expect(texts('en').cards.classCode).toBe('Class code');
    expect(texts('th')).toBe(texts('en'));
    expect(texts('pt-BR')).toBe(texts('en'));
  });

  it('uses a language file when there is one, also for a regional tag', () => {
    const fr = english();
    fr.cards.classCode = 'Code de la classe';
    write('fr', fr);
    const texts = loadPrintTexts(root);
    expect(texts('fr').cards.classCode).toBe('Code de la classe');
    expect(texts('fr-CA').cards.classCode).toBe('Code de la classe');
    expect(texts('en').cards.classCode).toBe('Class code');
  });

  it('refuses a file with a text missing, naming the file and the key', () => {
    const broken = english();
    delete broken.cards.keepSafe;
    write('en', broken);
    expect(() => loadPrintTexts(root)).toThrow(PrintTextsError);
    expect(() => loadPrintTexts(root)).toThrow(/print\/en\.json: cards\.keepSafe: /);
  });

  it('refuses a placeholder the document does not fill', () => {
    const broken = english();
    const letter = english();
    broken.cards.keepSafe = 'Keep this card safe, {nickname}.';
    write('en', broken);
    expect(() => loadPrintTexts(root)).toThrow(
      /print\/en\.json: cards\.keepSafe: unknown placeholder \{nickname\}/,
    );
    letter.letter.sections[1]!.heading = 'Why {className}';
    write('en', letter);
    expect(() => loadPrintTexts(root)).not.toThrow();
    letter.letter.period.other = '{months} months';
    write('en', letter);
    expect(() => loadPrintTexts(root)).toThrow(/letter\.period\.other: unknown placeholder/);
  });

  it('refuses invalid JSON and a missing English file', () => {
    const fr = english();
    writeFileSync(join(root, 'print', 'en.json'), '{ "cards": ');
    expect(() => loadPrintTexts(root)).toThrow(/print\/en\.json: /);
    rmSync(join(root, 'print', 'en.json'));
    write('fr', fr);
    expect(() => loadPrintTexts(root)).toThrow(/print\/en\.json: missing/);
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(fill('{a}', { a: '{a}' })).toBe('{a}');
  });
});

describe('avatar pictures', () => {
  it('reads the twelve avatars with the names the app shows', () => {
    const avatars = loadAvatarPictures(root);
    expect(avatars.ids).toHaveLength(12);
    const fox = avatars.get('fox', 'en');
    expect(fox?.name).toBe('Fox');
    expect(fox?.svg).toMatch(/^<svg\b/);
    expect(avatars.get('fox', 'km')?.name).toBe('កញ្ជ្រោង');
    expect(avatars.get('fox', 'th')?.name).toBe('Fox');
    expect(avatars.get('dragon', 'en')).toBeUndefined();
  });

  it('names a picture in the language asked for when the app has that language', () => {
    const entry = (text: string, english: string) => ({
      text,
      sourceHash: sourceHash(english),
      status: 'machine',
    });
    writeFileSync(
      join(root, 'ui', 'fr.json'),
      JSON.stringify({
        strings: {
          'avatar.fox': entry('Renard', 'Fox'),
          // Made from an English name that has changed since: printed in English.
          'avatar.bee': entry('Abeille', 'Honey bee'),
        },
      }),
    );
    const avatars = loadAvatarPictures(root);
    expect(avatars.get('fox', 'fr')?.name).toBe('Renard');
    expect(avatars.get('owl', 'fr')?.name).toBe('Owl');
    expect(avatars.get('bee', 'fr')?.name).toBe('Bee');
  });

  it('refuses an avatar without an English name', () => {
    const ui = JSON.parse(readFileSync(join(root, 'ui', 'en.json'), 'utf8')) as Record<
      string,
      string
    >;
    delete ui['avatar.whale'];
    writeFileSync(join(root, 'ui', 'en.json'), JSON.stringify(ui));
    expect(() => loadAvatarPictures(root)).toThrow(/ui\/en\.json: avatar\.whale: missing/);
  });
});
