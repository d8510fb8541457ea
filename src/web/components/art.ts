import { drawingsByName } from './drawing';

/** URLs of the drawn art kit (content/art), hashed by Vite at build time. */
const avatarUrls = import.meta.glob('../../../content/art/avatars/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>;
const bandUrls = import.meta.glob('../../../content/art/bands/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>;
const kiriUrls = import.meta.glob('../../../content/art/kiri/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>;
const topicUrls = import.meta.glob('../../../content/art/topics/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>;

const byName = (urls: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(urls).map(([path, url]) => [
      path
        .split('/')
        .pop()!
        .replace(/\.svg$/, ''),
      url,
    ]),
  );

export const AVATARS: Readonly<Record<string, string>> = byName(avatarUrls);
export const AVATAR_IDS = Object.keys(AVATARS).sort();
export const BAND_ART: Readonly<Record<string, string>> = byName(bandUrls);
export const KIRI: Readonly<Record<string, string>> = byName(kiriUrls);
export const TOPIC_ART: Readonly<Record<string, string>> = byName(topicUrls);

/**
 * The sky map's topics as drawings (components/drawing.tsx); the other pictures of the first
 * screens are imported where they are drawn. The avatars stay files: a screen shows one.
 */
export const TOPIC_DRAWINGS = drawingsByName(
  import.meta.glob('../../../content/art/topics/*.svg', {
    eager: true,
    query: '?raw',
    import: 'default',
  }) as Record<string, string>,
);
