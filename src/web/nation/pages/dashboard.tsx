import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PublishedTable, TableKind } from '../../../engine';
import { Link } from '../../components/link';
import { contentIndex } from '../../content/client';
import { language } from '../../i18n/i18n';
import type { PageProps } from '../../account/account-pages';
import { nationApi } from '../api';
import type { Release } from '../api';
import { itemPrompts } from '../items';
import { NationPage } from '../nation-page';
import { problemMessage } from '../problems';
import { day, nat, namedAreas, tableLabels, when } from '../strings';
import type { NationKey } from '../strings';
import { TableBlock } from '../table-block';

/** A topic's id and name, in the catalogue's order. */
type Topics = readonly { readonly id: string; readonly name: string }[];

/** The catalogue's topics in the page's language (English, or none, when it cannot be read). */
async function loadTopics(): Promise<Topics> {
  const index = await contentIndex(language()).catch(() => contentIndex('en'));
  return index.topics.map((t) => ({ id: t.id, name: t.title.text }));
}

/** Kinds with one table per topic (`mastery/<topic>`), and each one's title. */
const PER_TOPIC: Partial<Record<TableKind, NationKey>> = {
  mastery: 'nation.page.table.mastery',
  gains: 'nation.page.table.gains',
  evidence: 'nation.page.table.evidence',
  items: 'nation.page.table.items',
};

/** A reliability column (`<topic>/<band>/<use>`) split, or null. */
const FORM = /^(.+)\/(\d+)-(\d+)\/(pre|post|transfer)$/;

