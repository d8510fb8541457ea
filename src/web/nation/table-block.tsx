import type { ComponentChildren } from 'preact';
import type { LayoutLabels, PublishedTable, ReleaseArea } from '../../engine';
import { KIND_RULES, tableLayout } from '../../engine';
import { csvUrl } from './api';
import { BarChart } from './chart';
import { chartData } from './chart-data';
import { DataTable } from './data-table';
import { csvLanguage, nat } from './strings';

/** An id for the page's elements from a table's id (`mastery/passwords` → `t-mastery-passwords`). */
const domId = (table: string) => `t-${table.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * One table of a release: its chart, its data table (laid out by the engine exactly as the CSV
 * is) and the link to that CSV in the page's language.
 */
export function TableBlock(props: {
  term: string;
  table: PublishedTable;
  areas: readonly ReleaseArea[];
  labels: LayoutLabels;
  /** The table's name: the caption, the chart's title and the download's words. */
  title: string;
  /** What the chart shows, in words. */
  description: string;
  /** The name of a column in the chart (the table writes `labels.column`). */
  column: (id: string) => string;
  /** A heading above it (a topic's name), when its section holds several tables. */
  heading?: string;
  children?: ComponentChildren;
}) {
  const id = domId(props.table.id);
  const layout = tableLayout(props.table, props.areas, props.labels);
  const data = chartData(props.table, props.areas, props.column, props.labels.lowReliability);
  return (
    <div class="table-block">
      {props.heading && <h3 id={`${id}-heading`}>{props.heading}</h3>}
      <BarChart
        id={`${id}-chart`}
        title={nat('nation.page.chart.title', { table: props.title })}
        description={props.description}
        data={data}
      />
      <DataTable
        id={id}
        caption={nat('nation.page.caption', { table: props.title, term: props.term })}
        layout={layout}
        turned={KIND_RULES[props.table.kind].levels.length === 1}
      />
      {props.children}
      <p>
        <a
          class="button secondary csv-link"
          href={csvUrl(props.term, props.table.id, csvLanguage())}
          download
        >
          {nat('nation.page.csv', { table: props.title })}
        </a>
      </p>
    </div>
  );
}
