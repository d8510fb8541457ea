import type { Media, Text } from '../../engine';

/** The picture of an answer, card or step (ages 5–7 choose by picture), with its alt text. */
export function AnswerPicture({
  media,
  text,
  class: cls = 'answer-picture',
}: {
  media: Media | undefined;
  text: (t: Text) => string;
  class?: string;
}) {
  if (!media) return null;
  return <img class={cls} src={media.src} alt={text(media.alt)} decoding="async" />;
}