/** The tables of a kind; per topic for mastery, gains, evidence, items; topics in order. */
function tablesOf(release: Release, kind: TableKind, topics: Topics): PublishedTable[] {
  const tables = release.tables.filter((t) => t.kind === kind);
  const rank = (t: PublishedTable) => {
    const i = topics.findIndex((p) => p.id === topicOf(t));
    return i === -1 ? topics.length : i;
  };
  return tables.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

const topicOf = (t: PublishedTable) => t.id.split('/')[1] ?? t.id;

function Symbols() {
  const items: NationKey[] = [
    'nation.page.symbols.rounded',
    'nation.page.symbols.percent',
    'nation.page.symbols.c',
    'nation.page.symbols.u',
    'nation.page.symbols.z',
    'nation.page.symbols.estimates',
    'nation.page.symbols.measures',
    'nation.page.symbols.statistics',
  ];
  return (
    <section class="card symbols" aria-labelledby="nation-symbols">
      <h2 id="nation-symbols">{nat('nation.page.symbols.heading')}</h2>
      <p>{nat('nation.page.symbols.perTerm')}</p>
      <ul>
        {items.map((k) => (
          <li key={k}>{nat(k)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The sections of the dashboard, in order, with their words. */
const SECTIONS: readonly {
  kind: TableKind;
  id: string;
  heading: NationKey;
  intro: NationKey;
  chart: NationKey;
}[] = [
  {
    kind: 'reach',
    id: 'reach',
    heading: 'nation.page.section.reach',
    intro: 'nation.page.section.reachIntro',
    chart: 'nation.page.chart.reach',
  },
  {
    kind: 'activities',
    id: 'activities',
    heading: 'nation.page.section.activities',
    intro: 'nation.page.section.activitiesIntro',
    chart: 'nation.page.chart.activities',
  },
  {
    kind: 'mastery',
    id: 'mastery',
    heading: 'nation.page.section.mastery',
    intro: 'nation.page.section.masteryIntro',
    chart: 'nation.page.chart.mastery',
  },
  {
    kind: 'gains',
    id: 'gains',
    heading: 'nation.page.section.gains',
    intro: 'nation.page.section.gainsIntro',
    chart: 'nation.page.chart.gains',
  },
  {
    kind: 'most-missed',
    id: 'most-missed',
    heading: 'nation.page.section.mostMissed',
    intro: 'nation.page.section.mostMissedIntro',
    chart: 'nation.page.chart.mostMissed',
  },
  {
    kind: 'detection',
    id: 'detection',
    heading: 'nation.page.section.detection',
    intro: 'nation.page.section.detectionIntro',
    chart: 'nation.page.chart.detection',
  },
  {
    kind: 'evidence',
    id: 'evidence',
    heading: 'nation.page.section.evidence',
    intro: 'nation.page.section.evidenceIntro',
    chart: 'nation.page.chart.evidence',
  },
  {
    kind: 'items',
    id: 'items',
    heading: 'nation.page.section.items',
    intro: 'nation.page.section.itemsIntro',
    chart: 'nation.page.chart.items',
  },
  {
    kind: 'reliability',
    id: 'reliability',
    heading: 'nation.page.section.reliability',
    intro: 'nation.page.section.reliabilityIntro',
    chart: 'nation.page.chart.reliability',
  },
  {
    kind: 'feedback',
    id: 'feedback',
    heading: 'nation.page.section.feedback',
    intro: 'nation.page.section.feedbackIntro',
    chart: 'nation.page.chart.feedback',
  },
];

/**
 * The words of the most-missed table's questions, read from the item banks when the coordinator
 * opens them (about 40 KB compressed: the dashboard does not wait for them).
 */
function QuestionWords(props: { columns: readonly string[]; name: (column: string) => string }) {
  const [words, setWords] = useState<ReadonlyMap<string, string> | 'loading' | 'failed' | null>(
    null,
  );
  const load = () => {
    if (words !== null) return;
    setWords('loading');
    itemPrompts(language(), props.columns).then(setWords, () => setWords('failed'));
  };
  return (
    <details
      class="question-words"
      onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()}
    >
      <summary>{nat('nation.page.questions.show')}</summary>
      {words === 'loading' || words === null ? (
        <p>{nat('nation.page.common.loading')}</p>
      ) : words === 'failed' ? (
        <p>{nat('nation.page.questions.failed')}</p>
      ) : (
        <dl>
          {props.columns.map((c) => (
            <div key={c}>
              <dt>{props.name(c)}</dt>
              <dd>{words.get(c) ?? nat('nation.page.questions.none')}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

/**
 * The content team's tables (`items`, `reliability`: hundreds of rows in a national release)
 * behind a summary, drawn only once opened: the coordinator's page stays light on a phone.
 */
const ON_REQUEST: ReadonlySet<TableKind> = new Set(['items', 'reliability']);

function OnRequest(props: { summary: string; children: () => ComponentChildren }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class="table-on-request"
      onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}
    >
      <summary>{props.summary}</summary>
      {opened && props.children()}
    </details>
  );
}

function Dashboard({ release, topics }: { release: Release; topics: Topics }) {
  const labels = tableLabels();
  const areas = namedAreas(release.areas);
  const topicName = (t: PublishedTable) =>
    topics.find((p) => p.id === topicOf(t))?.name ?? topicOf(t);
  const column = (c: string) => labels.column(c);
  // A most-missed column is `<topic>/<item>`: the topic's name and the item's id in its bank.
  const itemName = (c: string) => {
    const cut = c.indexOf('/');
    if (cut === -1) return c;
    const topic = c.slice(0, cut);
    const name = topics.find((p) => p.id === topic)?.name ?? topic;
    return nat('nation.page.item', { topic: name, item: c.slice(cut + 1) });
  };
  // A reliability column is a topic's form: the topic by its name, as the CSV's words say it.
  const formName = (c: string) => {
    const f = FORM.exec(c);
    if (!f) return column(c);
    const name = topics.find((p) => p.id === f[1])?.name ?? f[1]!;
    return nat('nation.table.form.column', {
      topic: name,
      band: nat('nation.table.band', { band: `${f[2]}–${f[3]}` }),
      check: nat(`nation.table.check.${f[4]}` as NationKey),
    });
  };
  const columnOf = (kind: TableKind) =>
    kind === 'most-missed' ? itemName : kind === 'reliability' ? formName : column;
  return (
    <>
      <p class="lead">
        {nat('nation.page.dashboard.period', { from: day(release.from), to: day(release.to) })}{' '}
        {release.builtBy
          ? nat('nation.page.releases.built', { when: when(release.builtAt), who: release.builtBy })
          : nat('nation.page.releases.builtNoName', { when: when(release.builtAt) })}
      </p>
      <p>
        <Link href="/account/nation">{nat('nation.page.toReleases')}</Link>
      </p>
      <Symbols />
      <nav aria-labelledby="nation-contents" class="nation-contents">
        <h2 id="nation-contents">{nat('nation.page.dashboard.contents')}</h2>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#section-${s.id}`}>{nat(s.heading)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((s) => {
        const tables = tablesOf(release, s.kind, topics);
        const perTopic = PER_TOPIC[s.kind];
        return (
          <section key={s.id} id={`section-${s.id}`} aria-labelledby={`heading-${s.id}`}>
            <h2 id={`heading-${s.id}`}>{nat(s.heading)}</h2>
            <p>{nat(s.intro)}</p>
            {tables.length === 0 && <p>{nat('nation.page.dashboard.noTables')}</p>}
            {tables.map((t) => {
              const topic = perTopic ? topicName(t) : undefined;
              const title = topic && perTopic ? nat(perTopic, { topic }) : nat(s.heading);
              const block = () => (
                <TableBlock
                  key={t.id}
                  term={release.term}
                  table={t}
                  areas={areas}
                  labels={labels}
                  title={title}
                  heading={topic}
                  description={nat(s.chart, { topic: topic ?? '' })}
                  column={columnOf(s.kind)}
                >
                  {s.kind === 'most-missed' && (
                    <>
                      <p>{nat('nation.page.dashboard.itemIds')}</p>
                      <QuestionWords columns={t.columns} name={itemName} />
                    </>
                  )}
                  {s.kind === 'items' && (
                    <QuestionWords
                      columns={[
                        ...new Set(
                          t.columns.map((c) => `${topicOf(t)}/${c.split('/').slice(2).join('/')}`),
                        ),
                      ]}
                      name={itemName}
                    />
                  )}
                  {t.rulesVersion !== undefined && (
                    <p>{nat('nation.page.table.rules', { version: String(t.rulesVersion) })}</p>
                  )}
                </TableBlock>
              );
              return ON_REQUEST.has(s.kind) ? (
                <OnRequest key={t.id} summary={nat('nation.page.table.show', { table: title })}>
                  {block}
                </OnRequest>
              ) : (
                block()
              );
            })}
          </section>
        );
      })}
    </>
  );
}

function ReleaseView({ term }: { term: string }) {
  const [release, setRelease] = useState<Release | null>(null);
  const [topics, setTopics] = useState<Topics | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    nationApi.release(term).then(setRelease, (e) => setProblem(problemMessage(e)));
    loadTopics().then(setTopics, () => setTopics([]));
  }, [term]);
  if (problem)
    return (
      <>
        <p class="notice">{problem}</p>
        <p>
          <Link href="/account/nation">{nat('nation.page.toReleases')}</Link>
        </p>
      </>
    );
  if (!release || !topics) return <p>{nat('nation.page.common.loading')}</p>;
  return <Dashboard release={release} topics={topics} />;
}

/** `/account/nation/:term`: one term's national figures (NATION-2, docs/national.md). */
export function NationDashboardPage({ params }: PageProps) {
  const term = params.term ?? '';
  return (
    <NationPage title={() => nat('nation.page.dashboard.title', { term })}>
      {() => <ReleaseView term={term} />}
    </NationPage>
  );
}
