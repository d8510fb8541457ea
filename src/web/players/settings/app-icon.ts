import type { Text } from '../../../engine';
import chatter from '../../../../content/art/apps/chatter.svg';
import postbox from '../../../../content/art/apps/postbox.svg';
import snapfeed from '../../../../content/art/apps/snapfeed.svg';
import clipclap from '../../../../content/art/apps/clipclap.svg';
import blockworld from '../../../../content/art/apps/blockworld.svg';
import gear from '../../../../content/art/apps/settings.svg';

/** The art kit's invented app tiles, by the country pack's app key (`{app:photo}` → photo). */
const APP_ICONS: Readonly<Record<string, string>> = {
  chat: chatter,
  mail: postbox,
  photo: snapfeed,
  social: snapfeed,
  video: clipclap,
  game: blockworld,
};

/** The tile for an app named by a content text such as `{app:photo}`; else the Settings gear. */
export function appIcon(app: Text | undefined): string {
  const key = app ? /\{app:([\w-]+)\}/.exec(app.text)?.[1] : undefined;
  return (key && APP_ICONS[key]) || gear;
}
