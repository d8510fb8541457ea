import type { LocaleCode } from '../ids';
import { checkNickname } from '../safety/nickname';
import type { ParsedFile } from './files';
import type { IssueSink } from './issues';
import { parseWith } from './parse';
import { nicknamesSchema } from './schema/nicknames';

/**
 * Loads `nicknames/<lang>.json` into one list per language. Every suggestion must pass
 * `checkNickname` unchanged and appear once (ignoring case), or it is a `nickname` error.
 */
export function loadNicknames(
  parsed: readonly ParsedFile[],
  sink: IssueSink,
): Map<LocaleCode, readonly string[]> {
  const out = new Map<LocaleCode, readonly string[]>();
  for (const p of parsed) {
    if (p.kind.kind !== 'nicknames') continue;
    const data = parseWith(nicknamesSchema, p.json, p.file, sink);
    if (data === undefined) continue;
    const seen = new Set<string>();
    const kept: string[] = [];
    data.nicknames.forEach((name, i) => {
      const path = `nicknames[${i}]`;
      const check = checkNickname(name);
      if (!check.ok) {
        sink.add(
          'nickname',
          p.file,
          path,
          `"${name}" is refused by checkNickname (${check.reason})`,
        );
      } else if (check.nickname !== name) {
        sink.add('nickname', p.file, path, `write "${check.nickname}" (trimmed, single spaces)`);
      } else if (seen.has(name.toLowerCase())) {
        sink.add('nickname', p.file, path, `"${name}" is listed twice`);
      } else {
        seen.add(name.toLowerCase());
        kept.push(name);
      }
    });
    out.set(p.kind.lang as LocaleCode, kept);
  }
  return out;
}
