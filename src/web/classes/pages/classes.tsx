import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { classesApi } from '../api';
import type { ClassSummary } from '../api';
import { bandLabel } from '../choices';
import { NewClass } from '../new-class';
import { problemMessage } from '../problems';
import { RolePage } from '../role-page';
import { ct } from '../strings';
import '../classes.css';

function ClassList() {
  const [classes, setClasses] = useState<readonly ClassSummary[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    classesApi.classes().then(
      (r) => setClasses(r.classes),
      (e) => setFailed(problemMessage(e)),
    );
  }, []);
  if (failed) return <p class="notice">{failed}</p>;
  if (!classes) return <p>{ct('common.loading')}</p>;
  return (
    <>
      {classes.length === 0 ? (
        <p>{ct('classes.none')}</p>
      ) : (
        <ul class="class-list">
          {classes.map((c) => (
            <li key={c.id} class="card">
              <h2>
                <Link href={`/account/classes/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              </h2>
              <dl class="facts">
                <dt>{ct('class.band')}</dt>
                <dd>{bandLabel(c.band)}</dd>
                <dt>{ct('class.code')}</dt>
                <dd class="class-code-small">{c.code}</dd>
                <dt>{ct('class.children')}</dt>
                <dd>{c.children}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <NewClass onCancel={() => setAdding(false)} />
      ) : (
        <p>
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {ct('classes.new')}
          </button>
        </p>
      )}
    </>
  );
}

/** A teacher's classes (ADULT-3): each with its band, code and number of children; a new one. */
export function ClassesPage() {
  return (
    <RolePage title={ct('classes.title')} role="teacher">
      {() => (
        <>
          <p>{ct('classes.intro')}</p>
          <ClassList />
        </>
      )}
    </RolePage>
  );
}
