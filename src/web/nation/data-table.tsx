import type { TableLayout } from '../../engine';

/**
 * A published table as the engine laid it out (`tableLayout`): the same header and cells, in the
 * same order, as its CSV. Each row is headed by its area; the level follows as a cell.
 * `turned`: a table of one row (the nation's, in the national-only tables of items and feedback
 * answers, which have many columns) is shown turned a quarter, one row per column of the CSV,
 * so a phone scrolls down it rather than across; the texts are the same.
 */
export function DataTable(props: {
  id: string;
  caption: string;
  layout: TableLayout;
  turned?: boolean;
}) {
  const { layout } = props;
  const row = layout.rows[0];
  const turned = props.turned === true && layout.rows.length === 1 && row !== undefined;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
      <table class={`nation-table${turned ? ' turned' : ''}`} id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        {turned ? (
          <>
            <thead>
              <tr>
                <th scope="col">{layout.header[0]}</th>
                <th scope="col">{row.cells[0]}</th>
              </tr>
            </thead>
            <tbody>
              {layout.header.slice(1).map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h}</th>
                  <td class={i > 0 ? 'num' : undefined}>{row.cells[i + 1]}</td>
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <thead>
              <tr>
                {layout.header.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {layout.rows.map((r) => (
                <tr key={r.area} class={`level-${r.level}`}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      <th scope="row" key={i}>
                        {c}
                      </th>
                    ) : (
                      <td key={i} class={i > 1 ? 'num' : undefined}>
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
