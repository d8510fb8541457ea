import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChartData } from './chart-data';

/** The width the chart has, so its text stays the page's size on a phone and on a desktop. */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(600);
  const node = useRef<HTMLDivElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  useLayoutEffect(() => () => observer.current?.disconnect(), []);
  const ref = (el: HTMLDivElement | null) => {
    if (el === node.current) return;
    observer.current?.disconnect();
    node.current = el;
    if (!el) return;
    const fit = (w: number) => setWidth(Math.max(260, Math.min(720, Math.round(w))));
    fit(el.clientWidth || 600);
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => entry && fit(entry.contentRect.width));
    observer.current.observe(el);
  };
  return [ref, width];
}

const ROW = 46;
const BAR = 16;
/** Room for the value written after a bar ("0.42 [u]", ">95%"). */
const VALUE_ROOM = 84;

/**
 * A horizontal bar chart (an SVG with role "img", its title and description): each bar's label
 * above it and its value written after it, so nothing is told by colour or length alone. A value
 * hidden to protect children is an empty striped bar with "[c]"; a value that does not apply
 * has no bar, only "[z]". Learning gains below zero grow left of a marked zero line.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  data: ChartData;
}) {
  const [ref, width] = useWidth();
  const { data } = props;
  const height = data.bars.length * ROW + 6;
  const track = width - VALUE_ROOM;
  const span = data.max - data.min || 1;
  const x = (v: number) => (track * (v - data.min)) / span;
  const zero = x(0);
  const labelChars = Math.floor(width / 7.6);
  const cut = (s: string) => (s.length > labelChars ? `${s.slice(0, labelChars - 1)}…` : s);
  const hatch = `${props.id}-hatch`;
  return (
    <div class="nation-chart" ref={ref}>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        <defs>
          <pattern
            id={hatch}
            patternUnits="userSpaceOnUse"
            width="8"
            height="8"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="8" class="hatch-line" />
          </pattern>
        </defs>
        {data.bars.map((b, i) => {
          const y = i * ROW;
          const top = y + 24;
          const start = Math.min(zero, b.value === null ? zero : x(b.value));
          const length = b.value === null ? 0 : Math.max(3, Math.abs(x(b.value) - zero));
          const end = b.hidden ? track : b.value === null ? zero : start + length;
          return (
            <g key={b.key}>
              <text x={0} y={y + 16} class="chart-label">
                {cut(b.label)}
              </text>
              {b.hidden ? (
                <rect
                  x={0}
                  y={top}
                  width={track}
                  height={BAR}
                  rx={4}
                  fill={`url(#${hatch})`}
                  class="bar-hidden"
                />
              ) : b.value !== null ? (
                <rect x={start} y={top} width={length} height={BAR} rx={4} class="bar" />
              ) : null}
              <text x={end + 6} y={top + 13} class="chart-value">
                {b.text}
              </text>
            </g>
          );
        })}
        {data.min < 0 && <line x1={zero} x2={zero} y1={0} y2={height} class="zero-line" />}
      </svg>
    </div>
  );
}
