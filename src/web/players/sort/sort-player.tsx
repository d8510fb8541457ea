import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SortItem } from '../../../engine';
import { t } from '../../i18n/i18n';
import type { PlayerProps } from '../types';
import { usePointerDrag } from '../shared/use-pointer-drag';
import './sort-player.css';
import { AnswerPicture } from '../../components/answer-picture';
import { ItemSpeaker } from '../../components/item-speaker';

/** Where a card is: a bin id, or `TRAY` while it is still to sort. */
const TRAY = '';
type Placement = Readonly<Record<string, string>>;

/** How far a pointer must move before a press becomes a drag (a shorter press is a tap). */
const DRAG_START = 8;

/**
 * `sort`: put each card into a box. Three ways, all equal: drag a card with a finger or mouse;
 * tap a card, then tap a box; or with the keyboard, press Enter on a card and then on a box, or
 * move it from box to box with the arrow keys. Every move is announced. Check sends the
 * placement once every card is in a box.
 */
export default function SortPlayer(props: PlayerProps<'sort'>) {
  return <SortBoard key={props.sceneKey} {...props} />;
}

/**
 * The placement to start from: the draft's cards that sit in a real bin (after a reload, or the
 * right cards kept for a try again); every other card waits in the tray.
 */
function startPlacement(
  items: readonly SortItem[],
  bins: readonly { id: string }[],
  draft: unknown,
): Placement {
  const saved = draft && typeof draft === 'object' ? (draft as Record<string, unknown>) : {};
  return Object.fromEntries(
    items.map((i) => {
      const bin = Object.hasOwn(saved, i.id) ? saved[i.id] : TRAY;
      return [i.id, bins.some((b) => b.id === bin) ? (bin as string) : TRAY];
    }),
  );
}

