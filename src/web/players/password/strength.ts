import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import type { PasswordFlag } from '../../../engine';

/** What the meter reports: the zxcvbn score 0–4 and weak-pattern flags, never the text. */
export interface Strength {
  readonly score: number;
  readonly flags: readonly PasswordFlag[];
}

/** Measures a password on the device; `personal` are the story's easy-to-guess words. */
export type Meter = (password: string, personal: readonly string[]) => Promise<Strength>;

/** Fewer characters than this raises `short`. */
export const SHORT = 8;

/**
 * The flags for one zxcvbn result. `dictionary` means a common word or password makes up at
 * least half of it (a passphrase of several common words is not flagged: its words are the
 * point); `personal` means it contains one of the story's words, however zxcvbn scored them.
 */
export function flagsOf(
  result: Pick<ZxcvbnResult, 'sequence'>,
  password: string,
  personal: readonly string[],
): PasswordFlag[] {
  const flags = new Set<PasswordFlag>();
  const length = [...password].length;
  for (const m of result.sequence) {
    const size = [...m.token].length;
    switch (m.pattern) {
      case 'dictionary':
        if (m.dictionaryName === 'userInputs') flags.add('personal');
        else if (size * 2 >= length) flags.add('dictionary');
        break;
      case 'spatial':
      case 'repeat':
      case 'sequence':
      case 'date':
        flags.add(m.pattern);
        break;
      case 'wordSequence':
        flags.add('sequence');
        break;
      case 'regex':
        flags.add('date');
        break;
    }
  }
  const lower = password.toLowerCase();
  if (personal.some((w) => w.trim().length >= 2 && lower.includes(w.trim().toLowerCase())))
    flags.add('personal');
  if (length < SHORT) flags.add('short');
  return [...flags];
}

let loading: Promise<Meter> | undefined;

/**
 * Loads the strength library and its word lists (separate lazy chunks, cached by the service
 * worker like every script) and returns the meter. The English last-name and Wikipedia lists
 * are left out: they add about 750 KB and barely change a passphrase's score.
 */
export function loadMeter(): Promise<Meter> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, commonWords, firstnames, wordSequences] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en/dist/commonWords.json.mjs'),
      import('@zxcvbn-ts/language-en/dist/firstnames.json.mjs'),
      import('@zxcvbn-ts/language-en/dist/wordSequences.json.mjs'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        'commonWords-en': commonWords.default,
        'firstnames-en': firstnames.default,
        ...wordSequences.default,
      },
      graphs: common.adjacencyGraphs,
    });
    return async (password, personal) => {
      const result = await zxcvbn.checkAsync(password, [...personal]);
      return { score: result.score, flags: flagsOf(result, password, personal) };
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
