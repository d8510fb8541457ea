import { useState } from 'preact/hooks';
import type { Media, PostPart, Spot } from '../../../engine';
import { t } from '../../i18n/i18n';
import type { PlayerProps } from '../types';
import './hotspot-player.css';

/** Extra room (percent of the picture) around each area, so small fingers hit it. */
const PAD = 3;

function LensIcon() {
  return (
    <svg class="hotspot-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <circle cx="10" cy="10" r="6.5" fill="#ffd166" />
      <path d="m15 15 5.5 5.5" />
    </svg>
  );
}

function ClueTag() {
  return (
    <span class="hotspot-tag" aria-hidden="true">
      <LensIcon />
      {t('hotspot.marked')}
    </span>
  );
}

/**
 * `hotspot`: find the clues in a picture (`media` with areas in percent) or in a post made of
 * parts. Every area is a real button (keyboard-reachable, named by the content's neutral spot
 * label, aria-pressed when marked); tapping the picture near an area marks it too. Done sends
 * the marked spots. Nothing shows which areas are clues until the solution is released.
 */
export default function HotspotPlayer(props: PlayerProps<'hotspot'>) {
  return <Hotspot key={props.sceneKey} {...props} />;
}

function Hotspot({ interaction, text, onAnswer, locked, solution }: PlayerProps<'hotspot'>) {
  const { args } = interaction;
  const [found, setFound] = useState<readonly string[]>([]);
  const toggle = (id: string) => {
    if (locked) return;
    setFound((f) => (f.includes(id) ? f.filter((x) => x !== id) : [...f, id]));
  };
  const marked = args.spots.filter((s) => found.includes(s.id));
  const inAnswer = (id: string) => solution?.found.includes(id) ?? false;

  return (
    <div class="hotspot-player">
      {args.media ? (
        <Picture
          media={args.media}
          spots={args.spots}
          text={text}
          found={found}
          inAnswer={inAnswer}
          onToggle={toggle}
          locked={locked}
        />
      ) : (
        <Post
          parts={args.parts ?? []}
          text={text}
          found={found}
          inAnswer={inAnswer}
          onToggle={toggle}
          locked={locked}
        />
      )}
      <div class="hotspot-summary">
        <p class="hotspot-count">{t('hotspot.count', { n: marked.length })}</p>
        {marked.length > 0 && (
          <ul class="hotspot-list">
            {marked.map((s) => (
              <li key={s.id}>
                <LensIcon />
                {text(s.label)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        class="primary"
        disabled={locked}
        onClick={() => onAnswer({ type: 'hotspot', found: marked.map((s) => s.id) })}
      >
        {t('common.done')}
      </button>
    </div>
  );
}

interface AreaProps {
  text: PlayerProps['text'];
  found: readonly string[];
  inAnswer: (id: string) => boolean;
  onToggle: (id: string) => void;
  locked: boolean;
}

function Picture(props: AreaProps & { media: Media; spots: readonly Spot[] }) {
  const { media, spots, text, found, inAnswer, onToggle, locked } = props;
  const areas = spots.filter((s) => s.rect);

  /** A tap on the picture between the buttons marks the nearest area it falls in (padded). */
  const tap = (e: MouseEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = ((e.clientX - box.left) / box.width) * 100;
    const y = ((e.clientY - box.top) / box.height) * 100;
    let best: { id: string; d: number } | null = null;
    for (const s of areas) {
      const r = s.rect!;
      const inside =
        x >= r.x - PAD * 2 &&
        x <= r.x + r.w + PAD * 2 &&
        y >= r.y - PAD * 2 &&
        y <= r.y + r.h + PAD * 2;
      if (!inside) continue;
      const d = Math.hypot(x - (r.x + r.w / 2), y - (r.y + r.h / 2));
      if (!best || d < best.d) best = { id: s.id, d };
    }
    if (best) onToggle(best.id);
  };

  return (
    <div class="hotspot-frame">
      <div class="hotspot-picture" onClick={tap}>
        <img src={media.src} alt={text(media.alt)} draggable={false} />
        <div class="hotspot-areas" role="group" aria-label={t('hotspot.pictureParts')}>
          {areas.map((s) => {
            const r = s.rect!;
            const on = found.includes(s.id);
            return (
              <button
                key={s.id}
                type="button"
                class={`hotspot-area${on ? ' is-found' : ''}${inAnswer(s.id) ? ' is-solution' : ''}`}
                style={{
                  left: `${r.x + r.w / 2}%`,
                  top: `${r.y + r.h / 2}%`,
                  width: `max(var(--tap), ${r.w + PAD * 2}%)`,
                  height: `max(var(--tap), ${r.h + PAD * 2}%)`,
                }}
                aria-pressed={on}
                disabled={locked}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggle(s.id);
                }}
              >
                <span class="visually-hidden">{text(s.label)}</span>
                {on && <ClueTag />}
                {inAnswer(s.id) && <span class="answer-tag">{t('play.solutionLabel')}</span>}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Post(props: AreaProps & { parts: readonly PostPart[] }) {
  const { parts, text, found, inAnswer, onToggle, locked } = props;
  return (
    <div class="hotspot-post" role="group" aria-label={t('hotspot.postParts')}>
      <div class="hotspot-post-bar" aria-hidden="true">
        <svg viewBox="0 0 32 24" width="32" height="24">
          <rect x="2" y="2" width="28" height="20" rx="4" fill="#fff1d6" />
          <path d="m3 4 13 10L29 4" />
        </svg>
      </div>
      {parts.map((p, i) => {
        if (!p.spot) {
          return (
            <p key={i} class="hotspot-plain">
              {text(p.text)}
            </p>
          );
        }
        const id = p.spot;
        const on = found.includes(id);
        return (
          <button
            key={i}
            type="button"
            class={`hotspot-part${on ? ' is-found' : ''}${inAnswer(id) ? ' is-solution' : ''}`}
            aria-pressed={on}
            disabled={locked}
            onClick={() => onToggle(id)}
          >
            <span class="hotspot-part-text">{text(p.text)}</span>
            {on && <ClueTag />}
            {inAnswer(id) && <span class="answer-tag">{t('play.solutionLabel')}</span>}
          </button>
        );
      })}
    </div>
  );
}
