import { sourceHash } from '../../text/hash';
import { placeholderTokens } from '../../text/placeholders';
import type { ContentId } from '../../ids';
import type { Translation } from '../../types/catalogue';
import { CONTENT_ID_PATTERN } from '../../ids';
import type { IssueSink } from '../issues';

/**
 * `translation-unknown-id`: every key is an existing content id.
 * `translation-placeholders`: a translation uses exactly the source's placeholders.
 * Warning `translation-stale`: the source changed since the translation (hash differs).
 */
export function checkTranslations(
  file: string,
  strings: Readonly<Record<string, Translation>>,
  texts: ReadonlyMap<ContentId, string>,
  sink: IssueSink,
): void {
  for (const [id, tr] of Object.entries(strings)) {
    const at = `strings.${id}`;
    const source = CONTENT_ID_PATTERN.test(id) ? texts.get(id as ContentId) : undefined;
    if (source === undefined) {
      sink.add(
        'translation-unknown-id',
        file,
        at,
        `content id "${id}" does not exist in the English source`,
      );
      continue;
    }
    const want = placeholderTokens(source).join(' ');
    const got = placeholderTokens(tr.text).join(' ');
    if (want !== got) {
      sink.add(
        'translation-placeholders',
        file,
        `${at}.text`,
        `placeholders differ from the source: expected [${want}], found [${got}]`,
      );
    }
    if (tr.sourceHash !== sourceHash(source)) {
      sink.add(
        'translation-stale',
        file,
        `${at}.sourceHash`,
        'the English source changed since this translation',
      );
    }
  }
}
