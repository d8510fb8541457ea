import { parseText } from '../../text/placeholders';
import type { CountryPack } from '../../types/country';
import type { IssueSink } from '../issues';
import type { FoundText } from '../walk';

/**
 * `placeholder`: every `{…}` in a text is a known placeholder, and every name and app key
 * exists in the `intl` pack (other countries fall back to it), and so does every handle and
 * term key. `{helpline}` needs a helpline and `{hotline}` a hotline in `intl`.
 */
export function checkPlaceholders(
  file: string,
  texts: readonly FoundText[],
  intl: CountryPack | undefined,
  sink: IssueSink,
): void {
  for (const t of texts) {
    const at = `${t.path}.text`;
    const parsed = parseText(t.text);
    for (const e of parsed.errors) sink.add('placeholder', file, at, e);
    if (intl === undefined) continue;
    for (const p of parsed.parts) {
      if (typeof p === 'string') continue;
      if (p.kind === 'name' && !Object.hasOwn(intl.names, p.key)) {
        sink.add(
          'placeholder',
          file,
          at,
          `{name:${p.key}}: no name "${p.key}" in countries/intl.json`,
        );
      } else if (p.kind === 'app' && !Object.hasOwn(intl.apps, p.key)) {
        sink.add(
          'placeholder',
          file,
          at,
          `{app:${p.key}}: no app "${p.key}" in countries/intl.json`,
        );
      } else if (p.kind === 'handle' && !Object.hasOwn(intl.handles ?? {}, p.key)) {
        sink.add(
          'placeholder',
          file,
          at,
          `{handle:${p.key}}: no handle "${p.key}" in countries/intl.json`,
        );
      } else if (p.kind === 'term' && !Object.hasOwn(intl.terms ?? {}, p.key)) {
        sink.add(
          'placeholder',
          file,
          at,
          `{term:${p.key}}: no term "${p.key}" in countries/intl.json`,
        );
      } else if (
        (p.kind === 'helpline' || p.kind === 'hotline') &&
        !intl.helplines.some((h) => h.kind === p.kind)
      ) {
        sink.add('placeholder', file, at, `{${p.kind}}: countries/intl.json lists no ${p.kind}`);
      }
    }
  }
}
