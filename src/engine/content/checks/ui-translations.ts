import { sourceHash } from '../../text/hash';
import { parseIcu } from '../../text/icu';
import type { Translation } from '../../types/catalogue';
import type { IssueSink } from '../issues';

/**
 * The checks of one UI translation file (`ui/<area>/<lang>.json`), as for content translations:
 * `translation-unknown-id` (a key the English file lacks), `ui-icu` (broken ICU MessageFormat,
 * or a plural or select without `other`), `translation-placeholders` (other ICU arguments than
 * the English) and the warning `translation-stale`.
 */
export function checkUiTranslations(
  file: string,
  strings: Readonly<Record<string, Translation>>,
  english: ReadonlyMap<string, string>,
  sink: IssueSink,
): void {
  for (const [key, tr] of Object.entries(strings)) {
    const at = `strings.${key}`;
    const source = english.get(key);
    if (source === undefined) {
      sink.add(
        'translation-unknown-id',
        file,
        at,
        `UI key "${key}" does not exist in the English file`,
      );
      continue;
    }
    const parsed = parseIcu(tr.text);
    for (const e of parsed.errors) sink.add('ui-icu', file, `${at}.text`, e);
    const want = parseIcu(source).args.join(', ');
    const got = parsed.args.join(', ');
    if (parsed.errors.length === 0 && want !== got)
      sink.add(
        'translation-placeholders',
        file,
        `${at}.text`,
        `ICU arguments differ from the English: expected [${want}], found [${got}]`,
      );
    if (tr.sourceHash !== sourceHash(source))
      sink.add(
        'translation-stale',
        file,
        `${at}.sourceHash`,
        'the English source changed since this translation',
      );
  }
}
