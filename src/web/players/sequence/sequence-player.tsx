import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { PlayerProps } from '../types';
import { usePointerDrag } from '../shared/use-pointer-drag';
import { AnswerPicture } from '../../components/answer-picture';
import { ItemSpeaker } from '../../components/item-speaker';
import { setScreenOrder } from '../../speech/screen-order';
import { shuffled } from './shuffle';
import './sequence-player.css';

function moved(order: readonly string[], id: string, to: number): readonly string[] {
  const from = order.indexOf(id);
  if (from < 0 || to < 0 || to >= order.length || to === from) return order;
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/** The card being dragged: where it is held and where it moves. */
interface Drag {
  id: string;
  /** Where the pointer holds the card, from the card's top. */
  grabY: number;
  /** The pointer's last position and the card's current offset from its place in the list. */
  y: number;
  dy: number;
  from: number;
}

/**
 * `sequence`: put the steps in order. Drag a card by its grip (Pointer Events with pointer
 * capture, so it works with a finger, a pen or a mouse) or move it with its up and down
 * buttons; every move is announced. The steps start shuffled. Check sends the order.
 */
/** A saved order, when it holds exactly this scene's steps. */
function draftOrder(draft: unknown, ids: readonly string[]): string[] | null {
  if (!Array.isArray(draft) || draft.length !== ids.length) return null;
  const all = new Set(ids);
  const seen = new Set<unknown>(draft);
  return seen.size === ids.length && draft.every((d) => all.has(d as string))
    ? (draft as string[])
    : null;
}

export default function SequencePlayer(props: PlayerProps<'sequence'>) {
  return <Sequence key={props.sceneKey} {...props} />;
}

function Sequence({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
  sceneKey,
  draft,
  onDraft,
}: PlayerProps<'sequence'>) {
  const { steps } = interaction.args;
  const [order, setOrder] = useState<readonly string[]>(
    () =>
      draftOrder(
        draft,
        steps.map((s) => s.id),
      ) ??
      shuffled(
        steps.map((s) => s.id),
        sceneKey,
      ),
  );
  const [said, setSaid] = useState<{ n: number; text: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const drag = useRef<Drag | null>(null);
  const refocus = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;
  // The scene's speaker reads the steps in the order on screen, never the right order.
  setScreenOrder(sceneKey, order);
  // Every finished move is reported on the draft channel (not each frame of a drag).
  const reported = useRef(order);
  useEffect(() => {
    if (dragging !== null || reported.current === order) return;
    reported.current = order;
    onDraft?.([...order]);
  }, [order, dragging]);

  const byId = new Map(steps.map((s) => [s.id, s]));
  const label = (id: string) => {
    const s = byId.get(id);
    return s ? text(s.text) : id;
  };
  const announce = (id: string, to: number) =>
    setSaid((old) => ({
      n: (old?.n ?? 0) + 1,
      text: t('sequence.moved', { step: label(id), n: to + 1, total: steps.length }),
    }));

  const moveBy = (id: string, delta: -1 | 1) => {
    if (locked) return;
    const to = order.indexOf(id) + delta;
    if (to < 0 || to >= order.length) return;
    refocus.current = { id, dir: delta < 0 ? 'up' : 'down' };
    setOrder(moved(order, id, to));
    announce(id, to);
  };

  /** Puts the dragged card under the pointer again after the list changed under it. */
  const place = () => {
    const d = drag.current;
    const el = d && cards.current.get(d.id);
    if (!d || !el) return;
    const layoutTop = el.getBoundingClientRect().top - d.dy;
    d.dy = d.y - d.grabY - layoutTop;
    el.style.transform = `translateY(${d.dy}px)`;
  };

  useLayoutEffect(() => {
    place();
    const f = refocus.current;
    refocus.current = null;
    if (!f) return;
    const card = cards.current.get(f.id);
    const want = card?.querySelector<HTMLButtonElement>(`.seq-${f.dir}`);
    const other = card?.querySelector<HTMLButtonElement>(`.seq-${f.dir === 'up' ? 'down' : 'up'}`);
    (want && !want.disabled ? want : other)?.focus();
  }, [order]);

  const pointer = usePointerDrag<string>({
    disabled: locked,
    onStart: ({ key, y }) => {
      const el = cards.current.get(key);
      if (!el) return;
      drag.current = {
        id: key,
        grabY: y - el.getBoundingClientRect().top,
        y,
        dy: 0,
        from: orderRef.current.indexOf(key),
      };
      setDragging(key);
    },
    onMove: ({ y }) => {
      const d = drag.current;
      if (!d) return;
      d.y = y;
      place();
      const el = cards.current.get(d.id)!;
      const current = orderRef.current;
      const i = current.indexOf(d.id);
      const middle = d.y - d.grabY + el.offsetHeight / 2;
      const centre = (id: string | undefined) => {
        const r = id ? cards.current.get(id)?.getBoundingClientRect() : undefined;
        return r ? r.top + r.height / 2 : null;
      };
      const below = centre(current[i + 1]);
      const above = centre(current[i - 1]);
      if (below !== null && middle > below) setOrder(moved(current, d.id, i + 1));
      else if (above !== null && middle < above) setOrder(moved(current, d.id, i - 1));
    },
    onEnd: () => {
      const d = drag.current;
      if (!d) return;
      drag.current = null;
      const el = cards.current.get(d.id);
      if (el) el.style.transform = '';
      setDragging(null);
      const to = orderRef.current.indexOf(d.id);
      if (to !== d.from) announce(d.id, to);
    },
  });

  /** Grabbing a card by its grip; the list keeps the pointer while the cards move inside it. */
  const grab = (id: string, e: PointerEvent) => {
    if (locked || !list.current || !cards.current.has(id)) return;
    e.preventDefault();
    pointer.press(id, e, list.current);
  };

  return (
    <div class="sequence-player">
      <p class="seq-how">{t('sequence.howTo')}</p>
      <ol
        ref={list}
        class={`seq-list${dragging ? ' is-dragging' : ''}`}
        aria-label={t('sequence.steps')}
        {...pointer.handlers}
      >
        {order.map((id, i) => {
          const answerAt = solution ? solution.order.indexOf(id) : -1;
          return (
            <li
              key={id}
              ref={(el) => {
                if (el) cards.current.set(id, el);
                else cards.current.delete(id);
              }}
              class={`seq-card${dragging === id ? ' is-dragged' : ''}${answerAt >= 0 ? ' is-solution' : ''}`}
              data-step={id}
            >
              <span class="seq-grip" aria-hidden="true" onPointerDown={(e) => grab(id, e)}>
                <span class="seq-num">{i + 1}</span>
                <svg viewBox="0 0 16 24" width="16" height="24">
                  <circle cx="5" cy="5" r="2" />
                  <circle cx="11" cy="5" r="2" />
                  <circle cx="5" cy="12" r="2" />
                  <circle cx="11" cy="12" r="2" />
                  <circle cx="5" cy="19" r="2" />
                  <circle cx="11" cy="19" r="2" />
                </svg>
              </span>
              <AnswerPicture media={byId.get(id)?.media} text={text} class="seq-picture" />
              <span class="seq-text">
                <span class="visually-hidden">{i + 1}. </span>
                {label(id)}
                {byId.get(id) && <ItemSpeaker tx={byId.get(id)!.text} text={text} />}
                {answerAt >= 0 && (
                  <span class="answer-tag">{t('sequence.answerPlace', { n: answerAt + 1 })}</span>
                )}
              </span>
              <span class="seq-buttons">
                <button
                  type="button"
                  class="seq-move seq-up"
                  aria-label={t('sequence.moveUp', { step: label(id) })}
                  disabled={locked || i === 0}
                  onClick={() => moveBy(id, -1)}
                >
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path d="M12 19V5M5 12l7-7 7 7" />
                  </svg>
                </button>
                <button
                  type="button"
                  class="seq-move seq-down"
                  aria-label={t('sequence.moveDown', { step: label(id) })}
                  disabled={locked || i === order.length - 1}
                  onClick={() => moveBy(id, 1)}
                >
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path d="M12 5v14M5 12l7 7 7-7" />
                  </svg>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div class="visually-hidden" aria-live="polite">
        {said && <p key={said.n}>{said.text}</p>}
      </div>
      <button
        type="button"
        class="primary"
        disabled={locked}
        onClick={() => onAnswer({ type: 'sequence', order: [...order] })}
      >
        {t('play.check')}
      </button>
    </div>
  );
}
