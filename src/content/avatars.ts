import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The avatar pictures of a content folder (`art/avatars/<id>.svg`), sorted: a child's avatar
 * and the twelve pictures of children's picture passwords (docs/classes.md).
 */
export function avatarIds(contentDir: string): string[] {
  const ids = readdirSync(join(contentDir, 'art', 'avatars'))
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.slice(0, -'.svg'.length))
    .sort();
  if (ids.length < 3)
    throw new Error(`${contentDir}/art/avatars: picture passwords need at least 3 pictures`);
  return ids;
}
