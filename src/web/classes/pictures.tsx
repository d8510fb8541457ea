import { AVATARS } from '../components/art';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';

/** A picture's name in words ("Fox"), else its id. */
export function pictureName(id: string): string {
  const key = `avatar.${id}` as UiKey;
  const s = t(key);
  return s === undefined || s === key ? id : s;
}

/** One of the twelve avatar pictures, with its name for a screen reader (or none: decorative). */
export function Picture(props: { id: string; size?: number; decorative?: boolean }) {
  const size = props.size ?? 40;
  return (
    <img
      class="picture"
      src={AVATARS[props.id]}
      alt={props.decorative ? '' : pictureName(props.id)}
      width={size}
      height={size}
    />
  );
}

/** A child's picture password: three pictures in order, each with its name under it. */
export function PicturePassword(props: { ids: readonly string[]; label: string }) {
  return (
    <ol class="picture-password" aria-label={props.label}>
      {props.ids.map((id, i) => (
        <li key={`${i}-${id}`}>
          <Picture id={id} size={48} decorative />
          <span>{pictureName(id)}</span>
        </li>
      ))}
    </ol>
  );
}
