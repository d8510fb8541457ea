import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { industryApi } from '../api';
import type { StatisticsCell } from '../../../engine';
import type { Framework, Statistics } from '../api';
import { sectionTitle } from '../framework';
import { IndustryPage } from '../industry-page';
import { maturityLabel } from '../labels';
import { problemMessage } from '../problems';
import { nt, percent } from '../strings';
import { loadFramework } from '../use-assessment';

type Shown = Exclude<StatisticsCell, { suppressed: true }>;
const shown = (c: StatisticsCell | undefined): c is Shown => !!c && c.suppressed !== true;
type Year = Statistics['years'][number];
const sectionCell = (y: Year, section: string): StatisticsCell =>
  y.sections.find((s) => s.section === section)?.cell ?? { suppressed: true };

/** The width the chart has, so its text stays the page's size on a phone and on a desktop. */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(600);
  const el = useRef<HTMLDivElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  useLayoutEffect(() => () => observer.current?.disconnect(), []);
  const ref = (node: HTMLDivElement | null) => {
    if (node === el.current) return;
    observer.current?.disconnect();
    el.current = node;
    if (!node) return;
    setWidth(Math.max(280, Math.round(node.clientWidth)));
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.current.observe(node);
  };
  return [ref, width];
}

/**
 * The median score per section in one year as horizontal bars (IND-24), each labelled in words;
 * a cell of fewer than five companies has no bar, only those words (IND-18). The table below
 * holds the same numbers for every year.
 */
function Chart(props: { framework: Framework; year: Year }) {
  const [ref, width] = useWidth();
  const rows = [
    { id: 'overall', label: nt('industry.stats.overall'), cell: props.year.overall },
    ...props.framework.sections.map((s) => ({
      id: s.id,
      label: s.title,
      cell: sectionCell(props.year, s.id),
    })),
  ];
  const rowH = 52;
  const labelChars = Math.floor((width - 8) / 7.4);
  const cut = (s: string) => (s.length > labelChars ? `${s.slice(0, labelChars - 1)}…` : s);
  const barMax = width - 70;
  return (
    <div class="chart" ref={ref}>
      <svg
        width={width}
        height={rows.length * rowH + 8}
        viewBox={`0 0 ${width} ${rows.length * rowH + 8}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">
          {nt('industry.stats.chartTitle', { year: String(props.year.year) })}
        </title>
        <desc id="chart-desc">{nt('industry.stats.chartDesc')}</desc>
        {rows.map((r, i) => {
          const y = i * rowH;
          const value = shown(r.cell) ? r.cell.median : null;
          return (
            <g key={r.id}>
              <text
                x={0}
                y={y + 18}
                class={r.id === 'overall' ? 'chart-label strong' : 'chart-label'}
              >
                {cut(r.label)}
              </text>
              <rect x={0} y={y + 26} width={barMax} height={16} rx={8} class="chart-track" />
              {value !== null ? (
                <>
                  <rect
                    x={0}
                    y={y + 26}
                    width={Math.max(4, (barMax * value) / 100)}
                    height={16}
                    rx={8}
                    class="chart-bar"
                  />
                  <text x={barMax + 8} y={y + 39} class="chart-value">
                    {percent(value)}
                  </text>
                </>
              ) : (
                <text x={8} y={y + 39} class="chart-suppressed">
                  {nt('industry.stats.suppressed')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

const cellText = (c: StatisticsCell | undefined) =>
  shown(c)
    ? nt('industry.stats.cell', { median: percent(c.median), n: c.companies })
    : nt('industry.stats.suppressed');

function Stats() {
  const [framework, setFramework] = useState<Framework | null>(null);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      const list = await industryApi.frameworks();
      const key = list.at(-1)?.key;
      if (!key) return setFailed(nt('industry.stats.noFramework'));
      const [f, s] = await Promise.all([loadFramework(key), industryApi.statistics(key)]);
      setFramework(f);
      setStats(s);
      setYear(s.years.at(-1)?.year ?? null);
    })().catch((e: unknown) => setFailed(problemMessage(e)));
  }, []);
  if (failed) return <p class="notice">{failed}</p>;
  if (!framework || !stats) return <p>{nt('industry.common.loading')}</p>;
  if (stats.years.length === 0) return <p>{nt('industry.stats.none')}</p>;
  const current = stats.years.find((y) => y.year === year) ?? stats.years.at(-1)!;
  return (
    <>
      <p class="field-hint">
        {nt('industry.common.frameworkVersion', {
          title: framework.title,
          version: framework.version,
        })}
      </p>
      {stats.years.length > 1 && (
        <div class="field account-form">
          <label for="stats-year">{nt('industry.stats.year')}</label>
          <select
            id="stats-year"
            value={String(current.year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
          >
            {stats.years.map((y) => (
              <option key={y.year} value={String(y.year)}>
                {y.year}
              </option>
            ))}
          </select>
        </div>
      )}
      <section class="card" aria-labelledby="stats-chart">
        <h2 id="stats-chart">
          {nt('industry.stats.chartHeading', { year: String(current.year) })}
        </h2>
        <Chart framework={framework} year={current} />
      </section>
      <section aria-labelledby="stats-table">
        <h2 id="stats-table">{nt('industry.stats.tableTitle')}</h2>
        <div class="table-scroll" tabIndex={0} aria-labelledby="stats-table">
          <table class="score-table">
            <thead>
              <tr>
                <th scope="col">{nt('industry.results.section')}</th>
                {stats.years.map((y) => (
                  <th scope="col" key={y.year}>
                    {y.year}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{nt('industry.stats.overall')}</th>
                {stats.years.map((y) => (
                  <td key={y.year}>{cellText(y.overall)}</td>
                ))}
              </tr>
              {framework.sections.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{sectionTitle(framework, s.id)}</th>
                  {stats.years.map((y) => (
                    <td key={y.year}>{cellText(sectionCell(y, s.id))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="stats-maturity">
        <h2 id="stats-maturity">{nt('industry.stats.maturityTitle')}</h2>
        <div class="table-scroll" tabIndex={0} aria-labelledby="stats-maturity">
          <table class="score-table">
            <thead>
              <tr>
                <th scope="col">{nt('industry.stats.year')}</th>
                {([1, 2, 3, 4] as const).map((m) => (
                  <th scope="col" key={m}>
                    {maturityLabel(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  {shown(y.overall) ? (
                    ([1, 2, 3, 4] as const).map((m) => (
                      <td class="num" key={m}>
                        {(y.overall as Shown).levels[m - 1]}
                      </td>
                    ))
                  ) : (
                    <td colSpan={4}>{nt('industry.stats.suppressed')}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/**
 * Sector statistics (IND-18, IND-24): over the latest accepted assessment of each company, the
 * median score per section and year and the spread of maturity levels, as a chart and as tables.
 * Cells of fewer than five companies carry no numbers.
 */
export function StatisticsPage() {
  return (
    <IndustryPage title="industry.stats.title" audience="reviewer">
      {() => (
        <>
          <p class="lead">{nt('industry.stats.intro')}</p>
          <Stats />
        </>
      )}
    </IndustryPage>
  );
}