function SortBoard({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
  draft,
  onDraft,
}: PlayerProps<'sort'>) {
  const { bins, items } = interaction.args;
  const id = useId();
  const [placement, setPlacement] = useState<Placement>(() => startPlacement(items, bins, draft));
  // Every move is reported on the draft channel, so a reload keeps the placements.
  const reported = useRef(placement);
  useEffect(() => {
    if (reported.current === placement) return;
    reported.current = placement;
    onDraft?.({ ...placement });
  }, [placement]);
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ id: string; dx: number; dy: number } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState('');
  const zones = useRef(new Map<string, HTMLElement>());
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRef<string | null>(null);

  // After a keyboard move the card sits in another box (a new element): keep focus on it.
  useLayoutEffect(() => {
    const moved = refocus.current;
    if (moved) {
      const cards = root.current?.querySelectorAll<HTMLElement>('[data-card]') ?? [];
      [...cards].find((c) => c.dataset.card === moved)?.focus();
    }
    refocus.current = null;
  }, [placement]);

  const binLabel = (bin: string) => {
    const b = bins.find((x) => x.id === bin);
    return b ? text(b.label) : t('sort.toSort');
  };
  const itemText = (item: SortItem) => text(item.text);
  const byId = (itemId: string) => items.find((i) => i.id === itemId);

  const move = (itemId: string, bin: string) => {
    const item = byId(itemId);
    if (!item || locked) return;
    setPlacement((p) => ({ ...p, [itemId]: bin }));
    setSelected(null);
    setProblem('');
    setSaid(
      bin === TRAY
        ? t('sort.back', { card: itemText(item) })
        : t('sort.moved', { card: itemText(item), bin: binLabel(bin) }),
    );
  };

  const pick = (itemId: string) => {
    const item = byId(itemId);
    if (!item || locked) return;
    if (selected === itemId) {
      setSelected(null);
      setSaid('');
      return;
    }
    setSelected(itemId);
    setSaid(t('sort.picked', { card: itemText(item) }));
  };

  const zoneAt = (x: number, y: number): string | null => {
    for (const [zone, el] of zones.current) {
      const r = el.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return zone;
    }
    return null;
  };

  const drag = usePointerDrag<string>({
    disabled: locked,
    threshold: DRAG_START,
    edgeScroll: true,
    onMove: ({ key, x, y, dx, dy }) => {
      setDragging({ id: key, dx, dy });
      setOver(zoneAt(x, y));
    },
    onEnd: ({ key, x, y }, dropped) => {
      setDragging(null);
      setOver(null);
      const zone = dropped ? zoneAt(x, y) : null;
      if (zone !== null && zone !== placement[key]) move(key, zone);
    },
  });

  const onKeyDown = (e: KeyboardEvent, itemId: string) => {
    const order = bins.map((b) => b.id);
    const at = order.indexOf(placement[itemId] ?? TRAY);
    let to: string | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown')
      to = order[at < 0 ? 0 : (at + 1) % order.length];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp')
      to = order[at <= 0 ? order.length - 1 : at - 1];
    else if (e.key === 'Escape') {
      if (selected) {
        e.preventDefault();
        setSelected(null);
        setSaid('');
        return;
      }
      if (placement[itemId] === TRAY) return;
      to = TRAY;
    } else return;
    e.preventDefault();
    if (to === undefined) return;
    refocus.current = itemId;
    move(itemId, to);
  };

  const chooseZone = (zone: string) => {
    if (locked) return;
    if (!selected) {
      setSaid(t('sort.pickFirst'));
      return;
    }
    move(selected, zone);
  };

  const check = () => {
    if (locked) return;
    if (items.some((i) => !placement[i.id])) {
      setProblem(t('sort.notDone'));
      return;
    }
    onAnswer({ type: 'sort', placement: { ...placement } });
  };

  const card = (item: SortItem) => {
    const d = dragging?.id === item.id ? dragging : null;
    const answer = solution?.placement[item.id];
    return (
      <li key={item.id} class="sort-item">
        <button
          type="button"
          data-card={item.id}
          class={`sort-card${d ? ' is-dragging' : ''}`}
          style={d ? { transform: `translate(${d.dx}px, ${d.dy}px)` } : undefined}
          aria-pressed={selected === item.id}
          aria-describedby={`${id}-keys`}
          disabled={locked}
          onPointerDown={(e) => drag.press(item.id, e)}
          {...drag.handlers}
          onKeyDown={(e) => onKeyDown(e, item.id)}
          onClick={() => {
            if (!drag.takeClick()) pick(item.id);
          }}
        >
          <span class="sort-grip" aria-hidden="true" />
          <span class="sort-card-text">{itemText(item)}</span>
          <AnswerPicture media={item.media} text={text} class="sort-card-media" />
          {answer && (
            <span class="sort-answer">
              {t('play.solutionLabel')}: {binLabel(answer)}
            </span>
          )}
        </button>
        <ItemSpeaker tx={item.text} text={text} />
      </li>
    );
  };

  const zone = (zoneId: string, label: string, index: number) => {
    const here = items.filter((i) => (placement[i.id] ?? TRAY) === zoneId);
    const isTray = zoneId === TRAY;
    return (
      <section
        key={zoneId || 'tray'}
        ref={(el) => {
          if (el) zones.current.set(zoneId, el);
          else zones.current.delete(zoneId);
        }}
        class={`sort-zone ${isTray ? 'sort-tray' : `sort-bin sort-bin-${(index - 1) % 3}`}${
          over === zoneId ? ' is-over' : ''
        }${selected && placement[selected] !== zoneId ? ' is-target' : ''}`}
        aria-labelledby={`${id}-z${index}`}
      >
        <button
          type="button"
          id={`${id}-z${index}`}
          class="sort-zone-head"
          disabled={locked}
          onClick={() => chooseZone(zoneId)}
        >
          <span class="sort-zone-name">{label}</span>
          {selected && placement[selected] !== zoneId && (
            <span class="sort-put">{t('sort.putHere')}</span>
          )}
          {!isTray && (
            <span class="sort-count" aria-hidden="true">
              {here.length}
            </span>
          )}
        </button>
        {here.length > 0 ? (
          <ul class="sort-cards">{here.map(card)}</ul>
        ) : (
          <p class="sort-empty">{isTray ? t('sort.allSorted') : t('sort.emptyBin')}</p>
        )}
      </section>
    );
  };

  return (
    <div ref={root} class={`sort${dragging ? ' is-dragging' : ''}`}>
      <p class="sort-howto">{t('sort.instructions')}</p>
      <p id={`${id}-keys`} hidden>
        {t('sort.keyboardHelp')}
      </p>
      {zone(TRAY, t('sort.toSort'), 0)}
      <div class="sort-bins">{bins.map((b, i) => zone(b.id, text(b.label), i + 1))}</div>
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
      <p class="sort-problem" role="alert">
        {problem}
      </p>
      <button type="button" class="primary sort-check" disabled={locked} onClick={check}>
        {t('play.check')}
      </button>
    </div>
  );
}
