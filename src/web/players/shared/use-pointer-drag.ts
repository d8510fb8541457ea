import { useRef } from 'preact/hooks';

/** Where a drag is: the pointer now (viewport) and how far it moved on the page since the press. */
export interface DragPoint<K> {
  /** What is being dragged (a card id). */
  readonly key: K;
  readonly x: number;
  readonly y: number;
  /** Movement since the press, counting any scrolling of the page in between. */
  readonly dx: number;
  readonly dy: number;
}

export interface PointerDragOptions<K> {
  /** No drag starts while true (the player is locked). */
  readonly disabled: boolean;
  /** How far (px) a press must move to become a drag; a shorter press stays a tap. Default 0. */
  readonly threshold?: number;
  /** Scroll the page a little when the pointer nears its top or bottom edge. */
  readonly edgeScroll?: boolean;
  /** The press became a drag. */
  onStart?(point: DragPoint<K>): void;
  onMove(point: DragPoint<K>): void;
  /** The drag ended: `dropped` when released, false when cancelled (a lost pointer). */
  onEnd(point: DragPoint<K>, dropped: boolean): void;
}

export interface PointerDrag<K> {
  /** Call from `onPointerDown`; captures the pointer on `captureOn` (default the target). */
  press(key: K, e: PointerEvent, captureOn?: Element): void;
  /** Spread on the element that captures the pointer. */
  readonly handlers: {
    onPointerMove(e: PointerEvent): void;
    onPointerUp(e: PointerEvent): void;
    onPointerCancel(e: PointerEvent): void;
    onLostPointerCapture(e: PointerEvent): void;
  };
  /** True (once) when the click that follows a finished drag must be ignored: it was no tap. */
  takeClick(): boolean;
}

interface Press<K> {
  key: K;
  pointer: number;
  x0: number;
  y0: number;
  scroll0: number;
  started: boolean;
}

/** How close to the viewport's edge (px) a drag scrolls the page, and by how much per move. */
const EDGE = 56;
const EDGE_STEP = 14;

/**
 * One pointer drag for the sort and sequence players (Pointer Events with pointer capture: a
 * finger, a pen and a mouse alike; HTML5 drag and drop does not work on touch screens). Tracks
 * one pointer, ignores other buttons than the main one, tells a tap from a drag, and reports
 * start, moves and the drop; the player decides what a move means.
 */
export function usePointerDrag<K>(options: PointerDragOptions<K>): PointerDrag<K> {
  const press = useRef<Press<K> | null>(null);
  const eatClick = useRef(false);
  const opts = useRef(options);
  opts.current = options;

  const pointOf = (p: Press<K>, e: PointerEvent): DragPoint<K> => ({
    key: p.key,
    x: e.clientX,
    y: e.clientY,
    dx: e.clientX - p.x0,
    dy: e.clientY - p.y0 + window.scrollY - p.scroll0,
  });

  const finish = (e: PointerEvent, dropped: boolean) => {
    const p = press.current;
    if (!p || p.pointer !== e.pointerId) return;
    press.current = null;
    if (!p.started) return; // a tap: the click that follows is the child's choice
    eatClick.current = true;
    opts.current.onEnd(pointOf(p, e), dropped);
  };

  return {
    press: (key, e, captureOn) => {
      eatClick.current = false;
      if (opts.current.disabled || press.current || e.button !== 0) return;
      press.current = {
        key,
        pointer: e.pointerId,
        x0: e.clientX,
        y0: e.clientY,
        scroll0: window.scrollY,
        started: false,
      };
      (captureOn ?? (e.currentTarget as Element)).setPointerCapture(e.pointerId);
      if ((opts.current.threshold ?? 0) === 0) {
        press.current.started = true;
        opts.current.onStart?.(pointOf(press.current, e));
      }
    },
    handlers: {
      onPointerMove: (e) => {
        const p = press.current;
        if (!p || p.pointer !== e.pointerId) return;
        const { threshold = 0, edgeScroll, onStart, onMove } = opts.current;
        if (!p.started) {
          if (Math.hypot(e.clientX - p.x0, e.clientY - p.y0) < threshold) return;
          p.started = true;
          onStart?.(pointOf(p, e));
        }
        if (edgeScroll) {
          if (e.clientY < EDGE) window.scrollBy(0, -EDGE_STEP);
          else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, EDGE_STEP);
        }
        onMove(pointOf(p, e));
      },
      onPointerUp: (e) => finish(e, true),
      onPointerCancel: (e) => finish(e, false),
      onLostPointerCapture: (e) => finish(e, false),
    },
    takeClick: () => {
      const eat = eatClick.current;
      eatClick.current = false;
      return eat;
    },
  };
}
